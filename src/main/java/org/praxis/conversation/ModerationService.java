package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_REPORT;
import static org.praxis.jooq.Tables.THREAD;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Cohorts;
import org.praxis.cohort.Membership;
import org.praxis.member.MemberService;
import org.praxis.member.Members;
import org.praxis.notification.NotificationService;
import org.praxis.search.SearchOutbox;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What facilitators do to keep a brave space safe — hide a post with a reason, lock, pin and
 * slow down a thread — each recorded in the audit trail with who and when; and what anyone in
 * the cohort can do: report a post to the facilitators, or to the admins when the concern is
 * about a facilitator.
 */
@Service
public class ModerationService {

    public static final int REASON_MAX = 500;
    public static final int REPORT_MAX = 2000;
    public static final int NOTE_MAX = 500;
    /** Notification kinds: a new report for those who handle it, and its reporter told it was handled. */
    public static final String REPORT_NEW = "REPORT_NEW";
    public static final String REPORT_HANDLED = "REPORT_HANDLED";

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final SearchOutbox outbox;
    private final AuditService audit;
    private final Clock clock;

    private final RateLimiter limits;
    private final NotificationService notifications;
    private final MemberService members;

    private final MentionNames mentionNames;

    ModerationService(DSLContext db, CohortAccess access, CurrentUser currentUser, SearchOutbox outbox,
            AuditService audit, Clock clock, RateLimiter limits, NotificationService notifications,
            MemberService members, MentionNames mentionNames) {
        this.mentionNames = mentionNames;
        this.notifications = notifications;
        this.members = members;
        this.limits = limits;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void hide(long postId, String reason) {
        PraxisUser me = access.requireFacilitator(cohortOfPost(postId));
        new Validation().required("reason", reason, REASON_MAX).throwIfInvalid();
        hideAs(me, postId, reason);
    }

    private void hideAs(PraxisUser me, long postId, String reason) {
        db.update(POST)
                .set(POST.HIDDEN_AT, OffsetDateTime.now(clock))
                .set(POST.HIDDEN_BY, me.id())
                .set(POST.HIDDEN_REASON, reason.strip())
                .where(POST.ID.eq(postId))
                .execute();
        outbox.delete(SearchOutbox.Type.POST, postId);
        audit.record(me.id(), "post.hidden", "post", postId, null, reason.strip());
    }

    @Transactional
    public void unhide(long postId) {
        PraxisUser me = access.requireFacilitator(cohortOfPost(postId));
        db.update(POST).setNull(POST.HIDDEN_AT).setNull(POST.HIDDEN_BY).setNull(POST.HIDDEN_REASON)
                .where(POST.ID.eq(postId)).execute();
        if (!db.fetchExists(POST, POST.ID.eq(postId).and(POST.DELETED_AT.isNotNull()))) {
            outbox.upsert(SearchOutbox.Type.POST, postId);
        }
        audit.record(me.id(), "post.unhidden", "post", postId, null, null);
    }

    @Transactional
    public void lock(long threadId, boolean locked) {
        PraxisUser me = access.requireFacilitator(cohortOfThread(threadId));
        access.requireOpen(cohortOfThread(threadId));
        db.update(THREAD).set(THREAD.LOCKED, locked).where(THREAD.ID.eq(threadId)).execute();
        audit.record(me.id(), locked ? "thread.locked" : "thread.unlocked", "thread", threadId, null, null);
    }

    @Transactional
    public void pin(long threadId, boolean pinned) {
        PraxisUser me = access.requireFacilitator(cohortOfThread(threadId));
        access.requireOpen(cohortOfThread(threadId));
        db.update(THREAD).set(THREAD.PINNED, pinned).where(THREAD.ID.eq(threadId)).execute();
        audit.record(me.id(), pinned ? "thread.pinned" : "thread.unpinned", "thread", threadId, null, null);
    }

    /** At most one post per member every {@code minutes} in this thread; {@code null} turns it off. */
    @Transactional
    public void slowMode(long threadId, Integer minutes) {
        PraxisUser me = access.requireFacilitator(cohortOfThread(threadId));
        access.requireOpen(cohortOfThread(threadId));
        if (minutes != null && (minutes < 1 || minutes > 1440)) {
            throw InvalidInputException.of("slowMode", "thread.slow-mode.range");
        }
        db.update(THREAD).set(THREAD.SLOW_MODE_MINUTES, minutes).where(THREAD.ID.eq(threadId)).execute();
        audit.record(me.id(), "thread.slow-mode", "thread", threadId, null, String.valueOf(minutes));
    }

    /**
     * Anyone who can read the post reports it, to the facilitators of its cohort or, about a
     * facilitator, to the admins: asked for by the reporter, and always when the post's author
     * facilitates the cohort (its facilitators are then not told). Those it goes to are notified
     * at once; limited per person ({@link org.praxis.base.limit.RateLimitedException}).
     */
    @Transactional
    public long report(long postId, String reason, boolean toAdmins) {
        limits.hit(RateLimiter.Action.REPORT);
        long cohort = cohortOfPost(postId);
        access.requireMember(cohort);
        access.requireOpen(cohort);
        long me = currentUser.require().id();
        new Validation().required("reason", reason, REPORT_MAX).throwIfInvalid();
        var post = db.select(POST.AUTHOR_ID, THREAD.TITLE).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.ID.eq(postId)).fetchSingle();
        long author = post.value1();
        boolean aboutFacilitator = access.roleOf(cohort, author).orElse(null) == CohortRole.FACILITATOR;
        boolean admins = toAdmins || aboutFacilitator;
        long id = db.insertInto(POST_REPORT)
                .set(POST_REPORT.POST_ID, postId)
                .set(POST_REPORT.REPORTER_ID, me)
                .set(POST_REPORT.REASON, reason.strip())
                .set(POST_REPORT.TO_ADMINS, admins)
                .returning(POST_REPORT.ID).fetchOne(POST_REPORT.ID);
        List<Long> recipients = admins ? members.activeAdmins()
                : access.roster(cohort).stream().filter(p -> p.role() == CohortRole.FACILITATOR)
                        .map(Membership.Person::memberId).toList();
        recipients.stream().filter(r -> r != me && r != author).distinct()
                .forEach(r -> notifications.notify(r, REPORT_NEW, "reports?report=" + id, post.value2()));
        audit.record(me, admins ? "post.reported-to-admins" : "post.reported", "post", postId, null, null);
        return id;
    }

