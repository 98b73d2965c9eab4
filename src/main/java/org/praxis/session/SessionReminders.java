package org.praxis.session;

import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.SESSION_ATTENDANCE;
import static org.praxis.jooq.Tables.SESSION_REMINDER_CHOICE;
import static org.praxis.jooq.Tables.SESSION_REMINDER_SENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.i18n.Messages;
import org.praxis.base.mail.Mailer;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.Cohorts;
import org.praxis.member.Members;
import org.praxis.notification.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders a day before a session, to everyone who said they will join: a notice in Praxis
 * always, and an email too for those who chose it. "A day before" is the same wall-clock time on
 * the day before, in the cohort's time zone (23 or 25 hours across a change of clocks).
 *
 * <p>Each reminder is claimed by a {@code session_reminder_sent} row inserted in the transaction
 * that writes the notice and queues the mail: a second run, a restart or another node finds the
 * row and sends nothing, and a failure leaves neither, so the next run tries again. A run also
 * holds a cluster lock, so only one node works at a time. The row remembers the start it reminded
 * of: a session moved to another time after its reminder is reminded of again, once, for the new
 * time (people need to hear of the move); moved back, it is not reminded of a third time for a
 * start already reminded of. Sessions cancelled, already started, answers changed to "no",
 * and people no longer in the cohort or no longer active get none.
 */
@Component
public class SessionReminders {

