package org.praxis.accountability;

import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.DIGEST_SENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.THREAD;

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
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.i18n.Messages;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Signatures;
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

    DigestService(DSLContext db, Mailer mailer, Signatures signatures, Messages messages, CurrentUser currentUser,
            TransactionTemplate transactions, Clock clock) {
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
        return DigestFrequency.valueOf(db.select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(me)).fetchSingle(MEMBER.DIGEST));
    }

    @Transactional
    public void setFrequency(DigestFrequency frequency) {
        long me = currentUser.require().id();
        db.update(MEMBER).set(MEMBER.DIGEST, frequency.name()).where(MEMBER.ID.eq(me)).execute();
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
        db.update(MEMBER).set(MEMBER.DIGEST, DigestFrequency.OFF.name()).where(MEMBER.ID.eq(Long.parseLong(member))).execute();
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
        var due = db.select(MEMBER.ID, MEMBER.DIGEST).from(MEMBER)
                .where(MEMBER.ACTIVE.isTrue()).and(MEMBER.DIGEST.ne(DigestFrequency.OFF.name()))
                .and(DSL.exists(DSL.selectOne().from(COHORT_MEMBERSHIP).where(COHORT_MEMBERSHIP.MEMBER_ID.eq(MEMBER.ID))))
                .fetch();
        int sent = 0;
        for (var m : due) {
            try {
                Boolean went = transactions.execute(tx -> sendFor(m.value1(), DigestFrequency.valueOf(m.value2()), now));
                sent += Boolean.TRUE.equals(went) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Digest for member {} not sent: {}", m.value1(), e.getMessage());
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
        var m = db.select(MEMBER.EMAIL, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchSingle();
        return mailer.send(m.value1(), messages.text(frequency == DigestFrequency.DAILY ? "digest.subject.daily"
                : "digest.subject.weekly"), text(m.value2(), digest, unsubscribeLink(memberId)));
    }

    private ZoneId zoneOf(long memberId) {
        String zone = db.select(COHORT.TIME_ZONE).from(COHORT).join(COHORT_MEMBERSHIP).on(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID))
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId)).orderBy(COHORT.ID).limit(1).fetchOne(COHORT.TIME_ZONE);
        return ZoneId.of(zone == null ? "America/Los_Angeles" : zone);
    }

    /** What is new for the member since then, as they may read it. */
    Digest compose(long memberId, OffsetDateTime since, OffsetDateTime now, ZoneId zone) {
        var mine = COHORT_MEMBERSHIP.as("mine");
        // threads they started or posted in; replies by others they may read (facilitators-only ones for facilitators)
        var inThread = DSL.exists(DSL.selectOne().from(POST.as("own")).where(POST.as("own").THREAD_ID.eq(THREAD.ID))
                .and(POST.as("own").AUTHOR_ID.eq(memberId))).or(THREAD.CREATED_BY.eq(memberId));
        var facilitator = DSL.exists(DSL.selectOne().from(mine).where(mine.COHORT_ID.eq(THREAD.COHORT_ID))
                .and(mine.MEMBER_ID.eq(memberId)).and(mine.ROLE.eq("FACILITATOR")));
        List<String> replies = db.select(THREAD.TITLE, DSL.count()).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.CREATED_AT.gt(since)).and(POST.AUTHOR_ID.ne(memberId)).and(POST.DELETED_AT.isNull())
                .and(POST.HIDDEN_AT.isNull()).and(inThread)
                .and(DSL.exists(DSL.selectOne().from(mine).where(mine.COHORT_ID.eq(THREAD.COHORT_ID)).and(mine.MEMBER_ID.eq(memberId))))
                .and(POST.FACILITATORS_ONLY.isFalse().or(facilitator))
                .groupBy(THREAD.ID, THREAD.TITLE).orderBy(DSL.max(POST.CREATED_AT).desc()).limit(20)
                .fetch(r -> messages.text("digest.reply", r.value1(), r.value2()));
        List<String> mentions = db.select(THREAD.TITLE).from(NOTIFICATION).join(THREAD).on(THREAD.ID.eq(NOTIFICATION.THREAD_ID))
                .where(NOTIFICATION.MEMBER_ID.eq(memberId)).and(NOTIFICATION.KIND.eq("MENTION"))
                .and(DSL.exists(DSL.selectOne().from(mine).where(mine.COHORT_ID.eq(THREAD.COHORT_ID)).and(mine.MEMBER_ID.eq(memberId))))
                .and(NOTIFICATION.CREATED_AT.gt(since)).orderBy(NOTIFICATION.CREATED_AT.desc()).limit(20)
                .fetch(r -> messages.text("digest.mention", r.value1()));
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        List<String> checkIns = db.select(COMMITMENT.WHAT, COMMITMENT.NEXT_CHECK_IN).from(COMMITMENT)
                .where(COMMITMENT.MEMBER_ID.eq(memberId)).and(COMMITMENT.STATUS.ne(CommitmentStatus.DONE.name()))
                .and(COMMITMENT.NEXT_CHECK_IN.le(today.plusDays(2))).orderBy(COMMITMENT.NEXT_CHECK_IN)
                .fetch(r -> messages.text("digest.check-in", shorten(r.value1()), date(r.value2())));
        List<String> analyses = db.select(ANALYSIS.TITLE).from(ANALYSIS)
                .where(ANALYSIS.STATUS.ne("DRAFT")).and(ANALYSIS.SHARED_AT.gt(since)).and(ANALYSIS.CREATED_BY.ne(memberId))
                .and(ANALYSIS.COHORT_ID.in(DSL.select(mine.COHORT_ID).from(mine).where(mine.MEMBER_ID.eq(memberId))))
                .orderBy(ANALYSIS.SHARED_AT.desc()).limit(20).fetch(ANALYSIS.TITLE);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.ENGLISH);
        List<String> sessions = db.select(SESSION.TITLE, SESSION.STARTS_AT).from(SESSION)
                .where(SESSION.COHORT_ID.in(DSL.select(mine.COHORT_ID).from(mine).where(mine.MEMBER_ID.eq(memberId))))
                .and(SESSION.STARTS_AT.between(now, now.plusDays(8))).orderBy(SESSION.STARTS_AT)
                .fetch(r -> messages.text("digest.session", r.value1(), when.format(r.value2().atZoneSameInstant(zone))));
        return new Digest(replies, mentions, checkIns, analyses, sessions);
    }

    private String text(String name, Digest d, String unsubscribe) {
        StringBuilder out = new StringBuilder(messages.text("digest.greeting", name)).append("\n\n");
        section(out, "digest.section.replies", d.replies());
        section(out, "digest.section.mentions", d.mentions());
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
