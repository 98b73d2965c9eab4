package org.praxis.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class HomeVisitsTest extends IntegrationTest {

    @Autowired
    HomeVisits visits;

    private void lastSeen(TestData.Person who, long cohort, String ago) {
        data.db().execute("update home_visit set last_seen_at = now() - interval '" + ago + "' where member_id = "
                + who.id() + " and cohort_id = " + cohort);
    }

    @Test
    void a_first_visit_counts_the_last_two_weeks_and_a_reload_keeps_the_same_since() {
        long cohort = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        data.signIn(me);

        HomeVisits.Since first = visits.visit(cohort);
        HomeVisits.Since reload = visits.visit(cohort);

        assertThat(first.firstVisit()).isTrue();
        assertThat(first.at()).isBefore(OffsetDateTime.now().minusDays(13));
        assertThat(reload.firstVisit()).isTrue();
    }

    @Test
    void coming_back_after_an_hour_counts_from_the_visit_before_and_reloads_keep_it() {
        long cohort = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        data.signIn(me);
        visits.visit(cohort);
        lastSeen(me, cohort, "3 hours");
        OffsetDateTime threeHoursAgo = OffsetDateTime.now().minusHours(3);

        HomeVisits.Since back = visits.visit(cohort);
        HomeVisits.Since reload = visits.visit(cohort);

        assertThat(back.firstVisit()).isFalse();
        assertThat(back.at()).isCloseTo(threeHoursAgo, org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(reload.at()).isEqualTo(back.at());
    }

    @Test
    void views_less_than_an_hour_apart_are_one_visit() {
        long cohort = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        data.signIn(me);
        visits.visit(cohort);
        lastSeen(me, cohort, "5 hours");
        HomeVisits.Since back = visits.visit(cohort);
        lastSeen(me, cohort, "20 minutes");

        assertThat(visits.visit(cohort).at()).isEqualTo(back.at());
    }

    @Test
    void mark_all_seen_counts_only_what_comes_later() {
        long cohort = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        data.signIn(me);
        visits.visit(cohort);

        visits.markAllSeen(cohort);

        HomeVisits.Since now = visits.visit(cohort);
        assertThat(now.firstVisit()).isFalse();
        assertThat(now.at()).isAfter(OffsetDateTime.now().minusMinutes(1));
    }

    @Test
    void visits_are_kept_per_cohort_and_a_stranger_is_refused() {
        long cohort = data.cohort();
        long other = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        data.join(other, me);
        data.signIn(me);
        visits.markAllSeen(cohort);

        assertThat(visits.visit(other).firstVisit()).isTrue();
        TestData.Person stranger = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(stranger);
        assertThatThrownBy(() -> visits.visit(cohort)).isInstanceOf(AccessDeniedException.class);
    }
}