    public static final String NOTIFICATION = org.praxis.notification.NotificationKind.SESSION_REMINDER.code();
    private static final Logger log = LoggerFactory.getLogger(SessionReminders.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final TransactionTemplate oneReminder;
    private final ClusterLock lock;
    private final NotificationService notifications;
    private final Mailer mailer;
    private final Messages messages;
    private final Clock clock;

    SessionReminders(DSLContext db, PlatformTransactionManager transactionManager, ClusterLock lock,
            NotificationService notifications, Mailer mailer, Messages messages, Clock clock) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactionManager);
        // each reminder in a savepoint: one that fails (an address the outbox refuses) leaves the others
        this.oneReminder = new TransactionTemplate(transactionManager);
        this.oneReminder.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.lock = lock;
        this.notifications = notifications;
        this.mailer = mailer;
        this.messages = messages;
        this.clock = clock;
    }

    /** Sends every reminder that is due now; returns how many (0 when another node is at it). */
    @Scheduled(fixedDelayString = "${praxis.sessions.reminder-check:15m}",
            initialDelayString = "${praxis.scheduling.initial-delay:1m}")
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Integer sent = transactions.execute(tx -> {
            if (!lock.tryLock("session-reminders")) {
                return 0;
            }
            int count = 0;
            for (Due due : due(now)) {
                try {
                    count += Boolean.TRUE.equals(oneReminder.execute(inner -> remind(due, now))) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Reminder of session {} for member {} not sent: {}", due.sessionId(), due.memberId(),
                            e.getMessage());
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** A reminder to send: who, of which session at which start, and whether by email too. */
    record Due(long sessionId, long memberId, OffsetDateTime startsAt) {
    }

    private List<Due> due(OffsetDateTime now) {
        return db.select(SESSION.ID, SESSION_ATTENDANCE.MEMBER_ID, SESSION.STARTS_AT)
                .from(SESSION).join(SESSION_ATTENDANCE).on(SESSION_ATTENDANCE.SESSION_ID.eq(SESSION.ID))
                .where(stillDue(now))
                .orderBy(SESSION.STARTS_AT, SESSION.ID, SESSION_ATTENDANCE.MEMBER_ID)
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The rule, on SESSION joined with SESSION_ATTENDANCE: the person said yes, is in the cohort and
     * active; the session is not cancelled, has not started, starts within a day (wall clock, in the
     * cohort's zone) and was not reminded of for this start.
     */
    private static org.jooq.Condition stillDue(OffsetDateTime now) {
        Field<OffsetDateTime> dayBefore = DSL.field("((({0} at time zone {1}) - interval '1 day') at time zone {1})",
                OffsetDateTime.class, SESSION.STARTS_AT, Cohorts.timeZone(SESSION.COHORT_ID));
        return SESSION_ATTENDANCE.WILL_JOIN.isTrue()
                .and(SESSION.CANCELLED_AT.isNull())
                // a closed cohort meets no more: its alumni are not reminded of what was planned
                .and(org.praxis.cohort.Cohorts.open(SESSION.COHORT_ID))
                .and(SESSION.STARTS_AT.gt(now))
                .and(dayBefore.le(now))
                .and(CohortAccess.memberOf(SESSION.COHORT_ID, SESSION_ATTENDANCE.MEMBER_ID))
                .and(Members.active(SESSION_ATTENDANCE.MEMBER_ID))
                .andNotExists(DSL.selectOne().from(SESSION_REMINDER_SENT)
                        .where(SESSION_REMINDER_SENT.SESSION_ID.eq(SESSION.ID))
                        .and(SESSION_REMINDER_SENT.MEMBER_ID.eq(SESSION_ATTENDANCE.MEMBER_ID))
                        .and(SESSION_REMINDER_SENT.STARTS_AT.eq(SESSION.STARTS_AT)));
    }

    /** In the caller's transaction: claims the reminder, writes the notice and queues the mail. */
    private boolean remind(Due due, OffsetDateTime now) {
        var s = db.select(SESSION.TITLE, SESSION.STARTS_AT, SESSION.ENDS_AT, SESSION.MEETING_URL, SESSION.PLACE,
                        SESSION.ROOM, SESSION.ACCESS_NOTES, Cohorts.timeZone(SESSION.COHORT_ID), Cohorts.name(SESSION.COHORT_ID))
                .from(SESSION).where(SESSION.ID.eq(due.sessionId())).fetchOne();
        boolean stillDue = s != null && db.fetchExists(db.selectOne().from(SESSION).join(SESSION_ATTENDANCE)
                .on(SESSION_ATTENDANCE.SESSION_ID.eq(SESSION.ID))
                .where(SESSION.ID.eq(due.sessionId())).and(SESSION_ATTENDANCE.MEMBER_ID.eq(due.memberId()))
                .and(SESSION.STARTS_AT.eq(due.startsAt())).and(stillDue(now)));
        if (!stillDue) {
            return false;
        }
        boolean byEmail = mailer.configured() && Boolean.TRUE.equals(db.select(SESSION_REMINDER_CHOICE.BY_EMAIL)
                .from(SESSION_REMINDER_CHOICE).where(SESSION_REMINDER_CHOICE.MEMBER_ID.eq(due.memberId()))
                .fetchOne(SESSION_REMINDER_CHOICE.BY_EMAIL));
        int claimed = db.insertInto(SESSION_REMINDER_SENT)
                .set(SESSION_REMINDER_SENT.SESSION_ID, due.sessionId())
                .set(SESSION_REMINDER_SENT.MEMBER_ID, due.memberId())
                .set(SESSION_REMINDER_SENT.STARTS_AT, due.startsAt())
                .set(SESSION_REMINDER_SENT.SENT_AT, now)
                .set(SESSION_REMINDER_SENT.BY_EMAIL, byEmail)
                .onConflictDoNothing().execute();
        if (claimed == 0) {
            return false;
        }
        String title = s.value1();
        notifications.notify(due.memberId(), NOTIFICATION, "sessions/" + due.sessionId(), title);
        if (byEmail) {
            ZoneId zone = ZoneId.of(s.value8());
            var person = db.select(Members.email(DSL.val(due.memberId())), Members.displayName(DSL.val(due.memberId())))
                    .fetchSingle();
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                    .withLocale(Locale.ENGLISH);
            DateTimeFormatter until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH);
            String starts = when.format(s.value2().atZoneSameInstant(zone));
            StringBuilder body = new StringBuilder()
                    .append(messages.text("session.reminder.greeting", person.value2())).append("\n\n")
                    .append(messages.text("session.reminder.intro", title, s.value9())).append("\n\n")
                    .append(messages.text("session.reminder.when", starts, until.format(s.value3().atZoneSameInstant(zone)),
                            zone.getId())).append('\n');
            String where = CalendarEvent.location(s.value5(), s.value6());
            if (where != null) {
                body.append(messages.text("session.reminder.where", where)).append('\n');
            }
            if (s.value7() != null) {
                body.append(messages.text("session.reminder.access", s.value7())).append('\n');
            }
            if (s.value4() != null) {
                body.append(messages.text("session.reminder.online", s.value4())).append('\n');
            }
            body.append('\n').append(messages.text("session.reminder.page", mailer.link("sessions/" + due.sessionId())))
                    .append("\n\n").append(messages.text("session.reminder.why")).append('\n');
            mailer.send(person.value1(), messages.text("session.reminder.subject", title, starts), body.toString());
        }
        return true;
    }
}
