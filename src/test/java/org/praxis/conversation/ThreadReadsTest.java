package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class ThreadReadsTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ThreadReads reads;

    long cohort;
    long thread;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person reader;
    OffsetDateTime before;

    @BeforeEach
    void cohortWithAThread() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        reader = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort, null, true);
        before = OffsetDateTime.now().minusMinutes(1);
    }

    private long post(TestData.Person who, String text, boolean facilitatorsOnly, boolean hideName) {
        data.signIn(who);
        return threads.reply(thread, null, text, facilitatorsOnly, hideName);
    }

    private ThreadReads.Activity activityFor(TestData.Person who) {
        data.signIn(who);
        return reads.activity(cohort, List.of(thread)).get(thread);
    }

    private void readAll(TestData.Person who) {
        data.signIn(who);
        List<PostItem> posts = threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts();
        reads.markRead(thread, posts.stream().mapToLong(PostItem::id).max().orElseThrow());
    }

    @Test
    void a_post_by_another_is_unread_until_read_and_the_next_one_is_unread_again() {
        post(author, "Our intake forms assume a home address.", false, false);

        ThreadReads.Activity unopened = activityFor(reader);
        assertThat(unopened.unread()).isEqualTo(1);
        assertThat(unopened.opened()).isFalse();
        assertThat(unopened.lastBy()).isEqualTo(author.name());

        readAll(reader);
        assertThat(activityFor(reader).unread()).isZero();
        assertThat(activityFor(reader).opened()).isTrue();

        post(author, "And a mailing address for the clinic letters.", false, false);
        assertThat(activityFor(reader).unread()).isEqualTo(1);
    }

    @Test
    void ones_own_post_is_never_unread_and_shows_as_by_you() {
        post(reader, "I will start: our sliding scale asks for tax returns.", false, false);

        ThreadReads.Activity mine = activityFor(reader);
        assertThat(mine.unread()).isZero();
        assertThat(mine.lastByMe()).isTrue();
        assertThat(activityFor(author).unread()).isEqualTo(1);
    }

    @Test
    void a_facilitators_only_post_is_neither_unread_nor_last_activity_for_a_member() {
        post(author, "Open to all.", false, false);
        readAll(reader);
        post(author, "Only for the facilitators, please.", true, false);

        ThreadReads.Activity member = activityFor(reader);
        assertThat(member.unread()).isZero();
        assertThat(activityFor(facilitator).unread()).isEqualTo(2);
        assertThat(activityFor(facilitator).lastAt()).isAfterOrEqualTo(member.lastAt());
    }

    @Test
    void a_hidden_name_stays_hidden_from_peers_in_the_last_activity_but_not_from_facilitators() {
        post(author, "Said with my name hidden.", false, true);

        assertThat(activityFor(reader).lastBy()).isNull();
        assertThat(activityFor(reader).quiet()).isFalse();
        assertThat(activityFor(facilitator).lastBy()).isEqualTo(author.name());
    }

    @Test
    void another_cohorts_thread_is_left_out_and_its_reading_refused() {
        long elsewhere = data.thread(data.cohort());
        data.signIn(reader);

        assertThat(reads.activity(cohort, List.of(thread, elsewhere))).containsOnlyKeys(thread);
        assertThatThrownBy(() -> reads.markRead(elsewhere, 1)).isInstanceOf(AccessDeniedException.class);
        TestData.Person stranger = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(stranger);
        assertThatThrownBy(() -> reads.activity(cohort, List.of(thread))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void reading_never_moves_back() {
        long first = post(author, "One.", false, false);
        readAll(reader);
        data.signIn(reader);
        reads.markRead(thread, first - 1);

        assertThat(activityFor(reader).unread()).isZero();
    }

    @Test
    void new_replies_on_home_are_those_by_others_in_followed_threads_since_then_and_not_read_yet() {
        post(reader, "I started this one.", false, false);
        long notFollowed = data.thread(cohort);
        data.signIn(author);
        threads.reply(notFollowed, null, "Elsewhere in the commons.", false, false);
        long reply = post(author, "A reply to you.", false, false);
        post(author, "For facilitators only.", true, false);

        data.signIn(reader);
        List<ThreadReads.NewReplies> news = reads.newRepliesSince(cohort, before, 10);
        assertThat(news).extracting(ThreadReads.NewReplies::threadId).containsExactly(thread);
        assertThat(news.get(0).count()).isEqualTo(1);
        assertThat(news.get(0).firstPostId()).isEqualTo(reply);
        assertThat(news.get(0).lastBy()).isEqualTo(author.name());
        assertThat(reads.newRepliesSince(cohort, OffsetDateTime.now().plusMinutes(1), 10)).isEmpty();

        readAll(reader);
        assertThat(reads.newRepliesSince(cohort, before, 10)).isEmpty();
    }

    @Autowired
    ThreadFollowService follows;

    @Test
    void a_muted_thread_gives_no_new_replies_on_home_and_one_followed_without_posting_does() {
        post(reader, "I started this one.", false, false);
        long followedOnly = data.thread(cohort);
        data.signIn(reader);
        follows.set(thread, ThreadFollowService.Follow.MUTED);
        follows.set(followedOnly, ThreadFollowService.Follow.FOLLOWING);
        post(author, "A reply in the muted thread.", false, false);
        data.signIn(author);
        threads.reply(followedOnly, null, "A reply in the followed one.", false, false);

        data.signIn(reader);
        assertThat(reads.newRepliesSince(cohort, before, 10)).extracting(ThreadReads.NewReplies::threadId)
                .containsExactly(followedOnly);
    }
}
