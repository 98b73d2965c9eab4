package org.praxis.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.COHORT_PREFERENCE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class CurrentCohortTest extends IntegrationTest {

    @Autowired
    CurrentCohort current;

    private long cohortStarting(LocalDate startsOn) {
        long id = data.cohort();
        data.db().update(COHORT).set(COHORT.STARTS_ON, startsOn).where(COHORT.ID.eq(id)).execute();
        return id;
    }

    private void facilitate(long cohortId, Person p) {
        data.db().insertInto(COHORT_MEMBERSHIP).set(COHORT_MEMBERSHIP.COHORT_ID, cohortId)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, p.id()).set(COHORT_MEMBERSHIP.ROLE, CohortRole.FACILITATOR.name())
                .execute();
    }

    @Test
    void with_no_choice_yet_the_most_recent_cohort_is_current() {
        long alumni = cohortStarting(LocalDate.of(2025, 1, 15));
        long now = cohortStarting(LocalDate.of(2026, 1, 15));
        Person me = data.personIn(now, Role.MEMBER);
        data.join(alumni, me);
        data.signIn(me);

        assertThat(current.get()).map(CurrentCohort.Choice::id).contains(now);
        assertThat(current.choices()).extracting(CurrentCohort.Choice::id).containsExactly(now, alumni);
    }

    @Test
    void a_closed_cohort_stays_a_choice_for_its_alumni_marked_closed_and_listed_last() {
        long closed = cohortStarting(LocalDate.of(2026, 6, 1));
        long open = cohortStarting(LocalDate.of(2025, 1, 15));
        Person me = data.personIn(closed, Role.MEMBER);
        data.join(open, me);
        data.db().update(COHORT).set(COHORT.CLOSED_AT, OffsetDateTime.now()).where(COHORT.ID.eq(closed)).execute();
        data.signIn(me);

        assertThat(current.choices()).extracting(CurrentCohort.Choice::id, CurrentCohort.Choice::closed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(open, false),
                        org.assertj.core.groups.Tuple.tuple(closed, true));
        assertThat(current.choose(closed).closed()).isTrue();
    }

    @Test
    void a_choice_is_remembered_in_the_database_and_choosing_it_again_writes_nothing() {
        long first = data.cohort();
        long second = data.cohort();
        Person me = data.personIn(first, Role.MEMBER);
        data.join(second, me);
        data.signIn(me);

        assertThat(current.choose(first).name()).isEqualTo(data.cohortName(first));

        assertThat(data.db().fetchValue(COHORT_PREFERENCE.COHORT_ID, COHORT_PREFERENCE.MEMBER_ID.eq(me.id())))
                .isEqualTo(first);
        OffsetDateTime chosenAt = data.db().fetchValue(COHORT_PREFERENCE.CHOSEN_AT,
                COHORT_PREFERENCE.MEMBER_ID.eq(me.id()));
        current.choose(first);
        assertThat(data.db().fetchValue(COHORT_PREFERENCE.CHOSEN_AT, COHORT_PREFERENCE.MEMBER_ID.eq(me.id())))
                .isEqualTo(chosenAt);
        // a later sign-in, on any device, opens on it
        signOut();
        data.signIn(me);
        assertThat(current.get()).map(CurrentCohort.Choice::id).contains(first);
        current.choose(second);
        assertThat(current.get()).map(CurrentCohort.Choice::id).contains(second);
    }

    @Test
    void a_cohort_the_person_is_not_in_cannot_be_chosen_and_nothing_is_stored() {
        long mine = data.cohort();
        long other = data.cohort();
        Person me = data.personIn(mine, Role.MEMBER);
        data.personIn(other, Role.MEMBER);
        data.signIn(me);

        assertThatThrownBy(() -> current.choose(other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> current.choose(Long.MAX_VALUE)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.db().fetchExists(COHORT_PREFERENCE, COHORT_PREFERENCE.MEMBER_ID.eq(me.id()))).isFalse();
    }

    @Test
    void leaving_the_remembered_cohort_falls_back_to_the_most_recent_one() {
        long first = data.cohort();
        long second = data.cohort();
        Person me = data.personIn(first, Role.MEMBER);
        data.join(second, me);
        data.signIn(me);
        current.choose(first);

        data.db().deleteFrom(COHORT_MEMBERSHIP).where(COHORT_MEMBERSHIP.COHORT_ID.eq(first))
                .and(COHORT_MEMBERSHIP.MEMBER_ID.eq(me.id())).execute();

        assertThat(current.get()).map(CurrentCohort.Choice::id).contains(second);
    }

    @Test
    void facilitators_pages_open_on_a_cohort_they_facilitate_even_when_the_current_one_is_not() {
        long alumni = cohortStarting(LocalDate.of(2025, 1, 15));
        long mentoring = cohortStarting(LocalDate.of(2026, 1, 15));
        long running = cohortStarting(LocalDate.of(2024, 1, 15));
        Person me = data.person(Role.FACILITATOR);
        data.db().insertInto(COHORT_MEMBERSHIP).set(COHORT_MEMBERSHIP.COHORT_ID, alumni)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, me.id()).set(COHORT_MEMBERSHIP.ROLE, CohortRole.MEMBER.name())
                .execute();
        data.db().insertInto(COHORT_MEMBERSHIP).set(COHORT_MEMBERSHIP.COHORT_ID, mentoring)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, me.id()).set(COHORT_MEMBERSHIP.ROLE, CohortRole.MEMBER.name())
                .execute();
        facilitate(running, me);
        data.signIn(me);
        current.choose(alumni);

        assertThat(current.get()).map(CurrentCohort.Choice::id).contains(alumni);
        assertThat(current.getFacilitated()).map(CurrentCohort.Choice::id).contains(running);
    }

    @Test
    void someone_in_no_cohort_has_no_current_one() {
        data.signIn(data.person(Role.ADMIN));

        assertThat(current.get()).isEmpty();
        assertThat(current.getFacilitated()).isEmpty();
        assertThat(current.choices()).isEmpty();
    }

    @Test
    void nobody_signed_in_is_refused() {
        assertThatThrownBy(() -> current.get()).isInstanceOf(AccessDeniedException.class);
    }

    private static void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
}
