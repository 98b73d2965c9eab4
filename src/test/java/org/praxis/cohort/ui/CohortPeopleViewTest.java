package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;

class CohortPeopleViewTest extends KaribuTest {

    @Test
    void a_member_sees_their_cohort_with_facilitators_and_members_and_their_organisation_county_and_pronouns() {
        long cohort = data.cohort();
        long org = data.organization(TestData.unique("Salish Clinic"), "TRIBAL_HEALTH", "SAN_JUAN");
        TestData.Person facilitator = data.person(Role.FACILITATOR, org, "they/them");
        data.join(cohort, facilitator);
        TestData.Person me = data.person(Role.MEMBER, org, "she/her");
        data.join(cohort, me);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        signInAs(me);

        navigate("cohort-people");

        assertThat(_get(H1.class, spec -> spec.withId("cohort-people-title")).getText()).contains(data.cohortName(cohort));
        UnorderedList facilitators = _get(UnorderedList.class, spec -> spec.withId("facilitators-" + cohort));
        assertThat(facilitators.getChildren()).hasSize(1);
        ListItem card = _get(ListItem.class, spec -> spec.withId("person-" + facilitator.id()));
        assertThat(card.getElement().getTextRecursively())
                .contains(facilitator.name()).contains("they/them").contains("San Juan County");
        UnorderedList members = _get(UnorderedList.class, spec -> spec.withId("members-" + cohort));
        assertThat(members.getChildren()).hasSize(2);
        assertThat(members.getElement().getTextRecursively()).contains(me.name(), peer.name(), "she/her");
    }

    @Test
    void a_member_never_sees_another_cohort_or_its_people() {
        long mine = data.cohort();
        long other = data.cohort();
        TestData.Person me = data.personIn(mine, Role.MEMBER);
        TestData.Person stranger = data.personIn(other, Role.MEMBER);
        signInAs(me);

        navigate("cohort-people");

        _assertNone(UnorderedList.class, spec -> spec.withId("members-" + other));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("members-" + mine)).getElement().getTextRecursively())
                .doesNotContain(stranger.name());
    }

    @Test
    void a_deactivated_person_is_not_listed() {
        long cohort = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        TestData.Person gone = data.personIn(cohort, Role.MEMBER);
        data.db().execute("update member set active = false where id = " + gone.id());
        signInAs(me);

        navigate("cohort-people");

        _assertNone(ListItem.class, spec -> spec.withId("person-" + gone.id()));
    }

    @Test
    void a_person_of_another_cohort_asking_for_it_gets_page_not_found() {
        long cohort = data.cohort();
        TestData.Person insider = data.personIn(cohort, Role.MEMBER);
        TestData.Person stranger = data.personIn(data.cohort(), Role.MEMBER);
        signInAs(stranger);

        follow("cohort-people?cohort=" + cohort);
        assertThat(_get(com.vaadin.flow.component.html.Main.class).getElement().getTextRecursively()).contains("not found");

        _assertNone(UnorderedList.class, spec -> spec.withId("members-" + cohort));
        _assertNone(ListItem.class, spec -> spec.withId("person-" + insider.id()));
    }

    @Test
    void an_admin_in_no_cohort_gets_a_link_to_the_cohorts_on_home() {
        TestData.Person admin = data.person(Role.ADMIN);
        signInAs(admin);

        navigate("");

        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("home-admin-cohorts")).getHref())
                .isEqualTo("admin/cohorts");
    }

    @Test
    void someone_in_no_cohort_is_told_so() {
        TestData.Person member = data.person(Role.MEMBER);
        signInAs(member);

        navigate("");

        assertThat(_get(H1.class).getText()).contains(member.name());
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-cohort")).getText()).contains("not part of a cohort");
    }
}
