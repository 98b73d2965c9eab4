package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.praxis.conversation.ThreadService;
import org.praxis.member.MemberDraft;
import org.praxis.member.MemberService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

/** Running start-up work as a seeded person: no more rights than theirs, and never over someone's request. */
@Transactional
class SystemActorTest extends IntegrationTest {

    @Autowired
    SystemActor actor;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    ThreadService threads;

    @Autowired
    MemberService members;

    @Test
    void the_block_runs_as_that_person_and_nobody_is_signed_in_afterwards() {
        var cohort = data.cohort();
        var member = data.personIn(cohort, Role.MEMBER);

        long seen = actor.as(member.email(), () -> currentUser.require().id());

        assertThat(seen).isEqualTo(member.id());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void a_member_run_as_is_refused_what_a_member_may_not_do() {
        var cohort = data.cohort();
        var member = data.personIn(cohort, Role.MEMBER);

        assertThatThrownBy(() -> actor.as(member.email(), () -> threads.openThread(cohort, "Not mine to open", null, false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void it_refuses_where_someone_is_signed_in_and_for_unknown_accounts() {
        var cohort = data.cohort();
        var member = data.personIn(cohort, Role.MEMBER);
        var facilitator = data.personIn(cohort, Role.FACILITATOR);

        data.signIn(member);
        assertThatThrownBy(() -> actor.as(facilitator.email(), () -> 1)).isInstanceOf(IllegalStateException.class);
        assertThat(currentUser.require().id()).isEqualTo(member.id());
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> actor.as(TestData.unique("nobody") + "@example.org", () -> 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accounts_are_never_installed_over_someones_request() {
        var cohort = data.cohort();
        data.signIn(data.personIn(cohort, Role.FACILITATOR));
        MemberDraft draft = new MemberDraft();
        draft.setDisplayName("Installed");
        draft.setEmail(TestData.unique("installed") + "@example.org");

        assertThatThrownBy(() -> members.install(java.util.List.of(draft), "a long enough password"))
                .isInstanceOf(AccessDeniedException.class);
    }
}
