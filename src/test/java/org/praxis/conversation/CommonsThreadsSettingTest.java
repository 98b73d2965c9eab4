package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.cohort.CohortDraft;
import org.praxis.cohort.CohortService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Members open commons threads only when the cohort's facilitators allow it. */
class CommonsThreadsSettingTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    CohortService cohorts;

    long cohort;
    TestData.Person facilitator;
    TestData.Person member;

    @BeforeEach
    void cohort() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
    }

    private void allowMembers(boolean allowed) {
        data.signIn(facilitator);
        CohortDraft d = cohorts.details(cohort).toDraft();
        d.setMembersOpenThreads(allowed);
        cohorts.update(cohort, d);
    }

    @Test
    void a_member_is_refused_a_commons_thread_while_the_setting_is_off_and_nothing_is_stored() {
        data.signIn(member);
        assertThat(threads.mayOpenThread(cohort)).isFalse();
        assertThatThrownBy(() -> threads.openThread(cohort, "Mine", null, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(threads.commons(cohort)).isEmpty();
        data.signIn(facilitator);
        assertThat(cohorts.details(cohort).membersOpenThreads()).isFalse();
        assertThat(threads.openThread(cohort, "Facilitators may", null, false)).isPositive();
    }

    @Test
    void when_the_facilitators_allow_it_a_member_opens_one_and_when_they_turn_it_off_again_they_are_refused() {
        allowMembers(true);
        data.signIn(member);
        assertThat(threads.mayOpenThread(cohort)).isTrue();
        long id = threads.openThread(cohort, "A member’s question", null, false);
        assertThat(threads.commons(cohort)).anyMatch(t -> t.id() == id);

        allowMembers(false);
        data.signIn(member);
        assertThatThrownBy(() -> threads.openThread(cohort, "Another", null, false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_setting_lets_no_one_outside_the_cohort_in_and_a_member_cannot_turn_it_on() {
        allowMembers(true);
        TestData.Person outsider = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(outsider);
        assertThatThrownBy(() -> threads.openThread(cohort, "Not mine", null, false)).isInstanceOf(AccessDeniedException.class);

        allowMembers(false);
        data.signIn(member);
        assertThatThrownBy(() -> cohorts.details(cohort)).isInstanceOf(AccessDeniedException.class);
    }
}
