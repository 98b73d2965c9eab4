package org.praxis.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.SESSION_REMINDER_SENT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.i18n.Messages;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.Role;
import org.praxis.notification.NotificationService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Day-before reminders, with the clock moved: who gets one (said yes, session ahead and not
 * cancelled), that each goes once across runs and nodes, and that mail goes only to those who chose it,
 * through the outbox to a real SMTP server. Each test uses its own far-future dates, so the
 * sessions of other tests in the shared database are never due at its clock.
 */
class SessionRemindersTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

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
    @Autowired
    MailWorker mailWorker;

    long cohort;
    TestData.Person facilitator;
    TestData.Person yes;
    TestData.Person yesByEmail;
    TestData.Person no;
    TestData.Person silent;

    @BeforeEach
    void cohortWithAnswers() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        yes = data.personIn(cohort, Role.MEMBER);
        yesByEmail = data.personIn(cohort, Role.MEMBER);
        no = data.personIn(cohort, Role.MEMBER);
        silent = data.personIn(cohort, Role.MEMBER);
        data.signIn(yesByEmail);
        sessions.setRemindByEmail(true);
        data.signIn(no);
        // they chose email too, but said no: nothing at all
        sessions.setRemindByEmail(true);
    }

    /** A node's reminder job, on a clock standing at {@code at}. */
    private SessionReminders node(Instant at) {
        return new SessionReminders(db, transactions, lock, notifications, mailer, messages,
                Clock.fixed(at, ZoneOffset.UTC));
    }

    /** A session in the cohort's zone (Los Angeles), with everyone's answers. */
    private long session(String title, LocalDateTime start) {
        data.signIn(facilitator);
        SessionDraft d = new SessionDraft();
        d.setTitle(title);
        d.setStartsAt(start);
        d.setEndsAt(start.plusHours(2));
        d.setMeetingUrl("https://us02web.zoom.us/j/81234567890");
        d.setPlace("Whatcom Community Foundation\n1225 Railroad Ave, Bellingham");
        d.setRoom("Room 2B");
        d.setAccessNotes("Step-free entrance on Chestnut St.");
        long id = sessions.create(cohort, d);
        answer(yes, id, true);
        answer(yesByEmail, id, true);
        answer(no, id, false);
        return id;
    }

    private void answer(TestData.Person p, long session, boolean willJoin) {
        data.signIn(p);
        sessions.setWillJoin(session, willJoin);
    }

    private static Instant la(LocalDateTime local) {
        return local.atZone(ZoneId.of("America/Los_Angeles")).toInstant();
    }

    private int notices(TestData.Person p, long session) {
        return db.fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(p.id())
                .and(NOTIFICATION.KIND.eq(SessionReminders.NOTIFICATION)).and(NOTIFICATION.PATH.eq("sessions/" + session)));
    }

    /** Reminder mails queued for them (a cancelled session's notice may be mailed too, by their notice choices). */
    private int mails(TestData.Person p) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(p.email()).and(MAIL_OUTBOX.SUBJECT.startsWith("Reminder: ")));
    }

    private List<MimeMessage> received(TestData.Person p) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(p.email());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void those_who_said_yes_are_reminded_a_day_before_in_app_and_by_email_only_when_chosen() throws Exception {
        LocalDateTime start = LocalDateTime.of(2031, 5, 14, 17, 30);
        long id = session("Budget as a moral document", start);

        node(la(start.minusDays(1)).minusSeconds(60)).sendDue();
        assertThat(notices(yes, id) + notices(yesByEmail, id)).as("not yet: more than a day ahead").isZero();

        node(la(start.minusDays(1)).plusSeconds(60)).sendDue();

        assertThat(notices(yes, id)).isEqualTo(1);
        assertThat(notices(yesByEmail, id)).isEqualTo(1);
        assertThat(notices(no, id)).isZero();
        assertThat(notices(silent, id)).isZero();
        assertThat(notices(facilitator, id)).isZero();
        assertThat(mails(yes)).as("in-app only: no email chosen").isZero();
        assertThat(mails(no)).isZero();
        assertThat(mails(yesByEmail)).isEqualTo(1);

        mailWorker.deliverDue();
        assertThat(received(yes)).isEmpty();
        MimeMessage mail = received(yesByEmail).stream().reduce((a, b) -> b).orElseThrow();
        assertThat(mail.getSubject()).startsWith("Reminder: Budget as a moral document, ").contains("May 14, 2031", "5:30");
        assertThat(GreenMailUtil.getBody(mail).replace("=\r\n", "")).contains(
                "Hello " + yesByEmail.name(),
                "Where: Whatcom Community Foundation, 1225 Railroad Ave, Bellingham, Room 2B",
                "Getting there: Step-free entrance on Chestnut St.",
                "Join online: https://us02web.zoom.us/j/81234567890",
                "(America/Los_Angeles)",
                "http://praxis.test/sessions/" + id);
    }

    @Test
    void a_reminder_goes_once_on_a_second_run_and_after_a_restart() {
        LocalDateTime start = LocalDateTime.of(2031, 6, 11, 9, 0);
        long id = session("Hiring and promotion", start);
        Instant due = la(start.minusHours(20));

        node(due).sendDue();
        node(due).sendDue();
        // a restart, later the same evening: a new instance finds the claim
        node(due.plus(Duration.ofHours(3))).sendDue();

        assertThat(notices(yes, id)).isEqualTo(1);
        assertThat(notices(yesByEmail, id)).isEqualTo(1);
        assertThat(mails(yesByEmail)).isEqualTo(1);
        assertThat(db.fetchCount(SESSION_REMINDER_SENT, SESSION_REMINDER_SENT.SESSION_ID.eq(id))).isEqualTo(2);
    }

    @Test
    void two_nodes_at_once_send_each_reminder_once() throws Exception {
        LocalDateTime start = LocalDateTime.of(2031, 7, 9, 13, 0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(session("Session " + i + " " + TestData.unique("s"), start.plusMinutes(i)));
        }
        Instant due = la(start.minusHours(12));
        SessionReminders a = node(due);
        SessionReminders b = node(due);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> first = pool.submit(() -> {
                    go.await();
                    return a.sendDue();
                });
                Future<Integer> second = pool.submit(() -> {
                    go.await();
                    return b.sendDue();
                });
                go.countDown();
                first.get();
                second.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (long id : ids) {
            assertThat(notices(yes, id)).isEqualTo(1);
            assertThat(notices(yesByEmail, id)).isEqualTo(1);
        }
        assertThat(mails(yesByEmail)).isEqualTo(5);
    }

    @Test
    void no_reminder_after_the_start_for_a_cancelled_session_or_an_answer_changed_to_no() {
        LocalDateTime start = LocalDateTime.of(2031, 8, 13, 10, 0);
        long past = session("Already begun", start);
        long cancelled = session("Called off", start.plusHours(1));
        long changed = session("Changed my mind", start.plusHours(2));
        data.signIn(facilitator);
        sessions.setCancelled(cancelled, true);
        answer(yes, changed, false);
        answer(yesByEmail, changed, false);

        // the job was down all day: it comes back after the first one started
        node(la(start).plusSeconds(60)).sendDue();

        for (long id : List.of(past, cancelled, changed)) {
            assertThat(notices(yes, id)).isZero();
            assertThat(notices(yesByEmail, id)).isZero();
        }
        assertThat(mails(yesByEmail)).isZero();
    }

    @Test
    void someone_who_left_the_cohort_or_was_deactivated_gets_none() {
        LocalDateTime start = LocalDateTime.of(2031, 9, 10, 10, 0);
        long id = session("After they left", start);
        db.deleteFrom(org.praxis.jooq.Tables.COHORT_MEMBERSHIP)
                .where(org.praxis.jooq.Tables.COHORT_MEMBERSHIP.MEMBER_ID.eq(yes.id())).execute();
        db.update(MEMBER).set(MEMBER.ACTIVE, false).where(MEMBER.ID.eq(yesByEmail.id())).execute();

        node(la(start.minusHours(2))).sendDue();

        assertThat(notices(yes, id)).isZero();
        assertThat(notices(yesByEmail, id)).isZero();
        assertThat(mails(yesByEmail)).isZero();
    }

    @Test
    void the_sessions_of_a_closed_cohort_remind_nobody() {
        LocalDateTime start = LocalDateTime.of(2031, 9, 17, 10, 0);
        long id = session("After the cohort closed", start);
        db.update(org.praxis.jooq.Tables.COHORT).set(org.praxis.jooq.Tables.COHORT.CLOSED_AT, java.time.OffsetDateTime.now())
                .where(org.praxis.jooq.Tables.COHORT.ID.eq(cohort)).execute();

        node(la(start.minusHours(2))).sendDue();

        assertThat(notices(yes, id)).isZero();
        assertThat(mails(yesByEmail)).isZero();
    }

    @Test
    void a_session_moved_after_its_reminder_is_reminded_of_again_once_for_its_new_time() {
        LocalDateTime start = LocalDateTime.of(2031, 10, 8, 10, 0);
        long id = session("Moved", start);
        node(la(start.minusHours(10))).sendDue();
        assertThat(notices(yes, id)).isEqualTo(1);

        data.signIn(facilitator);
        SessionDraft moved = sessions.draftOf(id);
        moved.setStartsAt(start.plusDays(2));
        moved.setEndsAt(start.plusDays(2).plusHours(2));
        sessions.update(id, moved);
        node(la(start.minusHours(5))).sendDue();
        assertThat(notices(yes, id)).as("the new time is more than a day away").isEqualTo(1);

        node(la(start.plusDays(2).minusHours(10))).sendDue();
        node(la(start.plusDays(2).minusHours(9))).sendDue();
        assertThat(notices(yes, id)).isEqualTo(2);
        assertThat(mails(yesByEmail)).isEqualTo(2);
    }

    @Test
    void a_day_before_is_the_same_time_the_day_before_in_the_cohorts_zone_across_a_change_of_clocks() {
        // Los Angeles moves its clocks forward early on 9 March 2031: 18:00 the day before is only 23 hours before
        LocalDateTime start = LocalDateTime.of(2031, 3, 9, 18, 0);
        long id = session("After the clocks change", start);
        Instant dayBefore = la(start.minusDays(1));
        assertThat(Duration.between(dayBefore, la(start))).isEqualTo(Duration.ofHours(23));

        node(dayBefore.minusSeconds(60)).sendDue();
        assertThat(notices(yes, id)).isZero();
        node(dayBefore.plusSeconds(60)).sendDue();
        assertThat(notices(yes, id)).isEqualTo(1);
    }

    @Test
    void an_address_the_outbox_refuses_costs_only_its_own_reminder_which_goes_at_the_next_run() {
        LocalDateTime start = LocalDateTime.of(2031, 11, 12, 10, 0);
        long id = session("Unmailable", start);
        String unmailable = TestData.unique("no-at-sign");
        db.update(MEMBER).set(MEMBER.EMAIL, unmailable).where(MEMBER.ID.eq(yesByEmail.id())).execute();

        node(la(start.minusHours(3))).sendDue();
        assertThat(notices(yes, id)).isEqualTo(1);
        assertThat(notices(yesByEmail, id)).as("the notice and the claim went back with the mail").isZero();
        assertThat(db.fetchCount(SESSION_REMINDER_SENT, SESSION_REMINDER_SENT.MEMBER_ID.eq(yesByEmail.id()))).isZero();

        db.update(MEMBER).set(MEMBER.EMAIL, yesByEmail.email()).where(MEMBER.ID.eq(yesByEmail.id())).execute();
        node(la(start.minusHours(2))).sendDue();
        assertThat(notices(yesByEmail, id)).isEqualTo(1);
        assertThat(mails(yesByEmail)).isEqualTo(1);
        assertThat(notices(yes, id)).isEqualTo(1);
    }

    @Test
    void the_rows_claimed_name_the_start_reminded_of() {
        LocalDateTime start = LocalDateTime.of(2031, 12, 10, 10, 0);
        long id = session("Claimed", start);
        node(la(start.minusHours(1))).sendDue();
        OffsetDateTime stored = db.select(SESSION.STARTS_AT).from(SESSION).where(SESSION.ID.eq(id)).fetchSingle(SESSION.STARTS_AT);
        assertThat(db.select(SESSION_REMINDER_SENT.STARTS_AT, SESSION_REMINDER_SENT.BY_EMAIL).from(SESSION_REMINDER_SENT)
                .where(SESSION_REMINDER_SENT.SESSION_ID.eq(id)).orderBy(SESSION_REMINDER_SENT.BY_EMAIL).fetch())
                .hasSize(2).allSatisfy(r -> assertThat(r.value1().toInstant()).isEqualTo(stored.toInstant()))
                .extracting(r -> r.value2()).containsExactly(false, true);
    }
}