    /**
     * Open reports the signed-in person must look at, oldest first: those about posts in cohorts
     * they facilitate, and for admins those sent to the admins. A report to the admins is never
     * shown to facilitators.
     */
    @Transactional(readOnly = true)
    public List<ReportItem> openReports() {
        return reports(POST_REPORT.RESOLVED_AT.isNull(), POST_REPORT.CREATED_AT.asc(), 500);
    }

    /** Reports the signed-in person may handle that were handled, newest first (the latest 100). */
    @Transactional(readOnly = true)
    public List<ReportItem> handledReports() {
        return reports(POST_REPORT.RESOLVED_AT.isNotNull(), POST_REPORT.RESOLVED_AT.desc(), 100);
    }

    /** How many open reports wait for the signed-in person. */
    @Transactional(readOnly = true)
    public int openReportCount() {
        return openReportCountFor(currentUser.require());
    }

    /**
     * The same count for a person known beforehand, for work that runs outside their request
     * (a count pushed to their open page from the thread of whoever wrote the report).
     */
    @Transactional(readOnly = true)
    public int openReportCountFor(PraxisUser me) {
        return db.fetchCount(db.selectOne().from(POST_REPORT).join(POST).on(POST.ID.eq(POST_REPORT.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST_REPORT.RESOLVED_AT.isNull()).and(mine(me)));
    }

    /** The reports someone may see and handle: of cohorts they facilitate, and for admins those sent to the admins. */
    private static Condition mine(PraxisUser me) {
        Condition mine = POST_REPORT.TO_ADMINS.isFalse().and(CohortAccess.facilitatorOf(THREAD.COHORT_ID, DSL.val(me.id())));
        return me.role() == Role.ADMIN ? mine.or(POST_REPORT.TO_ADMINS.isTrue()) : mine;
    }

    private List<ReportItem> reports(Condition which, org.jooq.SortField<?> order, int limit) {
        PraxisUser me = currentUser.require();
        // the hidden-name rule of threads: a hidden name is known to the author and the cohort's facilitators
        Field<Boolean> knowsName = DSL.field(POST.NAME_HIDDEN.isFalse().or(POST.AUTHOR_ID.eq(me.id()))
                .or(CohortAccess.facilitatorOf(THREAD.COHORT_ID, DSL.val(me.id()))));
        return db.select(POST_REPORT.ID, POST.ID, THREAD.ID, THREAD.TITLE, Cohorts.name(THREAD.COHORT_ID),
                        Cohorts.timeZone(THREAD.COHORT_ID), POST_REPORT.REASON, Members.displayName(POST_REPORT.REPORTER_ID),
                        POST_REPORT.TO_ADMINS, POST_REPORT.CREATED_AT, Members.displayName(POST.AUTHOR_ID), knowsName,
                        POST.NAME_HIDDEN, POST.DELETED_AT, POST.HIDDEN_AT, POST.BODY_HTML, POST_REPORT.RESOLVED_AT,
                        Members.displayName(POST_REPORT.RESOLVED_BY), POST_REPORT.ACTION, POST_REPORT.NOTE,
                        THREAD.COHORT_ID)
                .from(POST_REPORT)
                .join(POST).on(POST.ID.eq(POST_REPORT.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(which).and(mine(me))
                .orderBy(order, POST_REPORT.ID)
                .limit(limit)
                .fetch(r -> {
                    PostState state = r.get(POST.DELETED_AT) != null ? PostState.REMOVED
                            : r.get(POST.HIDDEN_AT) != null ? PostState.HIDDEN : PostState.VISIBLE;
                    String zone = r.value6();
                    return new ReportItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                            ZoneId.of(zone == null ? Cohorts.DEFAULT_ZONE : zone), r.value7(), r.value8(), r.value9(),
                            r.value10(), Boolean.TRUE.equals(r.value12()) ? r.value11() : null, r.value13(), state,
                            state == PostState.REMOVED ? "" : withMentionNames(r.value21(), r.get(POST.BODY_HTML)),
                            r.get(POST_REPORT.RESOLVED_AT),
                            r.value18(), r.value19() == null ? null : ReportAction.valueOf(r.value19()), r.value20());
                });
    }

    /** The quoted post's mentions as the people's current names, as the thread shows them. */
    private String withMentionNames(long cohortId, String html) {
        if (html == null || html.indexOf("@[") < 0) {
            return html;
        }
        return Mentions.html(html, mentionNames.shown(cohortId, Mentions.ids(html)));
    }

    /**
     * For a facilitator's home: how many open reports of the cohort's posts are theirs to look at
     * (reports to the admins are counted on the admins' page, not here).
     */
    @Transactional(readOnly = true)
    public int openReportCount(long cohortId) {
        PraxisUser me = access.requireFacilitator(cohortId);
        return db.fetchCount(db.selectOne().from(POST_REPORT)
                .join(POST).on(POST.ID.eq(POST_REPORT.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST_REPORT.RESOLVED_AT.isNull()).and(mine(me)).and(POST_REPORT.TO_ADMINS.isFalse())
                .and(THREAD.COHORT_ID.eq(cohortId)));
    }

    /**
     * Records what was done about an open report, by whom and when; only someone it was sent to
     * may. {@link ReportAction#HIDDEN} hides the post if it is not hidden yet, with the note as
     * the reason its author reads (then required). The reporter is told it was handled, not how.
     */
    @Transactional
    public void handle(long reportId, ReportAction action, String note) {
        PraxisUser me = currentUser.require();
        var report = db.select(POST_REPORT.POST_ID, POST_REPORT.REPORTER_ID, POST.HIDDEN_AT, THREAD.ID, THREAD.TITLE,
                        THREAD.COHORT_ID)
                .from(POST_REPORT).join(POST).on(POST.ID.eq(POST_REPORT.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST_REPORT.ID.eq(reportId)).and(POST_REPORT.RESOLVED_AT.isNull()).and(mine(me))
                .fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("Report " + reportId + " is not yours to handle"));
        Validation v = new Validation().maxLength("note", note, NOTE_MAX);
        v.check(action != null, "action", "validation.required");
        boolean hideNow = action == ReportAction.HIDDEN && report.value3() == null;
        if (hideNow && !v.hasError("note")) {
            v.required("note", note, REASON_MAX);
        }
        v.throwIfInvalid();
        long postId = report.value1();
        if (hideNow) {
            hideAs(me, postId, note.strip());
        }
        db.update(POST_REPORT).set(POST_REPORT.RESOLVED_AT, OffsetDateTime.now(clock))
                .set(POST_REPORT.RESOLVED_BY, me.id())
                .set(POST_REPORT.ACTION, action.name())
                .set(POST_REPORT.NOTE, Validation.clean(note))
                .where(POST_REPORT.ID.eq(reportId)).execute();
        long reporter = report.value2();
        if (reporter != me.id()) {
            // the thread while they may still read it, else their notifications
            boolean inCohort = access.roleOf(report.value6(), reporter).isPresent();
            notifications.notify(reporter, REPORT_HANDLED,
                    inCohort ? "threads/" + report.value4() + "?post=" + postId : "notifications", report.value5());
        }
        audit.record(me.id(), "report.handled", "report", reportId, null, action.name());
    }

    private long cohortOfThread(long threadId) {
        Long cohort = db.select(THREAD.COHORT_ID).from(THREAD).where(THREAD.ID.eq(threadId)).fetchOne(THREAD.COHORT_ID);
        if (cohort == null) {
            throw new AccessDeniedException("No thread " + threadId);
        }
        return cohort;
    }

    private long cohortOfPost(long postId) {
        Long cohort = db.select(THREAD.COHORT_ID).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.ID.eq(postId)).fetchOne(THREAD.COHORT_ID);
        if (cohort == null) {
            throw new AccessDeniedException("No post " + postId);
        }
        return cohort;
    }
}
