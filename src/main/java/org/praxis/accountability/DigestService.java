package org.praxis.accountability;

import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.DIGEST_SENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.analysis.AnalysisService;
import org.praxis.base.i18n.Messages;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Signatures;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.Cohorts;
import org.praxis.conversation.ThreadNews;
import org.praxis.member.MemberService;
import org.praxis.member.Members;
import org.praxis.notification.NotificationItem;
import org.praxis.notification.NotificationService;
import org.praxis.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email digests. A scheduled job finds who is due (daily: once per day, weekly: once per ISO
 * week, in their cohort's time zone) and, for each, records the period in {@code digest_sent} and
 * queues the mail in the outbox in one transaction: a second node, or the same one after a
 * restart, finds the period there and queues nothing, and a failure leaves neither, so the period
 * is tried again. The outbox sends it after the commit, with retries. Each mail carries a signed
 * one-click unsubscribe link.
 */
@Service
public class DigestService {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);
    static final String UNSUBSCRIBE = "unsubscribe";

    private final DSLContext db;
    private final Mailer mailer;
    private final Signatures signatures;
    private final Messages messages;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MemberService members;
    private final CohortAccess access;
    private final ThreadNews threads;
    private final NotificationService notifications;
    private final AnalysisService analyses;
    private final SessionService sessions;

    DigestService(DSLContext db, Mailer mailer, Signatures signatures, Messages messages, CurrentUser currentUser,
            TransactionTemplate transactions, Clock clock, MemberService members, CohortAccess access,
            ThreadNews threads, NotificationService notifications, AnalysisService analyses, SessionService sessions) {
        this.members = members;
        this.access = access;
        this.threads = threads;
        this.notifications = notifications;
        this.analyses = analyses;
        this.sessions = sessions;
        this.db = db;
        this.mailer = mailer;
        this.signatures = signatures;
        this.messages = messages;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- the member's choice

    @Transactional(readOnly = true)
    public DigestFrequency frequency() {
        long me = currentUser.require().id();
        return DigestFrequency.valueOf(members.digestOf(me));
    }

    @Transactional
    public void setFrequency(DigestFrequency frequency) {
        long me = currentUser.require().id();
        members.setDigest(me, frequency.name());
    }

    /** Whether an unsubscribe token is ours (nothing changes). */
    public boolean unsubscribeValid(String token) {
        String member = signatures.verify(UNSUBSCRIBE, token);
        return member != null && member.matches("\\d{1,18}");
    }

    /** Unsubscribe from a mail's link: true when the token is ours (then digests are off). */
    @Transactional
    public boolean unsubscribe(String token) {
        String member = signatures.verify(UNSUBSCRIBE, token);
        if (member == null || !member.matches("\\d{1,18}")) {
            return false;
        }
        members.setDigest(Long.parseLong(member), DigestFrequency.OFF.name());
        return true;
    }

    String unsubscribeLink(long memberId) {
        return mailer.link("unsubscribe/" + signatures.sign(UNSUBSCRIBE, String.valueOf(memberId)));
    }

    // ---- sending

    /** Queues every digest that is due now; returns how many. */
    @Scheduled(fixedDelayString = "${praxis.digest.check:15m}", initialDelayString = "${praxis.scheduling.initial-delay:3m}")
    public int sendDue() {
        if (!mailer.configured()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, String> due = members.digestsToSend(DigestFrequency.OFF.name());
        int sent = 0;
        for (var m : due.entrySet()) {
            try {
                DigestFrequency frequency = DigestFrequency.valueOf(m.getValue());
                Boolean went = transactions.execute(tx -> sendFor(m.getKey(), frequency, now));
                sent += Boolean.TRUE.equals(went) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Digest for member {} not sent: {}", m.getKey(), e.getMessage());
            }
        }
        return sent;
    }

    /** In the caller's transaction: claims the period and, when there is news, queues the mail. */
    private boolean sendFor(long memberId, DigestFrequency frequency, OffsetDateTime now) {
        ZoneId zone = zoneOf(memberId);
        ZonedDateTime local = now.atZoneSameInstant(zone);
        String period = frequency == DigestFrequency.DAILY ? "D" + local.toLocalDate()
                : "W" + local.get(IsoFields.WEEK_BASED_YEAR) + "-" + local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        OffsetDateTime since = db.select(DSL.max(DIGEST_SENT.SENT_AT)).from(DIGEST_SENT).where(DIGEST_SENT.MEMBER_ID.eq(memberId))
                .fetchOptional(0, OffsetDateTime.class).orElse(now.minusDays(frequency == DigestFrequency.DAILY ? 1 : 7));
        int claimed = db.insertInto(DIGEST_SENT).set(DIGEST_SENT.MEMBER_ID, memberId).set(DIGEST_SENT.PERIOD, period)
                .set(DIGEST_SENT.SENT_AT, now).onConflictDoNothing().execute();
        if (claimed == 0) {
            return false;
        }
        Digest digest = compose(memberId, since, now, zone);
        if (digest.isEmpty()) {
            return false;
        }
        var m = db.select(Members.email(DSL.val(memberId)), Members.displayName(DSL.val(memberId))).fetchSingle();
        return mailer.send(m.value1(), messages.text(frequency == DigestFrequency.DAILY ? "digest.subject.daily"
                : "digest.subject.weekly"), text(m.value2(), digest, unsubscribeLink(memberId)));
    }

    private ZoneId zoneOf(long memberId) {
        // the zone of their first cohort
        return access.membershipsOf(memberId).stream().findFirst().map(first -> access.zoneOf(first.cohortId()))
                .orElse(ZoneId.of(Cohorts.DEFAULT_ZONE));
    }

    /** What is new for the member since then, as they may read it. */
    Digest compose(long memberId, OffsetDateTime since, OffsetDateTime now, ZoneId zone) {
        // threads they started or posted in; replies by others they may read (facilitators-only ones for facilitators)
        List<String> replies = threads.repliesFor(memberId, since, 20).stream()
                .map(r -> messages.text("digest.reply", r.threadTitle(), r.count())).toList();
        // the notices they chose to get in their digest (mentions by default), as they may read them now
        List<NotificationItem> chosen = notifications.digestSince(memberId, since, 40);
        List<String> mentions = chosen.stream().filter(n -> NotificationService.MENTION.equals(n.kind())).limit(20)
                .map(n -> messages.text("digest.mention", n.threadTitle())).toList();
        List<String> notices = chosen.stream().filter(n -> !NotificationService.MENTION.equals(n.kind())).limit(20)
                .map(notifications::text).toList();
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        List<String> checkIns = db.select(COMMITMENT.WHAT, COMMITMENT.NEXT_CHECK_IN).from(COMMITMENT)
                .where(COMMITMENT.MEMBER_ID.eq(memberId)).and(COMMITMENT.STATUS.ne(CommitmentStatus.DONE.name()))
                .and(COMMITMENT.NEXT_CHECK_IN.le(today.plusDays(2))).orderBy(COMMITMENT.NEXT_CHECK_IN)
                .fetch(r -> messages.text("digest.check-in", shorten(r.value1()), date(r.value2())));
        List<String> analyses = this.analyses.sharedWithSince(memberId, since, 20);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.ENGLISH);
        List<String> sessions = this.sessions.startingBetween(memberId, now, now.plusDays(8)).stream()
                .map(e -> messages.text("digest.session", e.title(), when.format(e.startsAt().atZoneSameInstant(zone))))
                .toList();
        return new Digest(replies, mentions, notices, checkIns, analyses, sessions);
    }

    private String text(String name, Digest d, String unsubscribe) {
        StringBuilder out = new StringBuilder(messages.text("digest.greeting", name)).append("\n\n");
        section(out, "digest.section.replies", d.replies());
        section(out, "digest.section.mentions", d.mentions());
        section(out, "digest.section.notices", d.notices());
        section(out, "digest.section.check-ins", d.checkInsDue());
        section(out, "digest.section.analyses", d.analyses());
        section(out, "digest.section.sessions", d.sessions());
        out.append(messages.text("digest.open", mailer.link(""))).append("\n\n");
        out.append(messages.text("digest.unsubscribe", unsubscribe)).append('\n');
        return out.toString();
    }

    private void section(StringBuilder out, String key, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append(messages.text(key)).append('\n');
            lines.forEach(l -> out.append("  - ").append(l).append('\n'));
            out.append('\n');
        }
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private static String date(LocalDate d) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(d);
    }
}
