package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.POST;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.SafeHtml;
import org.praxis.conversation.ThreadService;
import org.praxis.notification.NotificationService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The thread page's composer with mentions, and the smaller things of the thread page: the
 * suggestions while typing {@code @}, the warning before posting, a reply posted far down a long
 * thread, quotes that say who wrote them, why one's own post takes no reaction, and the way to
 * the reply box.
 */
class MentionComposerTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    NotificationService notifications;

    long cohort;
    long thread;
    TestData.Person writer;
    TestData.Person leah;
    TestData.Person leahMoss;
    TestData.Person facilitator;

    @BeforeEach
    void aCohortWithTwoLeahs() {
        cohort = data.cohort();
        writer = named(data.personIn(cohort, Role.MEMBER), "Aisha Mohamed");
        leah = named(data.personIn(cohort, Role.MEMBER), "Leah Jim");
        leahMoss = named(data.personIn(cohort, Role.MEMBER), "Leah Moss");
        named(data.personIn(cohort, Role.MEMBER), "Tom Nakamura");
        facilitator = named(data.personIn(cohort, Role.FACILITATOR), "Marisol Reyes-Tanaka");
        thread = data.thread(cohort, null, true);
    }

    private TestData.Person named(TestData.Person p, String name) {
        data.db().update(MEMBER).set(MEMBER.DISPLAY_NAME, name).where(MEMBER.ID.eq(p.id())).execute();
        return new TestData.Person(p.id(), p.email(), name, p.role());
    }

    private void open(TestData.Person who) {
        signInAs(who);
        navigate("threads/" + thread);
    }

    private TextArea body() {
        return _get(TextArea.class, spec -> spec.withId("reply-body"));
    }

    /** What the browser's script sends when the writer typed {@code value} with the caret at its end. */
    private void type(String value) {
        _setValue(body(), value);
        JsonObject detail = Json.createObject();
        detail.put("event.detail.value", value);
        detail.put("event.detail.caret", value.length());
        BasicUtilsKt._fireDomEvent(body(), "mention-input", detail);
    }

    private void press(String key) {
        JsonObject detail = Json.createObject();
        detail.put("event.detail", key);
        BasicUtilsKt._fireDomEvent(body(), "mention-key", detail);
    }

    private List<String> options() {
        return _find(Div.class, spec -> spec.withClasses("praxis-mention-option")).stream().map(Div::getText).toList();
    }

    private long mentionsOf(TestData.Person who) {
        data.signIn(who);
        long n = notifications.latest(50).stream().filter(x -> NotificationService.MENTION.equals(x.kind())
                && x.threadId() != null && x.threadId() == thread).count();
        signInAs(writer);
        return n;
    }

    private List<String> storedTexts() {
        return data.db().select(POST.BODY_MARKDOWN).from(POST).where(POST.THREAD_ID.eq(thread)).orderBy(POST.ID)
                .fetch(POST.BODY_MARKDOWN);
    }

    @Test
    void typing_at_le_offers_both_leahs_and_the_arrow_keys_and_enter_choose_one_who_alone_is_notified() {
        open(writer);
        type("Thank you @Le");

        assertThat(options()).containsExactly("Leah Jim", "Leah Moss");
        Div list = _get(Div.class, spec -> spec.withId("reply-body-mention-list"));
        assertThat(list.getElement().getAttribute("role")).isEqualTo("listbox");
        assertThat(body().getElement().hasAttribute(MentionSuggestions.OPEN)).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("reply-body-mention-status")).getText())
                .startsWith("2 people match");
        Div second = _get(Div.class, spec -> spec.withId("reply-body-mention-list-" + leahMoss.id()));
        assertThat(second.getElement().getAttribute("aria-selected")).isEqualTo("false");

        press("ArrowDown");
        assertThat(second.getElement().getAttribute("aria-selected")).isEqualTo("true");
        press("Enter");
        assertThat(body().getValue()).isEqualTo("Thank you @Leah Moss ");
        assertThat(options()).isEmpty();
        assertThat(body().getElement().hasAttribute(MentionSuggestions.OPEN)).isFalse();

        _setValue(body(), body().getValue() + "for the numbers.");
        _click(_get(Button.class, spec -> spec.withId("reply-post")));

        assertThat(storedTexts()).containsExactly("Thank you @[" + leahMoss.id() + "] for the numbers.");
        assertThat(mentionsOf(leahMoss)).isEqualTo(1);
        assertThat(mentionsOf(leah)).isZero();
        long posted = data.db().select(POST.ID).from(POST).where(POST.THREAD_ID.eq(thread)).fetchSingle(POST.ID);
        open(leah);
        assertThat(_get(SafeHtml.class, spec -> spec.withId("post-body-" + posted)).getSanitizedHtml())
                .contains("<span class=\"praxis-mention\">@Leah Moss</span>");
    }

    @Test
    void escape_closes_the_list_and_the_text_stays_as_typed() {
        open(writer);
        type("@to");
        assertThat(options()).containsExactly("Tom Nakamura");
        press("Escape");
        assertThat(options()).isEmpty();
        assertThat(body().getValue()).isEqualTo("@to");
        type("@zz");
        assertThat(options()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("reply-body-mention-status")).getText())
                .isEqualTo("Nobody in this cohort is called “zz”.");
    }

    @Test
    void a_member_mentioned_in_a_reply_to_the_facilitators_is_named_in_a_warning_before_posting() {
        open(writer);
        _setValue(body(), "@Leah Jim, could you look at this?");
        _setValue(_get(Checkbox.class, spec -> spec.withId("reply-facilitators-only")), true);
        _click(_get(Button.class, spec -> spec.withId("reply-post")));

        Div warning = _get(Div.class, spec -> spec.withId("mention-warning"));
        assertThat(warning.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(warning.getElement().getTextRecursively())
                .contains("Leah Jim cannot read this, because only the facilitators can, and will not be notified.");
        assertThat(storedTexts()).as("nothing is posted yet").isEmpty();
        assertThat(body().getValue()).isEqualTo("@Leah Jim, could you look at this?");
        Button post = _get(Button.class, spec -> spec.withId("reply-post"));
        assertThat(post.getText()).isEqualTo("Post anyway");

        _click(post);
        assertThat(storedTexts()).containsExactly("@[" + leah.id() + "], could you look at this?");
        assertThat(mentionsOf(leah)).isZero();
    }

    @Test
    void a_first_name_two_people_have_is_told_to_the_writer_and_changing_the_text_takes_the_warning_back() {
        open(writer);
        _setValue(body(), "@Leah what do you think?");
        _click(_get(Button.class, spec -> spec.withId("reply-post")));
        assertThat(_get(Div.class, spec -> spec.withId("mention-warning")).getElement().getTextRecursively())
                .contains("“@Leah” fits several people (Leah Jim, Leah Moss)");

        _setValue(body(), "@Leah Jim what do you think?");
        _assertNone(Div.class, spec -> spec.withId("mention-warning"));
        Button post = _get(Button.class, spec -> spec.withId("reply-post"));
        assertThat(post.getText()).isEqualTo("Post");
        _click(post);
        assertThat(mentionsOf(leah)).isEqualTo(1);
    }

    @Test
    void the_edit_box_shows_names_offers_people_and_warns_before_saving() {
        data.signIn(writer);
        long id = threads.reply(thread, null, "Ask @Leah Jim", false, false);
        open(writer);
        _click(_get(Button.class, spec -> spec.withId("edit-" + id)));
        TextArea edit = _get(TextArea.class, spec -> spec.withId("edit-body"));
        assertThat(edit.getValue()).isEqualTo("Ask @Leah Jim");

        _setValue(edit, "Ask @Leah Jim and @Leah");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        assertThat(_get(Div.class, spec -> spec.withId("mention-warning-edit")).getElement().getTextRecursively())
                .contains("fits several people");
        assertThat(_get(Button.class, spec -> spec.withId("edit-save")).getText()).isEqualTo("Save anyway");
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        assertThat(storedTexts()).containsExactly("Ask @[" + leah.id() + "] and @Leah");
    }

    @Test
    void a_reply_posted_at_the_end_of_a_long_thread_read_oldest_first_is_shown_and_focused() {
        data.signIn(leah);
        for (int i = 0; i < ThreadView.PAGE + 5; i++) {
            threads.reply(thread, null, "Answer " + i, false, false);
        }
        open(writer);
        _get(Button.class, spec -> spec.withId("show-more-posts"));
        _setValue(body(), "My own late answer");
        _click(_get(Button.class, spec -> spec.withId("reply-post")));

        long mine = data.db().select(POST.ID).from(POST).where(POST.AUTHOR_ID.eq(writer.id())).fetchSingle(POST.ID);
        Article article = _get(Article.class, spec -> spec.withId("post-" + mine));
        assertThat(article.getClassNames()).contains("praxis-post-target");
        assertThat(article.getElement().getAttribute("tabindex")).isEqualTo("-1");
    }

    @Test
    void a_quote_says_who_wrote_it_and_never_a_hidden_name() {
        data.signIn(leah);
        long named = threads.reply(thread, null, "Same rule, different burden.", false, false);
        long hidden = threads.reply(thread, null, "It happened to me.", false, true);

        // the browser answers that nothing is selected, so the whole post is quoted
        kotlin.jvm.functions.Function1<com.vaadin.flow.component.internal.PendingJavaScriptInvocation, kotlin.Unit> noSelection =
                js -> {
                    if (js.getInvocation().getExpression().contains("getSelection")) {
                        js.complete(Json.create(""));
                    }
                    return kotlin.Unit.INSTANCE;
                };
        var handlers = new java.util.ArrayList<>(com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt
                .getPendingJavascriptInvocationHandlers());
        handlers.add(noSelection);
        com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        try {
            open(writer);
            _click(_get(Button.class, spec -> spec.withId("quote-" + named)));
            assertThat(body().getValue()).startsWith("> Leah Jim wrote:\n>\n> Same rule, different burden.");

            // a facilitator knows the hidden name, but the quote is read by peers
            open(facilitator);
            _click(_get(Button.class, spec -> spec.withId("quote-" + hidden)));
            assertThat(body().getValue()).startsWith("> A member wrote:\n>\n> It happened to me.")
                    .doesNotContain("Leah");
        } finally {
            handlers.remove(noSelection);
            com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
    }

    @Test
    void ones_own_post_says_why_it_takes_no_reaction() {
        data.signIn(writer);
        long id = threads.reply(thread, null, "My thought", false, false);
        open(writer);
        Span why = _get(Span.class, spec -> spec.withId("react-own-" + id));
        assertThat(why.getText()).isEqualTo("You cannot react to your own post; reactions are for what others wrote.");
        Button react = _get(Button.class, spec -> spec.withId("react-" + id + "-THANK_YOU"));
        assertThat(react.isEnabled()).isFalse();
        assertThat(react.getElement().getAttribute("aria-describedby")).isEqualTo("react-own-" + id);

        open(leah);
        _assertNone(Span.class, spec -> spec.withId("react-own-" + id));
    }

    @Test
    void the_reply_box_is_reached_from_the_top_of_the_thread() {
        open(writer);
        Button jump = _get(Button.class, spec -> spec.withId("jump-to-reply"));
        assertThat(jump.getText()).isEqualTo("Reply to the thread");
        _click(jump);
        data.db().update(org.praxis.jooq.Tables.THREAD).set(org.praxis.jooq.Tables.THREAD.LOCKED, true)
                .where(org.praxis.jooq.Tables.THREAD.ID.eq(thread)).execute();
        open(writer);
        _assertNone(Button.class, spec -> spec.withId("jump-to-reply"));
    }
}
