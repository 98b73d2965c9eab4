package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.security.Role;
import org.praxis.base.ui.SafeHtml;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class ThreadViewTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    AgreementService agreements;
    @Autowired
    AuditService audit;
    @Autowired
    org.praxis.base.db.ClusterEvents cluster;

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

    private void open(TestData.Person who) {
        signInAs(who);
        navigate("threads/" + thread);
    }

    private void write(String suffix, String text) {
        _setValue(_get(TextArea.class, spec -> spec.withId("reply-body" + suffix)), text);
    }

    private void post(String suffix) {
        _click(_get(Button.class, spec -> spec.withId("reply-post" + suffix)));
    }

    private List<Long> postIds() {
        return data.db().select(org.praxis.jooq.Tables.POST.ID).from(org.praxis.jooq.Tables.POST)
                .where(org.praxis.jooq.Tables.POST.THREAD_ID.eq(thread)).orderBy(org.praxis.jooq.Tables.POST.ID)
                .fetch(org.praxis.jooq.Tables.POST.ID);
    }

    /** The post's visible text, including its sanitised body (set as HTML, not as text nodes). */
    private String textOf(long postId) {
        Article article = _get(Article.class, spec -> spec.withId("post-" + postId));
        StringBuilder text = new StringBuilder(article.getElement().getTextRecursively());
        article.getChildren().filter(SafeHtml.class::isInstance)
                .forEach(h -> text.append(' ').append(((SafeHtml) h).getSanitizedHtml()));
        return text.toString();
    }

    private static String text(String key) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key);
    }

    /**
     * Until the returned action runs, the database connection that saves a post containing
     * {@code marker} is cut by the server while the post is being written, as when the database
     * goes away in the middle of a save.
     */
    private Runnable connectionBreaksWhenSaving(String marker) {
        String trigger = "break_" + marker;
        data.db().execute("create or replace function test_break_connection() returns trigger language plpgsql as $$ "
                + "begin perform pg_terminate_backend(pg_backend_pid()); return new; end $$");
        data.db().execute("create trigger " + trigger + " before insert on post for each row when "
                + "(new.body_markdown like '%" + marker + "%') execute function test_break_connection()");
        return () -> data.db().execute("drop trigger " + trigger + " on post");
    }

    @Test
    void a_reply_that_cannot_be_saved_keeps_its_text_the_page_and_its_key_and_says_saving_is_paused() {
        data.signIn(author);
        long earlier = threads.reply(thread, null, "An earlier answer", false, false);
        open(author);
        String marker = "zq" + Long.toString(System.nanoTime(), 36);
        ReplyEditor editor = _get(ReplyEditor.class);
        java.util.UUID key = editor.key();
        Runnable repair = connectionBreaksWhenSaving(marker);
        try {
            write("", "What I typed " + marker);
            post("");
        } finally {
            repair.run();
        }

        TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
        assertThat(body.getValue()).isEqualTo("What I typed " + marker);
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).isEqualTo(text("post.saving-paused"));
        _assertOne(Article.class, spec -> spec.withId("post-" + earlier));
        assertThat(_get(Button.class, spec -> spec.withId("reply-post")).isEnabled()).isTrue();
        assertThat(editor.key()).as("a retry is the same submit").isEqualTo(key);
        assertThat(postIds()).containsExactly(earlier);

        post("");

        assertThat(postIds()).hasSize(2);
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.POST,
                org.praxis.jooq.Tables.POST.IDEMPOTENCY_KEY.eq(key))).isEqualTo(1);
        assertThat(textOf(postIds().get(1))).contains("What I typed " + marker);
        assertThat(_get(TextArea.class, spec -> spec.withId("reply-body")).getValue()).isEmpty();
    }

    @Test
    void pressing_post_again_after_a_save_whose_answer_was_lost_reports_the_saved_reply_and_makes_no_second() {
        open(author);
        write("", "Saved, though the page never heard");
        ReplyEditor editor = _get(ReplyEditor.class);
        // the first press reached the database and committed; its answer was lost on the way back
        long saved = threads.reply(thread, null, "Saved, though the page never heard", false, false, editor.key());

        post("");

        assertThat(postIds()).containsExactly(saved);
        _assertOne(Article.class, spec -> spec.withId("post-" + saved));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(text("post.sent"));
        assertThat(_get(ReplyEditor.class).key()).as("the next reply is a new submit").isNotEqualTo(editor.key());
    }

    @Test
    void a_post_opened_from_a_link_is_on_the_page_and_marked_however_far_down_or_deep_it_is() {
        data.signIn(author);
        long first = threads.reply(thread, null, "The first answer", false, false);
        long parent = first;
        for (int depth = 1; depth <= 6; depth++) {
            parent = threads.reply(thread, parent, "Deeper, level " + depth, false, false);
        }
        long deep = parent;
        long latest = first;
        for (int i = 0; i < 40; i++) {
            latest = threads.reply(thread, null, "Answer " + i, false, false);
        }
        long last = latest;

        signInAs(peer);
        navigate("threads/" + thread);
        _assertNone(Article.class, spec -> spec.withId("post-" + last));

        com.vaadin.flow.component.UI.getCurrent().navigate("threads/" + thread,
                com.vaadin.flow.router.QueryParameters.of("post", String.valueOf(last)));
        assertThat(_get(Article.class, spec -> spec.withId("post-" + last)).getClassNames()).contains("praxis-post-target");

        navigate("");
        com.vaadin.flow.component.UI.getCurrent().navigate("threads/" + thread,
                com.vaadin.flow.router.QueryParameters.of("post", String.valueOf(deep)));
        assertThat(_get(Article.class, spec -> spec.withId("post-" + deep)).getClassNames()).contains("praxis-post-target");
        _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("whole-thread"));
    }

    @Test
    void a_member_posts_with_a_preview_and_a_peer_replies_under_it() {
        open(author);
        write("", "Our **sliding scale** treats everyone the same.");
        Tabs mode = _get(Tabs.class, spec -> spec.withId("reply-mode"));
        mode.setSelectedIndex(1);
        assertThat(_get(SafeHtml.class, spec -> spec.withId("reply-preview")).getSanitizedHtml())
                .contains("<strong>sliding scale</strong>");
        mode.setSelectedIndex(0);
        post("");
        long first = postIds().get(0);
        assertThat(_get(SafeHtml.class, spec -> spec.withId("post-body-" + first)).getSanitizedHtml())
                .contains("<strong>sliding scale</strong>");

        open(peer);
        _click(_get(Button.class, spec -> spec.withId("reply-to-" + first)));
        write("-" + first, "Same at our clinic.");
        post("-" + first);
        long reply = postIds().get(1);
        Article replyArticle = _get(Article.class, spec -> spec.withId("post-" + reply));
        assertThat(replyArticle.getStyle().get("margin-inline-start")).isEqualTo("1.5rem");
    }

    @Test
    void an_empty_reply_is_refused_in_place() {
        open(author);
        write("", "   ");
        post("");
        TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).isEqualTo("Please write something before posting.");
        assertThat(postIds()).isEmpty();
    }

    @Test
    void editing_shows_that_a_post_changed_and_what_it_said_before() {
        data.signIn(author);
        long id = threads.reply(thread, null, "Before.", false, false);
        open(author);
        _click(_get(Button.class, spec -> spec.withId("edit-" + id)));
        _setValue(_get(TextArea.class, spec -> spec.withId("edit-body")), "After.");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));

        open(peer);
        assertThat(textOf(id)).contains("After.");
        _click(_get(Button.class, spec -> spec.withId("revisions-" + id)));
        assertThat(_get(Div.class, spec -> spec.withId("revisions")).getElement().getTextRecursively())
                .contains("After.", "Before.");
        // what changed is marked with <ins> and <del>
        Div change = _get(Div.class, spec -> spec.withId("change-0"));
        assertThat(change.getElement().getOuterHTML()).contains("<del>Before.</del>").contains("<ins>After.</ins>");
    }

    @Test
    void deleting_leaves_removed_by_its_author_in_place() {
        data.signIn(author);
        long id = threads.reply(thread, null, "Regret this.", false, false);
        open(author);
        _click(_get(Button.class, spec -> spec.withId("delete-" + id)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-delete")));

        assertThat(textOf(id)).contains("Removed by its author.").doesNotContain("Regret this.");
    }

    @Test
    void the_agreements_are_acknowledged_before_the_first_post_and_the_post_goes_through() {
        data.signIn(facilitator);
        agreements.publish(cohort, "We **listen** to understand.");
        open(author);
        write("", "My first post.");
        post("");

        assertThat(_get(SafeHtml.class, spec -> spec.withId("agreement-text")).getSanitizedHtml()).contains("listen");
        assertThat(postIds()).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("agreement-acknowledge")));
        assertThat(postIds()).hasSize(1);
    }

    @Test
    void posts_under_a_content_note_stay_folded_until_the_reader_continues() {
        long noted = data.thread(cohort, "Describes workplace racism.", false);
        data.signIn(author);
        long id = threads.reply(noted, null, "What happened to me.", false, false);
        signInAs(peer);
        navigate("threads/" + noted);

        assertThat(_get(Paragraph.class, spec -> spec.withId("content-note-text")).getText())
                .isEqualTo("Describes workplace racism.");
        _assertNone(Article.class, spec -> spec.withId("post-" + id));
        _click(_get(Button.class, spec -> spec.withId("content-note-continue")));
        _assertOne(Article.class, spec -> spec.withId("post-" + id));
    }

    @Test
    void a_reply_to_facilitators_only_is_invisible_to_a_peer() {
        open(author);
        write("", "Only for you two.");
        _setValue(_get(Checkbox.class, spec -> spec.withId("reply-facilitators-only")), true);
        post("");
        long id = postIds().get(0);

        open(peer);
        _assertNone(Article.class, spec -> spec.withId("post-" + id));
        open(facilitator);
        assertThat(textOf(id)).contains("Only for you two.", "To facilitators only");
    }

    @Test
    void a_post_with_a_hidden_name_reads_a_member_to_peers_and_the_name_to_facilitators() {
        open(author);
        write("", "Said without my name.");
        _setValue(_get(Checkbox.class, spec -> spec.withId("reply-hide-name")), true);
        post("");
        long id = postIds().get(0);

        open(peer);
        assertThat(_get(Span.class, spec -> spec.withId("post-author-" + id)).getText()).isEqualTo("A member");
        assertThat(textOf(id)).doesNotContain(author.name());
        open(facilitator);
        assertThat(_get(Span.class, spec -> spec.withId("post-author-" + id)).getText()).isEqualTo(author.name());
    }

    @Test
    void a_facilitator_hides_a_post_with_a_reason_the_author_sees() {
        data.signIn(author);
        long id = threads.reply(thread, null, "Names a colleague.", false, false);
        open(facilitator);
        _click(_get(Button.class, spec -> spec.withId("hide-" + id)));
        _setValue(_get(TextArea.class, spec -> spec.withId("hide-reason")), "Please don’t name people who are not here.");
        _click(_get(Button.class, spec -> spec.withId("hide-confirm")));

        open(peer);
        assertThat(textOf(id)).contains("Hidden by the facilitators.").doesNotContain("Names a colleague.", "Please");
        open(author);
        assertThat(_get(Paragraph.class, spec -> spec.withId("post-hidden-reason-" + id)).getText())
                .contains("Please don’t name people who are not here.");
        assertThat(audit.latestFor("post", id, 3)).anySatisfy(e -> assertThat(e.actorId()).isEqualTo(facilitator.id()));
    }

    @Test
    void a_locked_thread_can_be_read_but_not_answered() {
        open(facilitator);
        _click(_get(Button.class, spec -> spec.withId("thread-lock")));

        open(author);
        assertThat(_get(Paragraph.class, spec -> spec.withId("thread-read-only")).getText()).contains("locked");
        _assertNone(TextArea.class, spec -> spec.withId("reply-body"));
    }

    @Test
    void slow_mode_refuses_a_second_post_with_a_clear_message_and_keeps_the_text() {
        open(facilitator);
        @SuppressWarnings("unchecked")
        Select<Integer> slow = _get(Select.class, spec -> spec.withId("thread-slow-mode"));
        _setValue(slow, 15);
        open(author);
        write("", "One.");
        post("");
        write("", "Two, too soon.");
        post("");

        TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
        assertThat(body.getErrorMessage()).contains("slow mode").contains("15 minutes");
        assertThat(body.getValue()).isEqualTo("Two, too soon.");
        assertThat(postIds()).hasSize(1);
    }

    @Test
    void a_member_reports_a_post_to_the_facilitators() {
        data.signIn(author);
        long id = threads.reply(thread, null, "Dismissive words.", false, false);
        open(peer);
        _click(_get(Button.class, spec -> spec.withId("report-" + id)));
        _setValue(_get(TextArea.class, spec -> spec.withId("report-reason")), "This shut me down.");
        _click(_get(Button.class, spec -> spec.withId("report-send")));

        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(text("post.report.sent"));
        assertThat(audit.latestFor("post", id, 3)).anySatisfy(e -> assertThat(e.action()).isEqualTo("post.reported"));
    }

    @Test
    void a_reply_from_someone_else_appears_as_a_new_replies_prompt_without_moving_the_page() {
        data.signIn(author);
        long first = threads.reply(thread, null, "Already here.", false, false);
        open(peer);
        _assertNone(Button.class, spec -> spec.withId("new-replies"));

        data.signIn(author);
        long second = threads.reply(thread, null, "Arrives while the peer reads.", false, false);
        threads.reply(thread, null, "Only for facilitators.", true, false);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();

        Button prompt = _get(Button.class, spec -> spec.withId("new-replies"));
        assertThat(prompt.getText()).isEqualTo("One new reply — show it");
        _assertOne(Article.class, spec -> spec.withId("post-" + first));
        _assertNone(Article.class, spec -> spec.withId("post-" + second));
        signInAs(peer);
        _click(prompt);
        _assertOne(Article.class, spec -> spec.withId("post-" + second));
        _assertNone(Button.class, spec -> spec.withId("new-replies"));
    }

    @Test
    void the_new_replies_prompt_counts_from_the_posts_not_from_the_events() {
        open(peer);
        data.signIn(author);
        long reply = threads.reply(thread, null, "Heard once, told twice.", false, false);
        // the same event again (as after a node's listening connection came back), and one about a
        // post the peer may not read: the prompt still says one
        cluster.publishAfterCommit("post", thread + "," + reply + "," + author.id() + ",0");
        threads.reply(thread, null, "For the facilitators.", true, false);
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();

        assertThat(_get(Button.class, spec -> spec.withId("new-replies")).getText()).isEqualTo("One new reply — show it");
    }

    @Test
    void reactions_are_words_and_show_who_reacted() {
        data.signIn(author);
        long id = threads.reply(thread, null, "I changed our interpreter policy.", false, false);
        open(peer);
        _click(_get(Button.class, spec -> spec.withId("react-" + id + "-I_HEAR_YOU")));

        Button heard = _get(Button.class, spec -> spec.withId("react-" + id + "-I_HEAR_YOU"));
        assertThat(heard.getText()).isEqualTo("I hear you · 1");
        assertThat(heard.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        open(author);
        Button seen = _get(Button.class, spec -> spec.withId("react-" + id + "-I_HEAR_YOU"));
        assertThat(seen.getTooltip().getText()).contains(peer.name());
        assertThat(seen.getElement().getAttribute("aria-pressed")).isEqualTo("false");

        open(peer);
        _click(_get(Button.class, spec -> spec.withId("react-" + id + "-I_HEAR_YOU")));
        assertThat(_get(Button.class, spec -> spec.withId("react-" + id + "-I_HEAR_YOU")).getText()).isEqualTo("I hear you");
    }

    @Test
    void a_post_can_be_quoted_but_not_the_removed_or_hidden_ones() {
        data.signIn(author);
        long visible = threads.reply(thread, null, "Same rule, different burden.", false, false);
        long removed = threads.reply(thread, null, "Gone.", false, false);
        threads.delete(removed);
        open(peer);
        _assertOne(Button.class, spec -> spec.withId("quote-" + visible));
        _assertNone(Button.class, spec -> spec.withId("quote-" + removed));
    }

    @Test
    void an_unsent_reply_comes_back_after_reloading() {
        data.signIn(author);
        threads.saveDraft(thread, null, "Half a thought…");
        open(author);
        assertThat(_get(TextArea.class, spec -> spec.withId("reply-body")).getValue()).isEqualTo("Half a thought…");
    }
}
