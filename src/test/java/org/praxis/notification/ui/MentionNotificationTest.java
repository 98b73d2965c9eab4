package org.praxis.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.notification.NotificationService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class MentionNotificationTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    NotificationService notifications;

    @Test
    void a_mentioned_member_sees_the_bell_count_and_the_notification_leads_to_the_thread() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        threads.reply(thread, null, "Thank you @" + peer.name() + " for the data.", false, false);

        signInAs(peer);
        navigate("");
        assertThat(_get(Anchor.class, spec -> spec.withId("notification-bell")).getElement().getAttribute("aria-label"))
                .isEqualTo("Notifications, 1 unread");
        assertThat(_get(Span.class, spec -> spec.withId("notification-count")).getText()).isEqualTo("1");

        navigate("notifications");
        UnorderedList list = _get(UnorderedList.class, spec -> spec.withId("notifications"));
        assertThat(list.getElement().getTextRecursively()).contains(author.name() + " mentioned you");
        _click(_get(Button.class, spec -> spec.withId("mark-all-read")));
        assertThat(notifications.unreadCount()).isZero();
        navigate("");
        _assertNone(Span.class, spec -> spec.withId("notification-count"));
    }

    @Test
    void nobody_is_told_of_a_post_they_may_not_read_and_hidden_names_stay_hidden() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        long thread = data.thread(cohort, null, true);
        data.signIn(author);
        threads.reply(thread, null, "@" + peer.name() + " and @" + facilitator.name() + ", privately", true, false);
        threads.reply(thread, null, "@" + peer.name() + " without my name", false, true);

        data.signIn(peer);
        assertThat(notifications.latest(10)).singleElement().satisfies(n -> assertThat(n.actorName()).isNull());
        data.signIn(facilitator);
        assertThat(notifications.latest(10)).singleElement()
                .satisfies(n -> assertThat(n.actorName()).isEqualTo(author.name()));
    }
}
