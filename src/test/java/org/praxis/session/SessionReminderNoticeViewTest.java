package org.praxis.session;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Anchor;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.i18n.Messages;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.Role;
import org.praxis.notification.NotificationService;
import org.praxis.session.ui.SessionView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** The reminder as its reader meets it: a notice that names the session and opens its page. */
class SessionReminderNoticeViewTest extends KaribuTest {

    @Autowired
    SessionService sessions;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ClusterLock lock;
    @Autowired
    NotificationService notifications;
    @Autowired
    Mailer mailer;
    @Autowired
    Messages messages;

    @Test
    void the_reminder_notice_names_the_session_and_opens_its_page() {
        long cohort = data.cohort();
        data.signIn(data.personIn(cohort, Role.FACILITATOR));
        SessionDraft d = new SessionDraft();
        String title = TestData.unique("Language access");
        LocalDateTime start = LocalDateTime.of(2032, 2, 11, 10, 0);
        d.setTitle(title);
        d.setStartsAt(start);
        d.setEndsAt(start.plusHours(2));
        long id = sessions.create(cohort, d);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(member);
        sessions.setWillJoin(id, true);

        new SessionReminders(db, transactions, lock, notifications, mailer, messages, Clock.fixed(
                start.minusHours(6).atZone(ZoneId.of("America/Los_Angeles")).toInstant(), ZoneOffset.UTC)).sendDue();

        signInAs(member);
        navigate("notifications");
        ListItem notice = _find(ListItem.class, spec -> spec.withClasses("praxis-card")).stream()
                .filter(li -> li.getElement().getTextRecursively().contains(title)).findFirst().orElseThrow();
        assertThat(notice.getElement().getTextRecursively())
                .startsWith("A day away: “" + title + "”, which you said you’ll join");
        Anchor link = _find(notice, Anchor.class).get(0);
        assertThat(link.getHref()).isEqualTo("sessions/" + id);
        navigate(link.getHref());
        _assertOne(SessionView.class);
    }
}
