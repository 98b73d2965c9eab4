package org.praxis.accountability;

import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.CHECK_IN_OBSTACLE;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.COMMITMENT_HELP;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.analysis.AnalysisService;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.Threads;
import org.praxis.member.Members;
import org.praxis.notification.NotificationService;
import org.praxis.obstacle.ObstacleService;
import org.praxis.obstacle.Obstacles;
import org.praxis.search.SearchOutbox;
import org.praxis.session.SessionService;
import org.praxis.session.Sessions;
import org.praxis.worksheet.WorksheetService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments and check-ins. A commitment is its author's alone unless they share it with the
 * facilitators or the cohort; only the author edits it and checks in. Peers who may read it
 * offer help or comment in its thread; facilitators see what is overdue or stuck among what is
 * shared with them. Commitments, with their check-ins, go through the search outbox.
 */
@Service
public class CommitmentService {

    public static final int WHAT_MAX = 2_000;
    public static final int DONE_WHEN_MAX = 1_000;
    public static final int INVOLVED_MAX = 500;
    public static final int NOTE_MAX = 2_000;
    public static final String HELP_OFFERED = org.praxis.notification.NotificationKind.HELP_OFFERED.code();

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final AnalysisService analyses;
    private final ThreadService threads;
    private final ObstacleService obstacles;
    private final NotificationService notifications;
    private final SearchOutbox outbox;
    private final AuditService audit;
    private final Clock clock;
    private final SessionService sessions;
    private final WorksheetService worksheets;

    CommitmentService(DSLContext db, CohortAccess access, CurrentUser currentUser, AnalysisService analyses,
            ThreadService threads, ObstacleService obstacles, NotificationService notifications, SearchOutbox outbox,
            AuditService audit, Clock clock, SessionService sessions, WorksheetService worksheets) {
        this.sessions = sessions;
        this.worksheets = worksheets;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.analyses = analyses;
        this.threads = threads;
        this.obstacles = obstacles;
        this.notifications = notifications;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the author's

    /** A member records a commitment in their cohort; every problem at once, by field. */
    /**
     * How many commitments were made in the cohort in {@code [from, to)}, by where they stand now
     * (statuses with none are left out); for those who read the cohort's report. Every commitment
     * counts, private ones too, as a number only: no title, no name.
     */
    @Transactional(readOnly = true)
    public Map<CommitmentStatus, Integer> madeByStatus(long cohortId, java.time.Instant from, java.time.Instant to) {
        access.requireRunning(cohortId);
        Map<CommitmentStatus, Integer> out = new java.util.EnumMap<>(CommitmentStatus.class);
        db.select(COMMITMENT.STATUS, DSL.count()).from(COMMITMENT)
                .where(COMMITMENT.COHORT_ID.eq(cohortId))
                .and(COMMITMENT.CREATED_AT.ge(from.atOffset(java.time.ZoneOffset.UTC)))
                .and(COMMITMENT.CREATED_AT.lt(to.atOffset(java.time.ZoneOffset.UTC)))
                .groupBy(COMMITMENT.STATUS)
                .forEach(r -> out.put(CommitmentStatus.valueOf(r.value1()), r.value2()));
        return out;
    }

    @Transactional
    public long create(long cohortId, CommitmentDraft draft) {
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        validate(cohortId, me, draft);
        long id = db.insertInto(COMMITMENT).set(COMMITMENT.COHORT_ID, cohortId).set(COMMITMENT.MEMBER_ID, me.id())
                .set(values(draft)).set(COMMITMENT.NEXT_CHECK_IN, nextCheckIn(cohortId, draft.rhythm()))
                .returning(COMMITMENT.ID).fetchOne(COMMITMENT.ID);
        outbox.upsert(SearchOutbox.Type.COMMITMENT, id);
        audit.record(me.id(), "commitment.created", "commitment", id, null, draft.sharing().name());
        return id;
    }

    /** The author changes what they committed to, its links, who reads it or its rhythm. */
    @Transactional
    public void update(long id, CommitmentDraft draft) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        validate(row.cohortId, me, draft);
        db.update(COMMITMENT).set(values(draft)).set(COMMITMENT.UPDATED_AT, OffsetDateTime.now(clock))
                .where(COMMITMENT.ID.eq(id)).execute();
        outbox.upsert(SearchOutbox.Type.COMMITMENT, id);
    }

