package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationKind.Delivery;
import org.praxis.notification.NotificationService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The choices a person makes in the views and what they do: a kind of notice set to off, email
 * or digest on the account page (saved, said so, and obeyed by the next reply), and Follow/Mute
 * on the thread page (pressed state, and who then hears of a reply).
 */
class NoticeChoicesViewTest extends KaribuTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ThreadService threads;
    @Autowired
    NotificationService notifications;

    @Test
    void replies_set_to_off_keep_no_notice_and_set_to_email_queue_a_mail() {
        long cohort = data.cohort();
        TestData.Person a = data.personIn(cohort, Role.MEMBER);
        TestData.Person b = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(a);
        long post = threads.reply(thread, null, "Who has the keys?", false, false);

        signInAs(a);
        navigate("account");
        @SuppressWarnings("unchecked")
        Select<Delivery> replies = _get(Select.class, spec -> spec.withId("notification-kind-post-reply"));
        _setValue(replies, Delivery.OFF);
        assertThat(_get(Paragraph.class, spec -> spec.withId("notification-kinds-status")).getText())
                .contains(replies.getLabel());
        data.signIn(a);
        assertThat(notifications.choices()).containsEntry(NotificationKind.POST_REPLY, Delivery.OFF);

        int mailsBefore = data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(a.email()));
        data.signIn(b);
        threads.reply(thread, post, "Jo has them.", false, false);
        assertThat(notifications.unreadCount(a.id())).isZero();
        assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(a.email()))).isEqualTo(mailsBefore);

        signInAs(a);
        navigate("account");
        @SuppressWarnings("unchecked")
        Select<Delivery> again = _get(Select.class, spec -> spec.withId("notification-kind-post-reply"));
        assertThat(again.getValue()).isEqualTo(Delivery.OFF);
        _setValue(again, Delivery.EMAIL);
        data.signIn(b);
        threads.reply(thread, post, "Or ask at the door.", false, false);
        assertThat(notifications.unreadCount(a.id())).isEqualTo(1);
        assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(a.email()))).isEqualTo(mailsBefore + 1);

        signInAs(a);
        navigate("account");
        @SuppressWarnings("unchecked")
        Select<Delivery> digest = _get(Select.class, spec -> spec.withId("notification-kind-post-reply"));
        _setValue(digest, Delivery.DIGEST);
        data.signIn(b);
        threads.reply(thread, post, "Or phone Jo.", false, false);
        assertThat(notifications.unreadCount(a.id())).isEqualTo(2);
        assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(a.email()))).isEqualTo(mailsBefore + 1);
    }

    @Test
    void follow_and_mute_on_the_thread_page_are_pressed_toggles_that_decide_who_hears_of_replies() {
        long cohort = data.cohort();
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        TestData.Person writer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);

        signInAs(reader);
        navigate("threads/" + thread);
        Button follow = _get(Button.class, spec -> spec.withId("thread-follow-toggle"));
        Button mute = _get(Button.class, spec -> spec.withId("thread-mute-toggle"));
        assertThat(follow.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        _click(follow);
        assertThat(follow.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(mute.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(_get(Span.class, spec -> spec.withId("thread-follow-status")).getText()).isNotBlank();

        data.signIn(writer);
        threads.reply(thread, null, "A first word.", false, false);
        assertThat(notifications.unreadCount(reader.id())).isEqualTo(1);

        signInAs(reader);
        _click(mute);
        assertThat(mute.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(follow.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        data.signIn(writer);
        threads.reply(thread, null, "A second word.", false, false);
        assertThat(notifications.unreadCount(reader.id())).isEqualTo(1);
    }
}
