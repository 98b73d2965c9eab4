package org.praxis.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.organization.County;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class CohortServiceTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;

    private static List<Long> ids(List<CohortPerson> people) {
        return people.stream().map(CohortPerson::memberId).toList();
    }

    private static List<Long> cohortIds(List<CohortOverview> overviews) {
        return overviews.stream().map(CohortOverview::id).toList();
    }

    private void deactivate(Person p) {
        data.db().update(MEMBER).set(MEMBER.ACTIVE, false).where(MEMBER.ID.eq(p.id())).execute();
    }

    private void rename(Person p, String displayName) {
        data.db().update(MEMBER).set(MEMBER.DISPLAY_NAME, displayName).where(MEMBER.ID.eq(p.id())).execute();
    }

    @Test
    void a_member_sees_their_cohort_with_facilitators_and_members_split() {
        long cohort = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        Person me = data.personIn(cohort, Role.MEMBER);
        Person peer = data.personIn(cohort, Role.MEMBER);
        data.signIn(me);

        List<CohortOverview> mine = cohorts.myCohorts();

        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(cohort);
            assertThat(c.name()).isEqualTo(data.cohortName(cohort));
            assertThat(c.capacity()).isEqualTo(15);
            assertThat(ids(c.facilitators())).containsExactly(facilitator.id());
            assertThat(ids(c.members())).containsExactlyInAnyOrder(me.id(), peer.id());
            assertThat(c.facilitators()).allSatisfy(p -> assertThat(p.role()).isEqualTo(CohortRole.FACILITATOR));
            assertThat(c.members()).allSatisfy(p -> assertThat(p.role()).isEqualTo(CohortRole.MEMBER));
        });
    }

    @Test
    void people_are_shown_with_their_organisation_and_in_name_order() {
        long cohort = data.cohort();
        String orgName = TestData.unique("Org");
        long org = data.organization(orgName, "BEHAVIORAL_HEALTH", "SNOHOMISH");
        Person withOrg = data.person(Role.MEMBER, org, "they/them");
        data.join(cohort, withOrg);
        Person withoutOrg = data.person(Role.MEMBER);
        data.join(cohort, withoutOrg);
        // names whose order does not depend on the database's collation
        rename(withOrg, "Zora " + TestData.unique("z"));
        rename(withoutOrg, "Abel " + TestData.unique("a"));
        data.signIn(withOrg);

        CohortOverview c = cohorts.myCohorts().get(0);

        assertThat(ids(c.members())).containsExactly(withoutOrg.id(), withOrg.id());
        assertThat(c.members()).filteredOn(p -> p.memberId() == withOrg.id()).singleElement().satisfies(p -> {
            assertThat(p.pronouns()).isEqualTo("they/them");
            assertThat(p.organizationName()).isEqualTo(orgName);
            assertThat(p.county()).isEqualTo(County.SNOHOMISH);
        });
        assertThat(c.members()).filteredOn(p -> p.memberId() == withoutOrg.id()).singleElement().satisfies(p -> {
            assertThat(p.organizationName()).isNull();
            assertThat(p.county()).isNull();
        });
    }

    @Test
    void a_member_never_sees_another_cohort_or_its_people() {
        long mine = data.cohort();
        long theirs = data.cohort();
        Person me = data.personIn(mine, Role.MEMBER);
        Person stranger = data.personIn(theirs, Role.MEMBER);
        Person strangersFacilitator = data.personIn(theirs, Role.FACILITATOR);
        data.signIn(me);

        List<CohortOverview> seen = cohorts.myCohorts();

        assertThat(cohortIds(seen)).containsExactly(mine);
        assertThat(seen).flatMap(CohortOverview::members).extracting(CohortPerson::memberId)
                .doesNotContain(stranger.id(), strangersFacilitator.id());
        assertThat(seen).flatMap(CohortOverview::facilitators).extracting(CohortPerson::memberId)
                .doesNotContain(stranger.id(), strangersFacilitator.id());
    }

    @Test
    void someone_in_no_cohort_sees_none() {
        data.cohort();
        data.signIn(data.person(Role.MEMBER));

        assertThat(cohorts.myCohorts()).isEmpty();
    }

    @Test
    void someone_in_two_cohorts_sees_both_and_the_newest_first() {
        long older = data.cohort();
        long newer = data.cohort();
        data.db().update(COHORT).set(COHORT.STARTS_ON, LocalDate.of(2024, 1, 1)).where(COHORT.ID.eq(older)).execute();
        data.db().update(COHORT).set(COHORT.STARTS_ON, LocalDate.of(2025, 1, 1)).where(COHORT.ID.eq(newer)).execute();
        Person facilitator = data.personIn(older, Role.FACILITATOR);
        data.join(newer, facilitator);
        data.signIn(facilitator);

        assertThat(cohortIds(cohorts.myCohorts())).containsExactly(newer, older);
    }

    @Test
    void deactivated_people_are_not_listed() {
        long cohort = data.cohort();
        Person me = data.personIn(cohort, Role.MEMBER);
        Person gone = data.personIn(cohort, Role.MEMBER);
        Person goneFacilitator = data.personIn(cohort, Role.FACILITATOR);
        Person staying = data.personIn(cohort, Role.FACILITATOR);
        deactivate(gone);
        deactivate(goneFacilitator);
        data.signIn(me);

        CohortOverview c = cohorts.myCohorts().get(0);

        assertThat(ids(c.members())).containsExactly(me.id());
        assertThat(ids(c.facilitators())).containsExactly(staying.id());
    }

    @Test
    void nobody_signed_in_is_refused_my_cohorts() {
        assertThatThrownBy(() -> cohorts.myCohorts()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_may_assign_to_every_cohort() {
        long one = data.cohort();
        long other = data.cohort();
        data.signIn(data.person(Role.ADMIN));

        assertThat(cohorts.assignable()).extracting(CohortChoice::id).contains(one, other);
    }

    @Test
    void a_facilitator_may_assign_only_to_the_cohorts_they_facilitate() {
        long facilitated = data.cohort();
        long joinedAsMember = data.cohort();
        long elsewhere = data.cohort();
        Person facilitator = data.personIn(facilitated, Role.FACILITATOR);
        data.db().insertInto(COHORT_MEMBERSHIP)
                .set(COHORT_MEMBERSHIP.COHORT_ID, joinedAsMember)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, facilitator.id())
                .set(COHORT_MEMBERSHIP.ROLE, "MEMBER")
                .execute();
        data.personIn(elsewhere, Role.FACILITATOR);
        data.signIn(facilitator);

        assertThat(cohorts.assignable()).containsExactly(new CohortChoice(facilitated, data.cohortName(facilitated)));
    }

    @Test
    void a_member_is_refused_assignable_cohorts() {
        long cohort = data.cohort();
        data.signIn(data.personIn(cohort, Role.MEMBER));

        assertThatThrownBy(() -> cohorts.assignable()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_in_is_refused_assignable_cohorts() {
        assertThatThrownBy(() -> cohorts.assignable()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_a_facilitator_of_the_cohort_opens_it_to_applications() {
        long cohort = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        for (Person refused : List.of(data.personIn(cohort, Role.MEMBER), data.personIn(data.cohort(), Role.FACILITATOR),
                data.person(Role.ADMIN))) {
            data.signIn(refused);
            assertThatThrownBy(() -> cohorts.setApplicationsOpen(cohort, true)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(cohorts.takingApplications()).extracting(CohortChoice::id).doesNotContain(cohort);

        data.signIn(facilitator);
        cohorts.setApplicationsOpen(cohort, true);
        assertThat(cohorts.takingApplications()).extracting(CohortChoice::id).contains(cohort);
    }

    @Test
    void placing_someone_again_changes_their_role_and_a_role_change_reaches_every_cohort() {
        long one = data.cohort();
        long other = data.cohort();
        Person p = data.personIn(one, Role.MEMBER);

        cohorts.place(other, p.id(), CohortRole.MEMBER);
        cohorts.place(other, p.id(), CohortRole.FACILITATOR);
        assertThat(data.db().fetchCount(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.MEMBER_ID.eq(p.id()))).isEqualTo(2);
        cohorts.setRoleEverywhere(p.id(), CohortRole.FACILITATOR);
        assertThat(data.db().select(COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(p.id())).fetch(COHORT_MEMBERSHIP.ROLE))
                .containsOnly(CohortRole.FACILITATOR.name());
    }
}
