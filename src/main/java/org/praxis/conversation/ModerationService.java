package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_REPORT;
import static org.praxis.jooq.Tables.THREAD;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.Cohorts;
import org.praxis.member.Members;
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

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final SearchOutbox outbox;
    private final AuditService audit;
    private final Clock clock;

    private final RateLimiter limits;

    ModerationService(DSLContext db, CohortAccess access, CurrentUser currentUser, SearchOutbox outbox,
            AuditService audit, Clock clock, RateLimiter limits) {
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
     * Anyone who can read the post reports it, to the facilitators or, about a facilitator, to the
     * admins; limited per person ({@link org.praxis.base.limit.RateLimitedException}).
     */
    @Transactional
    public long report(long postId, String reason, boolean toAdmins) {
        limits.hit(RateLimiter.Action.REPORT);
        access.requireMember(cohortOfPost(postId));
        access.requireOpen(cohortOfPost(postId));
        long me = currentUser.require().id();
        new Validation().required("reason", reason, REPORT_MAX).throwIfInvalid();
        long id = db.insertInto(POST_REPORT)
                .set(POST_REPORT.POST_ID, postId)
                .set(POST_REPORT.REPORTER_ID, me)
                .set(POST_REPORT.REASON, reason.strip())
                .set(POST_REPORT.TO_ADMINS, toAdmins)
                .returning(POST_REPORT.ID).fetchOne(POST_REPORT.ID);
        audit.record(me, toAdmins ? "post.reported-to-admins" : "post.reported", "post", postId, null, null);
        return id;
    }

    /**
     * Open reports the signed-in person must look at: those about posts in cohorts they
     * facilitate, and for admins those sent to the admins. A report to the admins is never shown
     * to facilitators.
     */
    @Transactional(readOnly = true)
    public java.util.List<ReportItem> openReports() {
        org.jooq.Condition mine = reportsFor(currentUser.require());
        return db.select(POST_REPORT.ID, POST.ID, THREAD.ID, THREAD.TITLE, Cohorts.name(THREAD.COHORT_ID),
                        POST_REPORT.REASON, Members.displayName(POST_REPORT.REPORTER_ID), POST_REPORT.TO_ADMINS,
                        POST_REPORT.CREATED_AT)
                .from(POST_REPORT)
                .join(POST).on(POST.ID.eq(POST_REPORT.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST_REPORT.RESOLVED_AT.isNull()).and(mine)
                .orderBy(POST_REPORT.CREATED_AT)
                .fetch(r -> new ReportItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    /**
     * The reports someone must look at (on {@code POST_REPORT} joined to its {@code THREAD}): about
     * posts in cohorts they facilitate, and for admins those sent to the admins. A report to the
     * admins is never shown to facilitators.
     */
    private static org.jooq.Condition reportsFor(PraxisUser me) {
        org.jooq.Condition mine = POST_REPORT.TO_ADMINS.isFalse()
                .and(CohortAccess.facilitatorOf(THREAD.COHORT_ID, org.jooq.impl.DSL.val(me.id())));
        if (me.role() == org.praxis.base.security.Role.ADMIN) {
            mine = mine.or(POST_REPORT.TO_ADMINS.isTrue());
        }
        return mine;
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
                .where(POST_REPORT.RESOLVED_AT.isNull()).and(reportsFor(me)).and(POST_REPORT.TO_ADMINS.isFalse())
                .and(THREAD.COHORT_ID.eq(cohortId)));
    }

    /** Marks a report as dealt with; only someone it was sent to may. */
    @Transactional
    public void resolve(long reportId) {
        PraxisUser me = currentUser.require();
        if (openReports().stream().noneMatch(r -> r.id() == reportId)) {
            throw new AccessDeniedException("Report " + reportId + " is not yours to resolve");
        }
        db.update(POST_REPORT).set(POST_REPORT.RESOLVED_AT, OffsetDateTime.now(clock))
                .set(POST_REPORT.RESOLVED_BY, me.id()).where(POST_REPORT.ID.eq(reportId)).execute();
        audit.record(me.id(), "report.resolved", "report", reportId, null, null);
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
