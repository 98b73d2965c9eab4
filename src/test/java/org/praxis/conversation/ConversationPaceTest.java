package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "praxis.conversation.min-time-between-posts=5s")
class ConversationPaceTest extends IntegrationTest {

    @Autowired
    ThreadService threads;

    @Test
    void a_member_cannot_post_twice_within_five_seconds_and_is_told_how_long_to_wait() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        threads.reply(thread, null, "first", false, false);

        assertThatThrownBy(() -> threads.reply(thread, null, "second", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get("body").key()).isEqualTo("post.too-fast");
                    assertThat((Long) e.problems().get("body").args().get(0)).isBetween(1L, 5L);
                });
    }

    @Test
    void sending_the_same_submit_again_is_not_posting_too_fast() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        java.util.UUID key = java.util.UUID.randomUUID();
        long posted = threads.reply(thread, null, "first", false, false, key);

        assertThat(threads.reply(thread, null, "first", false, false, key)).isEqualTo(posted);
    }
}