    /**
     * The author shares it more or less widely. Taking it back from the cohort removes the
     * cohort's discussion of it (the view asks first), so nothing of it stays readable there.
     */
    @Transactional
    public void share(long id, Sharing sharing) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        if (row.sharing == Sharing.COHORT && sharing != Sharing.COHORT) {
            Long discussion = db.select(COMMITMENT.DISCUSSION_ID).from(COMMITMENT).where(COMMITMENT.ID.eq(id))
                    .fetchOne(COMMITMENT.DISCUSSION_ID);
            if (discussion != null) {
                threads.removeReview(discussion);
                audit.record(me.id(), "commitment.discussion-removed", "commitment", id, null, null);
            }
        }
        db.update(COMMITMENT).set(COMMITMENT.VISIBILITY, sharing.name()).where(COMMITMENT.ID.eq(id)).execute();
        outbox.upsert(SearchOutbox.Type.COMMITMENT, id);
        audit.record(me.id(), "commitment.shared", "commitment", id, null, sharing.name());
    }

    /**
     * The author checks in: a status, a short note, what got in the way, and — when stuck or
     * changing course — the obstacles from the cohort's list. Sets the next check-in by the rhythm.
     */
    @Transactional
    public long checkIn(long id, CommitmentStatus status, String note, String inTheWay, Set<Long> obstacleIds) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        Set<Long> named = obstacleIds == null ? Set.of() : obstacleIds;
        Validation v = new Validation().maxLength("note", note, NOTE_MAX).maxLength("inTheWay", inTheWay, NOTE_MAX);
        v.check(status != null, "status", "validation.required");
        v.check(named.isEmpty() || (status != null && status.namesObstacles()), "obstacles", "commitment.obstacles.when");
        v.throwIfInvalid();
        obstacles.requireOfCohort(row.cohortId, named);
        long checkIn = db.insertInto(CHECK_IN).set(CHECK_IN.COMMITMENT_ID, id).set(CHECK_IN.STATUS, status.name())
                .set(CHECK_IN.NOTE, Validation.clean(note)).set(CHECK_IN.IN_THE_WAY, Validation.clean(inTheWay))
                .returning(CHECK_IN.ID).fetchOne(CHECK_IN.ID);
        for (long obstacle : named) {
            db.insertInto(CHECK_IN_OBSTACLE).set(CHECK_IN_OBSTACLE.CHECK_IN_ID, checkIn)
                    .set(CHECK_IN_OBSTACLE.OBSTACLE_ID, obstacle).execute();
        }
        Rhythm rhythm = Rhythm.valueOf(db.select(COMMITMENT.RHYTHM).from(COMMITMENT).where(COMMITMENT.ID.eq(id))
                .fetchSingle(COMMITMENT.RHYTHM));
        db.update(COMMITMENT).set(COMMITMENT.STATUS, status.name()).set(COMMITMENT.UPDATED_AT, OffsetDateTime.now(clock))
                .set(COMMITMENT.NEXT_CHECK_IN, status == CommitmentStatus.DONE ? null : nextCheckIn(row.cohortId, rhythm))
                .where(COMMITMENT.ID.eq(id)).execute();
        outbox.upsert(SearchOutbox.Type.COMMITMENT, id);
        return checkIn;
    }

    /** The signed-in person's commitments in every cohort, soonest due first. */
    @Transactional(readOnly = true)
    public List<CommitmentSummary> mine() {
        PraxisUser me = currentUser.require();
        return summaries(COMMITMENT.MEMBER_ID.eq(me.id()));
    }

    // ---- readers'

    /** A commitment, for its author and those it is shared with. */
    @Transactional(readOnly = true)
    public CommitmentDetails read(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        var c = db.selectFrom(COMMITMENT).where(COMMITMENT.ID.eq(id)).fetchSingle();
        String author = db.select(Members.displayName(DSL.val(row.memberId))).fetchSingle().value1();
        boolean mine = row.memberId == me.id();
        CommitmentDetails.Link session = c.getSessionId() == null ? null
                : db.select(Sessions.title(DSL.val(c.getSessionId()))).fetchOptional(0, String.class)
                        .map(t -> new CommitmentDetails.Link(c.getSessionId(), t, "sessions/" + c.getSessionId())).orElse(null);
        CommitmentDetails.Link analysis = c.getAnalysisId() == null ? null : analyses.titleIfReadable(c.getAnalysisId())
                .map(t -> new CommitmentDetails.Link(c.getAnalysisId(), t, "analyses/" + c.getAnalysisId())).orElse(null);
        // a worksheet response shows to its author only: others may not be allowed to read it
        CommitmentDetails.Link response = c.getResponseId() == null || !mine ? null
                : worksheets.ownResponseTitle(c.getResponseId())
                        .map(t -> new CommitmentDetails.Link(c.getResponseId(), t, "worksheets/responses/" + c.getResponseId()))
                        .orElse(null);
        CommitmentDetails.Link thread = c.getThreadId() == null ? null
                : db.select(Threads.title(DSL.val(c.getThreadId()))).fetchOptional(0, String.class)
                        .map(t -> new CommitmentDetails.Link(c.getThreadId(), t, "threads/" + c.getThreadId())).orElse(null);
        List<String> helpers = db.select(Members.displayName(COMMITMENT_HELP.MEMBER_ID)).from(COMMITMENT_HELP)
                .where(COMMITMENT_HELP.COMMITMENT_ID.eq(id))
                .orderBy(COMMITMENT_HELP.CREATED_AT).fetch(r -> r.value1());
        boolean offered = db.fetchExists(COMMITMENT_HELP, COMMITMENT_HELP.COMMITMENT_ID.eq(id)
                .and(COMMITMENT_HELP.MEMBER_ID.eq(me.id())));
        return new CommitmentDetails(id, row.cohortId, row.memberId, author, c.getWhat(), c.getDueOn(), c.getDoneWhen(),
                c.getInvolved(), Sharing.valueOf(c.getVisibility()), Rhythm.valueOf(c.getRhythm()),
                CommitmentStatus.valueOf(c.getStatus()), c.getNextCheckIn(), session, analysis, response, thread,
                checkIns(id), helpers, row.sharing == Sharing.COHORT ? c.getDiscussionId() : null, mine, offered);
    }

    private List<CheckIn> checkIns(long id) {
        Map<Long, List<String>> named = new HashMap<>();
        db.select(CHECK_IN_OBSTACLE.CHECK_IN_ID, Obstacles.label(CHECK_IN_OBSTACLE.OBSTACLE_ID)).from(CHECK_IN_OBSTACLE)
                .join(CHECK_IN).on(CHECK_IN.ID.eq(CHECK_IN_OBSTACLE.CHECK_IN_ID))
                .where(CHECK_IN.COMMITMENT_ID.eq(id)).orderBy(Obstacles.position(CHECK_IN_OBSTACLE.OBSTACLE_ID))
                .forEach(r -> named.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return db.select(CHECK_IN.ID, CHECK_IN.STATUS, CHECK_IN.NOTE, CHECK_IN.IN_THE_WAY, CHECK_IN.CREATED_AT).from(CHECK_IN)
                .where(CHECK_IN.COMMITMENT_ID.eq(id)).orderBy(CHECK_IN.CREATED_AT.desc(), CHECK_IN.ID.desc())
                .fetch(r -> new CheckIn(r.value1(), CommitmentStatus.valueOf(r.value2()), r.value3(), r.value4(),
                        named.getOrDefault(r.value1(), List.of()), r.value5()));
    }

    /** The cohort's board: the commitments shared with the cohort, each with its latest check-in. */
    @Transactional(readOnly = true)
    public List<CommitmentSummary> board(long cohortId) {
        access.requireMember(cohortId);
        return summaries(COMMITMENT.COHORT_ID.eq(cohortId).and(COMMITMENT.VISIBILITY.eq(Sharing.COHORT.name())));
    }

    /** For the cohort's facilitators: overdue and stuck commitments among those shared with them. */
    @Transactional(readOnly = true)
    public List<CommitmentSummary> needingAttention(long cohortId) {
        access.requireFacilitator(cohortId);
        LocalDate today = LocalDate.now(clock.withZone(access.zoneOf(cohortId)));
        return summaries(COMMITMENT.COHORT_ID.eq(cohortId).and(COMMITMENT.VISIBILITY.ne(Sharing.PRIVATE.name()))
                .and(COMMITMENT.STATUS.eq(CommitmentStatus.STUCK.name())
                        .or(COMMITMENT.DUE_ON.lt(today).and(COMMITMENT.STATUS.ne(CommitmentStatus.DONE.name())))));
    }

    /** A reader other than the author offers help; the author is told. */
    @Transactional
    public void offerHelp(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        access.requireOpen(row.cohortId);
        if (row.memberId == me.id()) {
            throw new AccessDeniedException("One does not offer help to oneself");
        }
        int added = db.insertInto(COMMITMENT_HELP).set(COMMITMENT_HELP.COMMITMENT_ID, id).set(COMMITMENT_HELP.MEMBER_ID, me.id())
                .onConflictDoNothing().execute();
        if (added > 0) {
            notifications.notify(row.memberId, HELP_OFFERED, "commitments/" + id, me.displayName(), me.id());
        }
    }

    /**
     * The thread where the cohort comments on a commitment shared with it, opened at the first
     * comment; the conversation feature does the rest.
     */
    @Transactional
    public long discussion(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        if (row.sharing != Sharing.COHORT) {
            throw new AccessDeniedException("Only commitments shared with the cohort are discussed");
        }
        // the row stays locked until commit, so two first comments open one thread
        var c = db.select(COMMITMENT.DISCUSSION_ID, COMMITMENT.WHAT).from(COMMITMENT).where(COMMITMENT.ID.eq(id))
                .forUpdate().fetchSingle();
        if (c.value1() != null) {
            return c.value1();
        }
        String what = c.value2();
        long thread = threads.openForReview(row.cohortId, what.length() > 190 ? what.substring(0, 190) + "…" : what);
        db.update(COMMITMENT).set(COMMITMENT.DISCUSSION_ID, thread).where(COMMITMENT.ID.eq(id)).execute();
        return thread;
    }

    // ---- rules

    private record Row(long id, long cohortId, long memberId, Sharing sharing) {
    }

    private Row row(long id) {
        var r = db.select(COMMITMENT.ID, COMMITMENT.COHORT_ID, COMMITMENT.MEMBER_ID, COMMITMENT.VISIBILITY).from(COMMITMENT)
                .where(COMMITMENT.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new AccessDeniedException("No commitment " + id);
        }
        return new Row(r.value1(), r.value2(), r.value3(), Sharing.valueOf(r.value4()));
    }

    private void requireAuthor(Row row, PraxisUser me) {
        if (row.memberId != me.id()) {
            throw new AccessDeniedException("Not the author of commitment " + row.id);
        }
    }

    private void requireReader(Row row, PraxisUser me) {
        if (row.memberId == me.id()) {
            return;
        }
        CohortRole role = access.roleIn(row.cohortId).orElse(null);
        boolean ok = role != null && (row.sharing == Sharing.COHORT
                || (row.sharing == Sharing.FACILITATORS && role == CohortRole.FACILITATOR));
        if (!ok) {
            throw new AccessDeniedException("Not readable: commitment " + row.id);
        }
    }

    private void validate(long cohortId, PraxisUser me, CommitmentDraft d) {
        LocalDate today = LocalDate.now(clock.withZone(access.zoneOf(cohortId)));
        Validation v = new Validation().required("what", d.what(), WHAT_MAX).maxLength("doneWhen", d.doneWhen(), DONE_WHEN_MAX)
                .maxLength("involved", d.involved(), INVOLVED_MAX);
        v.check(d.dueOn() != null, "dueOn", "validation.required");
        if (d.dueOn() != null) {
            v.check(!d.dueOn().isBefore(today), "dueOn", "validation.date-past");
        }
        if (d.sessionId() != null) {
            v.check(sessions.cohortOf(d.sessionId()).filter(c -> c == cohortId).isPresent(), "session",
                    "commitment.link.outside");
        }
        if (d.threadId() != null) {
            v.check(Long.valueOf(cohortId).equals(db.select(Threads.cohortId(DSL.val(d.threadId())))
                    .fetchOne(0, Long.class)), "thread", "commitment.link.outside");
        }
        if (d.analysisId() != null) {
            v.check(analyses.titleIfReadable(d.analysisId()).isPresent(), "analysis", "commitment.link.outside");
        }
        if (d.responseId() != null) {
            v.check(worksheets.ownResponseTitle(d.responseId()).isPresent(), "response", "commitment.link.outside");
        }
        v.throwIfInvalid();
    }

    private static Map<org.jooq.Field<?>, Object> values(CommitmentDraft d) {
        Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(COMMITMENT.WHAT, d.what().strip());
        values.put(COMMITMENT.DUE_ON, d.dueOn());
        values.put(COMMITMENT.DONE_WHEN, Validation.clean(d.doneWhen()));
        values.put(COMMITMENT.INVOLVED, Validation.clean(d.involved()));
        values.put(COMMITMENT.SESSION_ID, d.sessionId());
        values.put(COMMITMENT.ANALYSIS_ID, d.analysisId());
        values.put(COMMITMENT.RESPONSE_ID, d.responseId());
        values.put(COMMITMENT.THREAD_ID, d.threadId());
        values.put(COMMITMENT.VISIBILITY, d.sharing().name());
        values.put(COMMITMENT.RHYTHM, d.rhythm().name());
        return values;
    }

    /** The day of the next check-in: the eve of the next session, two weeks, or a month from today. */
    LocalDate nextCheckIn(long cohortId, Rhythm rhythm) {
        ZoneId zone = access.zoneOf(cohortId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return switch (rhythm) {
            case BIWEEKLY -> today.plusWeeks(2);
            case MONTHLY -> today.plusMonths(1);
            case BEFORE_SESSION -> sessions.nextStartAfter(cohortId, OffsetDateTime.now(clock).plusDays(1))
                    .map(t -> t.atZoneSameInstant(zone).toLocalDate().minusDays(1)).orElse(today.plusWeeks(2));
        };
    }

    private List<CommitmentSummary> summaries(Condition where) {
        var latest = CHECK_IN.as("latest");
        var helpers = DSL.field(DSL.selectCount().from(COMMITMENT_HELP).where(COMMITMENT_HELP.COMMITMENT_ID.eq(COMMITMENT.ID)));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, ZoneId> zones = new HashMap<>();
        return db.select(COMMITMENT.ID, COMMITMENT.COHORT_ID, Members.displayName(COMMITMENT.MEMBER_ID), COMMITMENT.WHAT,
                        COMMITMENT.DUE_ON,
                        COMMITMENT.STATUS, COMMITMENT.VISIBILITY, COMMITMENT.NEXT_CHECK_IN, latest.NOTE, latest.CREATED_AT,
                        helpers)
                .from(COMMITMENT)
                .leftJoin(latest).on(latest.ID.eq(DSL.select(DSL.max(CHECK_IN.ID)).from(CHECK_IN)
                        .where(CHECK_IN.COMMITMENT_ID.eq(COMMITMENT.ID))))
                .where(where).orderBy(COMMITMENT.DUE_ON, COMMITMENT.ID)
                .fetch(r -> {
                    ZoneId zone = zones.computeIfAbsent(r.value2(), access::zoneOf);
                    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
                    CommitmentStatus status = CommitmentStatus.valueOf(r.value6());
                    return new CommitmentSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), status,
                            Sharing.valueOf(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                            status != CommitmentStatus.DONE && r.value5().isBefore(today),
                            r.value8() != null && !r.value8().isAfter(today));
                });
    }
}
