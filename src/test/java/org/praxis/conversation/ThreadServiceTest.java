package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.POST;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class ThreadServiceTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;
    @Autowired
    AgreementService agreements;
    @Autowired
    AuditService audit;
    @Autowired
    org.praxis.session.SessionService sessionService;
    @Autowired
    javax.sql.DataSource dataSource;

    long cohort;
    long thread;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;

    @BeforeEach
    void cohortWithAThread() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort, null, true);
    }

    private long post(TestData.Person who, Long parent, String text) {
        data.signIn(who);
        return threads.reply(thread, parent, text, false, false);
    }

    private PostItem seenBy(TestData.Person who, long postId) {
        data.signIn(who);
        return threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts().stream().filter(p -> p.id() == postId)
                .findFirst().orElse(null);
    }

    @Test
    void a_member_of_another_cohort_can_neither_read_nor_reply() {
        long postId = post(author, null, "Our intake forms assume a home address.");
        TestData.Person stranger = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(stranger);

        assertThatThrownBy(() -> threads.read(thread, ThreadService.Sort.OLDEST_FIRST))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.reply(thread, null, "hello", false, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.reply(thread, postId, "hello", false, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.revisions(postId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> moderation.report(postId, "x", false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_outside_the_cohort_cannot_read_it_either() {
        data.signIn(data.person(Role.ADMIN));
        assertThatThrownBy(() -> threads.read(thread, ThreadService.Sort.OLDEST_FIRST))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void replies_nest_under_their_parent_in_reading_order() {
        long first = post(author, null, "first");
        long second = post(peer, null, "second");
        long reply = post(peer, first, "reply to first");
        long deeper = post(author, reply, "reply to the reply");

        data.signIn(peer);
        List<PostItem> posts = threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts();
        assertThat(posts).extracting(PostItem::id).containsExactly(first, reply, deeper, second);
        assertThat(posts).extracting(PostItem::depth).containsExactly(0, 1, 2, 0);

        List<PostItem> newest = threads.read(thread, ThreadService.Sort.NEWEST_FIRST).posts();
        assertThat(newest).extracting(PostItem::id).containsExactly(second, first, reply, deeper);
    }

    @Test
    void a_facilitators_only_reply_is_read_by_its_author_and_facilitators_never_by_a_peer() {
        data.signIn(author);
        long secret = threads.reply(thread, null, "I am struggling with my board.", true, false);

        assertThat(seenBy(peer, secret)).isNull();
        assertThat(seenBy(author, secret)).isNotNull();
        assertThat(seenBy(facilitator, secret).facilitatorsOnly()).isTrue();
        // nor can a peer reply to it or see it in the revisions
        data.signIn(peer);
        assertThatThrownBy(() -> threads.reply(thread, secret, "me too", false, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.revisions(secret)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_hidden_name_is_unknown_to_peers_and_known_to_facilitators() {
        data.signIn(author);
        long postId = threads.reply(thread, null, "What happened at our clinic…", false, true);

        assertThat(seenBy(peer, postId).authorName()).isNull();
        assertThat(seenBy(facilitator, postId).authorName()).isEqualTo(author.name());
        assertThat(seenBy(author, postId).authorName()).isEqualTo(author.name());
    }

    @Test
    void names_can_be_hidden_only_where_the_thread_allows_it() {
        long strict = data.thread(cohort);
        data.signIn(author);
        assertThatThrownBy(() -> threads.reply(strict, null, "text", false, true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKey("hideName"));
    }

    @Test
    void a_hidden_post_shows_peers_only_that_it_is_hidden_and_its_author_why() {
        long postId = post(author, null, "Something that breaks our agreements");
        data.signIn(facilitator);
        moderation.hide(postId, "It names a staff member who is not here.");

        PostItem forPeer = seenBy(peer, postId);
        assertThat(forPeer.state()).isEqualTo(PostState.HIDDEN);
        assertThat(forPeer.html()).isEmpty();
        assertThat(forPeer.markdown()).isEmpty();
        assertThat(forPeer.hiddenReason()).isNull();
        PostItem forAuthor = seenBy(author, postId);
        assertThat(forAuthor.hiddenReason()).isEqualTo("It names a staff member who is not here.");
        assertThat(audit.latestFor("post", postId, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("post.hidden");
            assertThat(e.actorId()).isEqualTo(facilitator.id());
        });
        // a member may not hide
        data.signIn(peer);
        assertThatThrownBy(() -> moderation.hide(postId, "no")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editing_keeps_every_earlier_text_and_only_the_author_may_edit_or_delete() {
        long postId = post(author, null, "first words");
        data.signIn(author);
        threads.edit(postId, "second words");
        threads.edit(postId, "third words");

        data.signIn(peer);
        assertThat(threads.revisions(postId)).extracting(Revision::markdown).containsExactly("second words", "first words");
        assertThat(seenBy(peer, postId).edited()).isTrue();
        data.signIn(peer);
        assertThatThrownBy(() -> threads.edit(postId, "not mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.delete(postId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_deleted_post_stays_as_removed_so_replies_keep_their_place() {
        long parent = post(author, null, "parent");
        long reply = post(peer, parent, "reply");
        data.signIn(author);
        threads.delete(parent);

        data.signIn(peer);
        List<PostItem> posts = threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts();
        assertThat(posts).extracting(PostItem::id).containsExactly(parent, reply);
        assertThat(posts.get(0).state()).isEqualTo(PostState.REMOVED);
        assertThat(posts.get(0).html()).isEmpty();
        assertThat(data.outboxRows("POST", parent)).isEqualTo(2);
    }

    @Test
    void empty_and_too_long_posts_are_refused_and_nothing_is_written() {
        data.signIn(author);
        assertThatThrownBy(() -> threads.reply(thread, null, "   ", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("post.empty"));
        assertThatThrownBy(() -> threads.reply(thread, null, "x".repeat(20_001), false, false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("validation.too-long"));
        assertThat(data.db().fetchCount(POST, POST.THREAD_ID.eq(thread))).isZero();
    }

    @Test
    void each_post_records_its_search_outbox_row_in_the_same_transaction() {
        long postId = post(author, null, "indexed later");
        assertThat(data.outboxRows("POST", postId)).isEqualTo(1);
    }

    private int postsWithKey(java.util.UUID key) {
        return data.db().fetchCount(POST, POST.IDEMPOTENCY_KEY.eq(key));
    }

    @Test
    void the_same_submit_sent_again_answers_with_the_post_it_made_and_adds_nothing() {
        data.signIn(author);
        java.util.UUID key = java.util.UUID.randomUUID();
        long first = threads.reply(thread, null, "Sent once, maybe twice", false, false, key);
        data.signIn(facilitator);
        moderation.lock(thread, true);
        data.signIn(author);

        long again = threads.reply(thread, null, "Sent once, maybe twice", false, false, key);

        assertThat(again).as("even now the thread is locked, the retry tells the truth").isEqualTo(first);
        assertThat(postsWithKey(key)).isEqualTo(1);
        assertThat(data.outboxRows("POST", first)).isEqualTo(1);
        assertThat(data.db().fetchCount(POST, POST.THREAD_ID.eq(thread))).isEqualTo(1);
    }

    @Test
    void another_submit_with_the_same_text_is_another_post_and_keys_are_per_author() {
        data.signIn(author);
        java.util.UUID key = java.util.UUID.randomUUID();
        long first = threads.reply(thread, null, "Same words", false, false, key);
        long second = threads.reply(thread, null, "Same words", false, false, java.util.UUID.randomUUID());
        data.signIn(peer);
        long peers = threads.reply(thread, null, "Same words", false, false, key);

        assertThat(List.of(first, second, peers)).doesNotHaveDuplicates();
    }

    @Test
    void a_submit_racing_its_twin_waits_for_it_and_answers_with_the_twins_post() throws Exception {
        java.util.UUID key = java.util.UUID.randomUUID();
        try (java.sql.Connection twin = dataSource.getConnection()) {
            twin.setAutoCommit(false);
            long twinsPost;
            try (var insert = twin.prepareStatement("insert into post (thread_id, author_id, body_markdown, body_html, "
                    + "idempotency_key) values (?, ?, 'twin', '<p>twin</p>', ?) returning id")) {
                insert.setLong(1, thread);
                insert.setLong(2, author.id());
                insert.setObject(3, key);
                var rows = insert.executeQuery();
                rows.next();
                twinsPost = rows.getLong(1);
            }
            java.util.concurrent.CompletableFuture<Long> racer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                data.signIn(author);
                try {
                    return threads.reply(thread, null, "twin", false, false, key);
                } finally {
                    org.springframework.security.core.context.SecurityContextHolder.clearContext();
                }
            });
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (data.db().fetchCount(org.jooq.impl.DSL.table("pg_stat_activity"),
                    org.jooq.impl.DSL.field("wait_event_type").eq("Lock")) == 0) {
                assertThat(racer).isNotDone();
                assertThat(System.nanoTime()).as("the racer waits on the twin's key").isLessThan(deadline);
                Thread.sleep(20);
            }
            twin.commit();

            assertThat(racer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(twinsPost);
        }
        assertThat(postsWithKey(key)).isEqualTo(1);
    }

    @Test
    void members_acknowledge_the_current_agreements_before_posting_and_again_when_they_change() {
        data.signIn(facilitator);
        Agreement v1 = agreements.publish(cohort, "We listen to understand.");
        data.signIn(author);
        assertThatThrownBy(() -> threads.reply(thread, null, "hello", false, false))
                .isInstanceOfSatisfying(AgreementRequiredException.class,
                        e -> assertThat(e.agreement().version()).isEqualTo(1));
        agreements.acknowledge(v1.id());
        threads.reply(thread, null, "hello", false, false);

        data.signIn(facilitator);
        agreements.publish(cohort, "We listen to understand. We keep stories here.");
        data.signIn(author);
        assertThatThrownBy(() -> threads.reply(thread, null, "again", false, false))
                .isInstanceOfSatisfying(AgreementRequiredException.class,
                        e -> assertThat(e.agreement().version()).isEqualTo(2));
        // facilitators are not asked
        data.signIn(facilitator);
        threads.reply(thread, null, "facilitator post", false, false);
    }

    @Test
    void only_facilitators_publish_agreements() {
        data.signIn(author);
        assertThatThrownBy(() -> agreements.publish(cohort, "mine")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_locked_thread_refuses_replies_until_unlocked() {
        data.signIn(facilitator);
        moderation.lock(thread, true);
        data.signIn(author);
        assertThatThrownBy(() -> threads.reply(thread, null, "text", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("thread.locked"));
        data.signIn(facilitator);
        moderation.lock(thread, false);
        post(author, null, "text");
        assertThat(audit.latestFor("thread", thread, 5)).extracting(a -> a.action())
                .contains("thread.locked", "thread.unlocked");
    }

    @Test
    void a_prompt_that_is_not_open_refuses_replies_but_can_be_read() {
        data.signIn(facilitator);
        org.praxis.session.SessionService sessions = sessionService;
        org.praxis.session.SessionDraft d = new org.praxis.session.SessionDraft();
        d.setTitle("Past session");
        d.setStartsAt(java.time.LocalDateTime.of(2026, 1, 5, 9, 0));
        d.setEndsAt(java.time.LocalDateTime.of(2026, 1, 5, 11, 0));
        long session = sessions.create(cohort, d);
        org.praxis.session.PromptDraft p = new org.praxis.session.PromptDraft();
        p.setQuestion("Closed already");
        p.setClosesAt(java.time.LocalDateTime.of(2026, 1, 6, 9, 0));
        sessions.addPrompt(session, p);
        long promptThread = sessions.get(session).prompts().get(0).threadId();

        data.signIn(author);
        assertThat(threads.read(promptThread, ThreadService.Sort.OLDEST_FIRST).header().readOnly()).isTrue();
        assertThatThrownBy(() -> threads.reply(promptThread, null, "late", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("thread.prompt-closed"));
    }

    @Test
    void slow_mode_allows_one_post_per_member_per_period_but_not_for_facilitators() {
        data.signIn(facilitator);
        moderation.slowMode(thread, 10);
        post(author, null, "one");
        data.signIn(author);
        assertThatThrownBy(() -> threads.reply(thread, null, "two", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("post.slow-mode"));
        post(facilitator, null, "one");
        post(facilitator, null, "two");
        post(peer, null, "a peer is not held up by another member");
    }

    @Test
    void an_unsent_reply_is_kept_as_a_draft_until_posted() {
        data.signIn(author);
        threads.saveDraft(thread, null, "half a thought");
        assertThat(threads.draft(thread, null)).contains("half a thought");
        data.signIn(peer);
        assertThat(threads.draft(thread, null)).isEmpty();
        data.signIn(author);
        threads.reply(thread, null, "the whole thought", false, false);
        assertThat(threads.draft(thread, null)).isEmpty();
    }

    @Test
    void reports_go_to_facilitators_or_admins_and_are_audited() {
        long postId = post(author, null, "text");
        data.signIn(peer);
        moderation.report(postId, "This felt dismissive.", false);
        moderation.report(postId, "A facilitator shut this down unfairly.", true);
        assertThat(audit.latestFor("post", postId, 5)).extracting(a -> a.action())
                .contains("post.reported", "post.reported-to-admins");
        assertThatThrownBy(() -> moderation.report(postId, " ", false)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void only_facilitators_open_threads_in_the_commons() {
        data.signIn(author);
        assertThatThrownBy(() -> threads.openThread(cohort, "Title", null, false))
                .isInstanceOf(AccessDeniedException.class);
        data.signIn(facilitator);
        long id = threads.openThread(cohort, "Backlash after our pay-equity review", "Mentions harassment", false);
        assertThat(threads.commons(cohort)).extracting(ThreadSummary::id).contains(id);
        assertThat(data.outboxRows("THREAD", id)).isEqualTo(1);
    }

    @Test
    void a_hidden_post_cannot_be_edited_so_its_words_never_reach_the_history() {
        long postId = post(author, null, "Harmful words");
        data.signIn(facilitator);
        moderation.hide(postId, "Harmful");
        data.signIn(author);
        assertThatThrownBy(() -> threads.edit(postId, "Softer words"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("post.hidden-no-edit"));
    }

    @Test
    void posts_cannot_be_edited_in_a_locked_thread() {
        long postId = post(author, null, "Before the lock");
        data.signIn(facilitator);
        moderation.lock(thread, true);
        data.signIn(author);
        assertThatThrownBy(() -> threads.edit(postId, "After the lock")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_answer_to_a_facilitators_only_post_stays_with_the_facilitators() {
        data.signIn(author);
        long secret = threads.reply(thread, null, "Something private", true, false);
        data.signIn(facilitator);
        long answer = threads.reply(thread, secret, "Thank you for telling us", false, false);

        assertThat(seenBy(peer, answer)).isNull();
        assertThat(seenBy(author, answer)).isNotNull().satisfies(a -> assertThat(a.facilitatorsOnly()).isTrue());
        // and the member can answer back, still privately
        data.signIn(author);
        long back = threads.reply(thread, answer, "Thank you", false, false);
        assertThat(seenBy(peer, back)).isNull();
        assertThat(seenBy(facilitator, back)).isNotNull();
    }

    @Test
    void a_private_note_to_facilitators_about_my_public_post_is_not_shown_to_me() {
        long mine = post(author, null, "A public opinion");
        data.signIn(peer);
        long aboutIt = threads.reply(thread, mine, "To facilitators: this hurt.", true, false);

        assertThat(seenBy(author, aboutIt)).isNull();
        assertThat(seenBy(facilitator, aboutIt)).isNotNull();
    }

    @Autowired
    ReactionService reactions;

    @Test
    void reactions_never_reveal_posts_a_reader_may_not_see_and_no_one_reacts_to_their_own_post() {
        data.signIn(author);
        long secret = threads.reply(thread, null, "For facilitators", true, false);
        long open = threads.reply(thread, null, "For everyone", false, true);
        data.signIn(facilitator);
        reactions.toggle(secret, ReactionKind.I_HEAR_YOU);
        reactions.toggle(open, ReactionKind.THANK_YOU);

        data.signIn(peer);
        Reactions seen = threads.read(thread, ThreadService.Sort.OLDEST_FIRST).reactions();
        assertThat(seen.of(secret)).isEmpty();
        assertThat(seen.of(open)).containsKey(ReactionKind.THANK_YOU);
        assertThatThrownBy(() -> reactions.toggle(secret, ReactionKind.PLUS_ONE)).isInstanceOf(AccessDeniedException.class);
        data.signIn(author);
        assertThatThrownBy(() -> reactions.toggle(open, ReactionKind.PLUS_ONE)).isInstanceOf(AccessDeniedException.class);
    }
}
