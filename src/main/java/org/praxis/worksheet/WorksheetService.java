package org.praxis.worksheet;

import static org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.AnalysisSummary;
import org.praxis.analysis.LibraryFilter;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.text.WordDiff;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Cohorts;
import org.praxis.cohort.Membership;
import org.praxis.member.MemberService;
import org.praxis.member.Members;
import org.praxis.notification.NotificationService;
import org.praxis.search.SearchOutbox;
import org.praxis.session.SessionService;
import org.praxis.session.Sessions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning worksheets and filling them. A response is its author's alone unless they share it
 * with the cohort's facilitators or with the whole cohort; only the author writes, submits,
 * shares, links or exports it. Every answer is saved as it is given. Responses go through the
 * search outbox with their visibility, so a private one is found by its author alone.
 */
@Service
public class WorksheetService {

    public static final int SHORT_MAX = 500;
    public static final int LONG_MAX = 10_000;
    public static final int ROWS_MAX = 20;
    public static final int GROUP_MAX = 200;
    public static final int CELL_MAX = 2_000;
    public static final String REVIEW_NOTIFICATION = org.praxis.notification.NotificationKind.WORKSHEET_REVIEW.code();
    public static final String ASSIGNED_NOTIFICATION = org.praxis.notification.NotificationKind.WORKSHEET_ASSIGNED.code();

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final WorksheetJson json;
    private final SearchOutbox outbox;
    private final AnalysisService analyses;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;
    private final SessionService sessions;
    private final MemberService members;
    private final org.praxis.base.db.ClusterLock lock;

    WorksheetService(DSLContext db, CohortAccess access, CurrentUser currentUser, WorksheetJson json, SearchOutbox outbox,
            AnalysisService analyses, NotificationService notifications, AuditService audit, Clock clock,
            SessionService sessions, MemberService members, org.praxis.base.db.ClusterLock lock) {
        this.lock = lock;
        this.sessions = sessions;
        this.members = members;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.json = json;
        this.outbox = outbox;
        this.analyses = analyses;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- assigning

    /**
     * A facilitator gives a template (of their cohort, or a starter) to the cohort, or to one of
     * its sessions, with an optional due date and an optional date to revisit it.
     */
    @Transactional
    public long assign(long templateId, long cohortId, Long sessionId, LocalDate dueOn, LocalDate reviewOn) {
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        var t = db.select(WORKSHEET_TEMPLATE.COHORT_ID, WORKSHEET_TEMPLATE.STARTER_KEY, WORKSHEET_TEMPLATE.ARCHIVED)
                .from(WORKSHEET_TEMPLATE).where(WORKSHEET_TEMPLATE.ID.eq(templateId)).fetchOne();
        if (t == null || (t.value2() == null && (t.value1() == null || t.value1() != cohortId)) || t.value3()) {
            throw new AccessDeniedException("Not a template this cohort may use");
        }
        LocalDate today = LocalDate.now(clock.withZone(access.zoneOf(cohortId)));
        Validation v = new Validation();
        if (sessionId != null) {
            v.check(sessions.cohortOf(sessionId).filter(c -> c == cohortId).isPresent(), "session",
                    "worksheet.assign.session-outside");
        }
        v.check(dueOn == null || !dueOn.isBefore(today), "due", "validation.date-past");
        v.check(reviewOn == null || !reviewOn.isBefore(today), "review", "validation.date-past");
        if (!v.hasError("review") && reviewOn != null && dueOn != null) {
            v.check(!reviewOn.isBefore(dueOn), "review", "worksheet.assign.review-before-due");
        }
        v.throwIfInvalid();
        long id = db.insertInto(WORKSHEET_ASSIGNMENT)
                .set(WORKSHEET_ASSIGNMENT.COHORT_ID, cohortId)
                .set(WORKSHEET_ASSIGNMENT.SESSION_ID, sessionId)
                .set(WORKSHEET_ASSIGNMENT.TEMPLATE_ID, templateId)
                .set(WORKSHEET_ASSIGNMENT.DUE_ON, dueOn)
                .set(WORKSHEET_ASSIGNMENT.REVIEW_ON, reviewOn)
                .set(WORKSHEET_ASSIGNMENT.CREATED_BY, me.id())
                .set(WORKSHEET_ASSIGNMENT.CREATED_AT, OffsetDateTime.now(clock))
                .returning(WORKSHEET_ASSIGNMENT.ID).fetchOne(WORKSHEET_ASSIGNMENT.ID);
        String title = json.definition(db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_TEMPLATE_VERSION)
                .where(WORKSHEET_TEMPLATE_VERSION.ID.eq(latestVersion(templateId)))
                .fetchSingle(WORKSHEET_TEMPLATE_VERSION.DEFINITION)).title();
        // everyone in the cohort but the facilitator who gave it hears of it
        access.roster(cohortId).stream().map(Membership.Person::memberId).filter(member -> member != me.id())
                .forEach(member -> notifications.notify(member, ASSIGNED_NOTIFICATION, "worksheets/assignments/" + id, title));
        audit.record(me.id(), "worksheet.assigned", "worksheet_assignment", id, null, null);
        return id;
    }

    /** For a facilitator assigning a worksheet: the cohort's sessions, in time order. */
    @Transactional(readOnly = true)
    public List<SessionOption> sessionChoices(long cohortId) {
        access.requireFacilitator(cohortId);
        return sessions.sessionsOf(cohortId).stream()
                .map(s -> new SessionOption(s.id(), s.title(), s.startsAt().toOffsetDateTime())).toList();
    }

    /** The worksheets given to a cohort, newest first, each with where the reader is with it. */
    @Transactional(readOnly = true)
    public List<AssignmentSummary> assignments(long cohortId) {
        CohortRole role = access.requireMember(cohortId);
        return summaries(WORKSHEET_ASSIGNMENT.COHORT_ID.eq(cohortId), role == CohortRole.FACILITATOR);
    }

    /** For home: which of the cohort's assignments were given since then. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> assignedSince(long cohortId, java.time.OffsetDateTime since) {
        access.requireMember(cohortId);
        return new java.util.HashSet<>(db.select(WORKSHEET_ASSIGNMENT.ID).from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.COHORT_ID.eq(cohortId)).and(WORKSHEET_ASSIGNMENT.CREATED_AT.gt(since))
                .fetch(WORKSHEET_ASSIGNMENT.ID));
    }

    /** The worksheets given for one session, for the people of its cohort. */
    @Transactional(readOnly = true)
    public List<AssignmentSummary> forSession(long sessionId) {
        Long cohortId = sessions.cohortOf(sessionId).orElse(null);
        if (cohortId == null) {
            return List.of();
        }
        CohortRole role = access.requireMember(cohortId);
        return summaries(WORKSHEET_ASSIGNMENT.SESSION_ID.eq(sessionId), role == CohortRole.FACILITATOR);
    }

    /** One assignment, for the people of its cohort. */
    @Transactional(readOnly = true)
    public AssignmentSummary assignment(long assignmentId) {
        Long cohortId = db.select(WORKSHEET_ASSIGNMENT.COHORT_ID).from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.ID.eq(assignmentId)).fetchOne(WORKSHEET_ASSIGNMENT.COHORT_ID);
        if (cohortId == null) {
            throw new AccessDeniedException("No assignment " + assignmentId);
        }
        CohortRole role = access.requireMember(cohortId);
        return summaries(WORKSHEET_ASSIGNMENT.ID.eq(assignmentId), role == CohortRole.FACILITATOR).get(0);
    }

    private List<AssignmentSummary> summaries(org.jooq.Condition where, boolean facilitator) {
        PraxisUser me = currentUser.require();
        var latest = WORKSHEET_TEMPLATE_VERSION.as("latest");
        var mine = WORKSHEET_RESPONSE.as("mine");
        var rounds = DSL.field(DSL.selectCount().from(WORKSHEET_RESPONSE)
                .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(WORKSHEET_ASSIGNMENT.ID))
                .and(WORKSHEET_RESPONSE.MEMBER_ID.eq(me.id())));
        return db.select(WORKSHEET_ASSIGNMENT.ID, WORKSHEET_ASSIGNMENT.COHORT_ID,
                        Cohorts.name(WORKSHEET_ASSIGNMENT.COHORT_ID), WORKSHEET_ASSIGNMENT.SESSION_ID,
                        Sessions.title(WORKSHEET_ASSIGNMENT.SESSION_ID), WORKSHEET_ASSIGNMENT.TEMPLATE_ID, latest.DEFINITION,
                        WORKSHEET_ASSIGNMENT.DUE_ON,
                        WORKSHEET_ASSIGNMENT.REVIEW_ON, mine.ID, mine.STATUS, rounds)
                .from(WORKSHEET_ASSIGNMENT)
                .join(latest).on(latest.TEMPLATE_ID.eq(WORKSHEET_ASSIGNMENT.TEMPLATE_ID))
                .and(latest.NUMBER.eq(DSL.select(DSL.max(WORKSHEET_TEMPLATE_VERSION.NUMBER)).from(WORKSHEET_TEMPLATE_VERSION)
                        .where(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID.eq(WORKSHEET_ASSIGNMENT.TEMPLATE_ID))))
                .leftJoin(mine).on(mine.ASSIGNMENT_ID.eq(WORKSHEET_ASSIGNMENT.ID)).and(mine.MEMBER_ID.eq(me.id()))
                .and(mine.ROUND.eq(DSL.select(DSL.max(WORKSHEET_RESPONSE.ROUND)).from(WORKSHEET_RESPONSE)
                        .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(WORKSHEET_ASSIGNMENT.ID))
                        .and(WORKSHEET_RESPONSE.MEMBER_ID.eq(me.id()))))
                .where(where)
                .orderBy(WORKSHEET_ASSIGNMENT.CREATED_AT.desc(), WORKSHEET_ASSIGNMENT.ID.desc())
                .fetch(r -> {
                    TemplateDefinition d = json.definition(r.value7());
                    return new AssignmentSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                            d.title(), d.purpose(), r.value8(), r.value9(),
                            r.value11() == null ? ResponseStatus.NOT_STARTED : ResponseStatus.valueOf(r.value11()),
                            r.value10(), r.value12(), facilitator);
                });
    }

    // ---- filling

    /**
     * The reader's latest round of the assignment, or a first round started on the template's
     * latest version. Anyone in the cohort may fill it.
     */
    @Transactional
    public long start(long assignmentId) {
        AssignmentSummary a = assignment(assignmentId);
        if (a.myResponseId() != null) {
            return a.myResponseId();
        }
        access.requireOpen(a.cohortId());
        PraxisUser me = currentUser.require();
        long id = db.insertInto(WORKSHEET_RESPONSE)
                .set(WORKSHEET_RESPONSE.ASSIGNMENT_ID, assignmentId)
                .set(WORKSHEET_RESPONSE.MEMBER_ID, me.id())
                .set(WORKSHEET_RESPONSE.ROUND, 1)
                .set(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID, latestVersion(a.templateId()))
                .set(WORKSHEET_RESPONSE.STARTED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .returning(WORKSHEET_RESPONSE.ID).fetchOptional().map(r -> r.getId())
                // a second tab started it a moment ago
                .orElseGet(() -> db.select(WORKSHEET_RESPONSE.ID).from(WORKSHEET_RESPONSE)
                        .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(assignmentId)).and(WORKSHEET_RESPONSE.MEMBER_ID.eq(me.id()))
                        .and(WORKSHEET_RESPONSE.ROUND.eq(1)).fetchSingle(WORKSHEET_RESPONSE.ID));
        outbox.upsert(SearchOutbox.Type.RESPONSE, id);
        return id;
    }

    /** A round, for whoever may read it: its author, and those its visibility lets in. */
    @Transactional(readOnly = true)
    public ResponseDetails response(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireReader(row, me);
        var r = db.select(WORKSHEET_RESPONSE.ROUND, WORKSHEET_TEMPLATE_VERSION.NUMBER, WORKSHEET_TEMPLATE_VERSION.DEFINITION,
                        WORKSHEET_RESPONSE.ANSWERS, WORKSHEET_RESPONSE.CURRENT_STEP, WORKSHEET_RESPONSE.ANALYSIS_ID,
                        Sessions.title(WORKSHEET_ASSIGNMENT.SESSION_ID), WORKSHEET_ASSIGNMENT.DUE_ON,
                        WORKSHEET_ASSIGNMENT.REVIEW_ON, WORKSHEET_RESPONSE.UPDATED_AT, WORKSHEET_RESPONSE.SUBMITTED_AT,
                        Members.displayName(WORKSHEET_RESPONSE.MEMBER_ID))
                .from(WORKSHEET_RESPONSE)
                .join(WORKSHEET_TEMPLATE_VERSION).on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                .join(WORKSHEET_ASSIGNMENT).on(WORKSHEET_ASSIGNMENT.ID.eq(WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).fetchSingle();
        TemplateDefinition d = json.definition(r.value3());
        String analysisTitle = null;
        Long analysisId = r.value6();
        if (analysisId != null) {
            // linked to a draft the reader may not see: they see no link
            analysisTitle = analyses.titleIfReadable(analysisId).orElse(null);
            analysisId = analysisTitle == null ? null : analysisId;
        }
        int step = Math.min(r.value5(), Math.max(0, d.steps().size() - 1));
        return new ResponseDetails(responseId, row.assignmentId, row.cohortId, row.memberId, r.value12(), r.value1(),
                r.value2(), d, json.answers(r.value4()), step, row.status, row.visibility, analysisId, analysisTitle,
                r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), row.memberId == me.id());
    }

    /**
     * The author saves one answer, as they give it. An empty answer is removed. Checked against
     * the question of the response's own version; nothing is written when it does not fit.
     */
    @Transactional
    public void saveAnswer(long responseId, String questionKey, Answer answer) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireEditable(row, me);
        access.requireOpen(row.cohortId);
        Question q = definitionOf(responseId).question(questionKey)
                .orElseThrow(() -> new IllegalArgumentException("No question " + questionKey));
        Answer clean = clean(q, answer == null ? Answer.EMPTY : answer);
        var answers = WORKSHEET_RESPONSE.ANSWERS;
        if (db.update(WORKSHEET_RESPONSE)
                .set(answers, clean.isEmpty()
                        ? DSL.field("{0} - {1}", JSONB.class, answers, DSL.val(questionKey))
                        : DSL.field("{0} || jsonb_build_object({1}, {2}::jsonb)", JSONB.class, answers,
                                DSL.val(questionKey), DSL.val(json.jsonb(clean))))
                .set(WORKSHEET_RESPONSE.UPDATED_AT, OffsetDateTime.now(clock))
                .where(WORKSHEET_RESPONSE.ID.eq(responseId))
                .and(WORKSHEET_RESPONSE.STATUS.eq(ResponseStatus.IN_PROGRESS.name())).execute() == 0) {
            throw new IllegalStateException("Response " + responseId + " was submitted; reopen it to edit");
        }
        outbox.upsert(SearchOutbox.Type.RESPONSE, responseId);
    }

    /** Where the author is, so coming back days later opens the same step. */
    @Transactional
    public void saveStep(long responseId, int step) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        int steps = definitionOf(responseId).steps().size();
        db.update(WORKSHEET_RESPONSE).set(WORKSHEET_RESPONSE.CURRENT_STEP, Math.max(0, Math.min(step, steps - 1)))
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).execute();
    }

    /** The author hands it in: every required question must be answered (all problems at once, by {@code answer.<key>}). */
    @Transactional
    public void submit(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireEditable(row, me);
        access.requireOpen(row.cohortId);
        TemplateDefinition d = definitionOf(responseId);
        Map<String, Answer> answers = json.answers(db.select(WORKSHEET_RESPONSE.ANSWERS).from(WORKSHEET_RESPONSE)
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).fetchSingle(WORKSHEET_RESPONSE.ANSWERS));
        Validation v = new Validation();
        d.questions().filter(Question::required).forEach(q -> v.check(
                answers.getOrDefault(q.key(), Answer.EMPTY).complete(q.kind()), "answer." + q.key(),
                q.kind() == QuestionKind.EQUITY_PAIR ? "worksheet.answer.pair-required"
                        : q.kind() == QuestionKind.BENEFIT_BURDEN ? "worksheet.answer.rows-required"
                        : "validation.required"));
        v.throwIfInvalid();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(WORKSHEET_RESPONSE).set(WORKSHEET_RESPONSE.STATUS, ResponseStatus.SUBMITTED.name())
                .set(WORKSHEET_RESPONSE.SUBMITTED_AT, now).set(WORKSHEET_RESPONSE.UPDATED_AT, now)
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).execute();
        outbox.upsert(SearchOutbox.Type.RESPONSE, responseId);
        audit.record(me.id(), "worksheet.submitted", "worksheet_response", responseId, null, null);
    }

    /** The author opens a submitted round again to correct it; it counts as in progress until submitted again. */
    @Transactional
    public void reopen(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        db.update(WORKSHEET_RESPONSE).set(WORKSHEET_RESPONSE.STATUS, ResponseStatus.IN_PROGRESS.name())
                .set(WORKSHEET_RESPONSE.SUBMITTED_AT, (OffsetDateTime) null)
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).execute();
        outbox.upsert(SearchOutbox.Type.RESPONSE, responseId);
    }

    /** The author decides who may read this round; they may change it at any time. */
    @Transactional
    public void setVisibility(long responseId, Visibility visibility) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        db.update(WORKSHEET_RESPONSE).set(WORKSHEET_RESPONSE.VISIBILITY, visibility.name())
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).execute();
        outbox.upsert(SearchOutbox.Type.RESPONSE, responseId);
        audit.record(me.id(), "worksheet.visibility", "worksheet_response", responseId, null,
                visibility.name());
    }

    /** Exactly who can read the round now, by name (the author first). */
    @Transactional(readOnly = true)
    public Readers readers(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireReader(row, me);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(members.names(List.of(row.memberId)).get(row.memberId));
        List<Membership.Person> roster = access.roster(row.cohortId);
        // facilitators first, then members, each by name
        for (CohortRole role : List.of(CohortRole.FACILITATOR, CohortRole.MEMBER)) {
            if (row.visibility == Visibility.COHORT || (row.visibility == Visibility.FACILITATORS
                    && role == CohortRole.FACILITATOR)) {
                names.addAll(members.activeNamesInOrder(roster.stream().filter(p -> p.role() == role)
                        .map(Membership.Person::memberId).toList()).values());
            }
        }
        return new Readers(row.visibility, List.copyOf(names));
    }

    /**
     * The author starts a new round to revisit their thinking: on the template's latest version,
     * filled in with the last round's answers to the questions that are still asked, private
     * until they share it. A round still in progress is simply returned.
     */
    @Transactional
    public long newRound(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        var last = db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_RESPONSE.ROUND, WORKSHEET_RESPONSE.STATUS,
                        WORKSHEET_RESPONSE.ANSWERS, WORKSHEET_RESPONSE.ANALYSIS_ID)
                .from(WORKSHEET_RESPONSE).where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(row.assignmentId))
                .and(WORKSHEET_RESPONSE.MEMBER_ID.eq(me.id())).orderBy(WORKSHEET_RESPONSE.ROUND.desc()).limit(1)
                .fetchSingle();
        if (ResponseStatus.IN_PROGRESS.name().equals(last.value3())) {
            return last.value1();
        }
        long templateId = db.select(WORKSHEET_ASSIGNMENT.TEMPLATE_ID).from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.ID.eq(row.assignmentId)).fetchSingle(WORKSHEET_ASSIGNMENT.TEMPLATE_ID);
        long versionId = latestVersion(templateId);
        TemplateDefinition d = json.definition(db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_TEMPLATE_VERSION)
                .where(WORKSHEET_TEMPLATE_VERSION.ID.eq(versionId)).fetchSingle(WORKSHEET_TEMPLATE_VERSION.DEFINITION));
        Map<String, Answer> carried = new LinkedHashMap<>();
        Map<String, Answer> before = json.answers(last.value4());
        d.questions().forEach(q -> {
            Answer a = before.get(q.key());
            if (a != null) {
                try {
                    carried.put(q.key(), clean(q, a));
                } catch (org.praxis.base.InvalidInputException changed) {
                    // the question changed so that the old answer no longer fits: it starts empty
                }
            }
        });
        long id = db.insertInto(WORKSHEET_RESPONSE)
                .set(WORKSHEET_RESPONSE.ASSIGNMENT_ID, row.assignmentId)
                .set(WORKSHEET_RESPONSE.MEMBER_ID, me.id())
                .set(WORKSHEET_RESPONSE.ROUND, last.value2() + 1)
                .set(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID, versionId)
                .set(WORKSHEET_RESPONSE.ANSWERS, json.jsonb(carried))
                .set(WORKSHEET_RESPONSE.ANALYSIS_ID, last.value5())
                .returning(WORKSHEET_RESPONSE.ID).fetchOne(WORKSHEET_RESPONSE.ID);
        outbox.upsert(SearchOutbox.Type.RESPONSE, id);
        audit.record(me.id(), "worksheet.new-round", "worksheet_response", id, null, null);
        return id;
    }

    /** The rounds of the same person's response to the same assignment that the reader may read, oldest first. */
    @Transactional(readOnly = true)
    public List<RoundInfo> rounds(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireReader(row, me);
        // the reader's part in the cohort is the same for every round: one query for all of them
        CohortRole role = row.memberId == me.id() ? null : access.roleIn(row.cohortId).orElse(null);
        return db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_RESPONSE.ROUND, WORKSHEET_RESPONSE.STATUS,
                        WORKSHEET_RESPONSE.VISIBILITY, WORKSHEET_RESPONSE.STARTED_AT, WORKSHEET_RESPONSE.SUBMITTED_AT)
                .from(WORKSHEET_RESPONSE)
                .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(row.assignmentId)).and(WORKSHEET_RESPONSE.MEMBER_ID.eq(row.memberId))
                .orderBy(WORKSHEET_RESPONSE.ROUND)
                .fetch().stream()
                .filter(r -> row.memberId == me.id() || visibleTo(Visibility.valueOf(r.value4()), role))
                .map(r -> new RoundInfo(r.value1(), r.value2(), ResponseStatus.valueOf(r.value3()), r.value5(), r.value6()))
                .toList();
    }

    /**
     * Two rounds of the same person's response side by side, question by question, in the order
     * of the later round's version; written answers carry the words added and removed.
     */
    @Transactional(readOnly = true)
    public List<RoundChange> compare(long earlierId, long laterId) {
        ResponseDetails a = response(earlierId);
        ResponseDetails b = response(laterId);
        if (a.assignmentId() != b.assignmentId() || a.memberId() != b.memberId()) {
            throw new IllegalArgumentException("Rounds of different responses");
        }
        List<RoundChange> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        b.definition().questions().forEach(q -> {
            seen.add(q.key());
            out.add(change(q, a.answer(q.key()), b.answer(q.key())));
        });
        a.definition().questions().filter(q -> !seen.contains(q.key()))
                .forEach(q -> out.add(change(q, a.answer(q.key()), Answer.EMPTY)));
        return out;
    }

    private static RoundChange change(Question q, Answer before, Answer after) {
        List<WordDiff.Segment> diff = q.kind().written() ? WordDiff.between(before.words(), after.words()) : List.of();
        return new RoundChange(q, before, after, diff, !before.equals(after));
    }

    /** The author links the response to a policy analysis they can read, or clears the link. */
    @Transactional
    public void linkAnalysis(long responseId, Long analysisId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        if (analysisId != null && analyses.titleIfReadable(analysisId).isEmpty()) {
            throw new AccessDeniedException("Not readable: analysis " + analysisId);
        }
        db.update(WORKSHEET_RESPONSE).set(WORKSHEET_RESPONSE.ANALYSIS_ID, analysisId)
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).execute();
    }

    /** For the author: the analyses of the cohort's library they may link to. */
    @Transactional(readOnly = true)
    public List<AnalysisSummary> analysisChoices(long responseId) {
        PraxisUser me = currentUser.require();
        Row row = row(responseId);
        requireAuthor(row, me);
        return analyses.library(row.cohortId, LibraryFilter.all());
    }

    /**
     * The title of a response of the signed-in person's own, empty for anyone else's (or none):
     * what another feature may show of a response its author linked there.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> ownResponseTitle(long responseId) {
        return db.select(WORKSHEET_TEMPLATE_VERSION.TITLE).from(WORKSHEET_RESPONSE).join(WORKSHEET_TEMPLATE_VERSION)
                .on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).and(WORKSHEET_RESPONSE.MEMBER_ID.eq(currentUser.require().id()))
                .fetchOptional(WORKSHEET_TEMPLATE_VERSION.TITLE);
    }

    /** The responses of others in the assignment the reader may open: each person's latest round they can read. */
    @Transactional(readOnly = true)
    public List<SharedResponse> sharedWithMe(long assignmentId) {
        AssignmentSummary a = assignment(assignmentId);
        PraxisUser me = currentUser.require();
        var visible = WORKSHEET_RESPONSE.VISIBILITY.eq(Visibility.COHORT.name());
        if (a.facilitator()) {
            visible = visible.or(WORKSHEET_RESPONSE.VISIBILITY.eq(Visibility.FACILITATORS.name()));
        }
        var latest = WORKSHEET_RESPONSE.as("later");
        var name = Members.displayName(WORKSHEET_RESPONSE.MEMBER_ID);
        return db.select(WORKSHEET_RESPONSE.ID, name, WORKSHEET_RESPONSE.ROUND, WORKSHEET_RESPONSE.VISIBILITY,
                        WORKSHEET_RESPONSE.STATUS, WORKSHEET_RESPONSE.UPDATED_AT)
                .from(WORKSHEET_RESPONSE)
                .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(assignmentId)).and(WORKSHEET_RESPONSE.MEMBER_ID.ne(me.id()))
                .and(visible)
                .andNotExists(DSL.selectOne().from(latest).where(latest.ASSIGNMENT_ID.eq(WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                        .and(latest.MEMBER_ID.eq(WORKSHEET_RESPONSE.MEMBER_ID)).and(latest.ROUND.gt(WORKSHEET_RESPONSE.ROUND))
                        .and(latest.VISIBILITY.in(a.facilitator()
                                ? List.of(Visibility.COHORT.name(), Visibility.FACILITATORS.name())
                                : List.of(Visibility.COHORT.name()))))
                .orderBy(name)
                .fetch(r -> new SharedResponse(r.value1(), r.value2(), r.value3(), Visibility.valueOf(r.value4()),
                        ResponseStatus.valueOf(r.value5()), r.value6()));
    }

    // ---- export

    /** The author's round as Markdown to keep. */
    @Transactional(readOnly = true)
    public String exportMarkdown(long responseId, Function<String, String> translate) {
        return ResponseExport.markdown(own(responseId), translate);
    }

    /** The author's round as a PDF to keep or print. */
    @Transactional(readOnly = true)
    public byte[] exportPdf(long responseId, Function<String, String> translate) {
        return ResponseExport.pdf(own(responseId), translate);
    }

    private ResponseDetails own(long responseId) {
        PraxisUser me = currentUser.require();
        requireAuthor(row(responseId), me);
        return response(responseId);
    }

    // ---- revisiting

    /**
     * Tells everyone who answered an assignment whose review date has come (in its cohort's time
     * zone) that it is time to revisit, once per assignment. Returns how many were told.
     */
    @Scheduled(fixedDelayString = "${praxis.worksheets.review-check:1h}", initialDelayString = "${praxis.scheduling.initial-delay:1m}")
    @Transactional
    public int remindReviews() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var due = db.select(WORKSHEET_ASSIGNMENT.ID, WORKSHEET_ASSIGNMENT.TEMPLATE_ID)
                .from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.REVIEW_NOTIFIED_AT.isNull())
                // a closed cohort's work is only read now
                .and(Cohorts.open(WORKSHEET_ASSIGNMENT.COHORT_ID))
                .and(WORKSHEET_ASSIGNMENT.REVIEW_ON.le(DSL.field("(({0} at time zone {1}))::date", LocalDate.class,
                        DSL.val(now), Cohorts.timeZone(WORKSHEET_ASSIGNMENT.COHORT_ID))))
                .forUpdate().of(WORKSHEET_ASSIGNMENT).skipLocked()
                .fetch();
        int told = 0;
        for (var a : due) {
            String title = json.definition(db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_TEMPLATE_VERSION)
                    .where(WORKSHEET_TEMPLATE_VERSION.ID.eq(latestVersion(a.value2())))
                    .fetchSingle(WORKSHEET_TEMPLATE_VERSION.DEFINITION)).title();
            Map<Long, Long> latestByMember = new HashMap<>();
            db.select(WORKSHEET_RESPONSE.MEMBER_ID, WORKSHEET_RESPONSE.ID).from(WORKSHEET_RESPONSE)
                    .where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(a.value1())).orderBy(WORKSHEET_RESPONSE.ROUND)
                    .forEach(r -> latestByMember.put(r.value1(), r.value2()));
            latestByMember.forEach((member, response) ->
                    notifications.notify(member, REVIEW_NOTIFICATION, "worksheets/responses/" + response, title));
            told += latestByMember.size();
            db.update(WORKSHEET_ASSIGNMENT).set(WORKSHEET_ASSIGNMENT.REVIEW_NOTIFIED_AT, now)
                    .where(WORKSHEET_ASSIGNMENT.ID.eq(a.value1())).execute();
        }
        return told;
    }

    /**
     * Tells each member of the cohort who has not handed in an assignment that it is due today or
     * tomorrow (in the cohort's time zone): once per assignment and member, however many runs or
     * nodes (the notice is made once per key, and one node at a time works); returns how many.
     */
    @Scheduled(fixedDelayString = "${praxis.worksheets.due-check:1h}", initialDelayString = "${praxis.scheduling.initial-delay:1m}")
    @Transactional
    public int remindDue() {
        if (!lock.tryLock("worksheet-due")) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var today = DSL.field("(({0} at time zone {1}))::date", LocalDate.class, DSL.val(now),
                Cohorts.timeZone(WORKSHEET_ASSIGNMENT.COHORT_ID));
        var due = db.select(WORKSHEET_ASSIGNMENT.ID, WORKSHEET_ASSIGNMENT.TEMPLATE_ID, WORKSHEET_ASSIGNMENT.COHORT_ID)
                .from(WORKSHEET_ASSIGNMENT)
                .where(WORKSHEET_ASSIGNMENT.DUE_ON.isNotNull())
                .and(Cohorts.open(WORKSHEET_ASSIGNMENT.COHORT_ID))
                .and(WORKSHEET_ASSIGNMENT.DUE_ON.ge(today))
                .and(WORKSHEET_ASSIGNMENT.DUE_ON.le(today.plus(1)))
                .fetch();
        int told = 0;
        for (var a : due) {
            String title = json.definition(db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_TEMPLATE_VERSION)
                    .where(WORKSHEET_TEMPLATE_VERSION.ID.eq(latestVersion(a.value2())))
                    .fetchSingle(WORKSHEET_TEMPLATE_VERSION.DEFINITION)).title();
            java.util.Set<Long> handedIn = new java.util.HashSet<>(db.select(WORKSHEET_RESPONSE.MEMBER_ID)
                    .from(WORKSHEET_RESPONSE).where(WORKSHEET_RESPONSE.ASSIGNMENT_ID.eq(a.value1()))
                    .and(WORKSHEET_RESPONSE.STATUS.eq(ResponseStatus.SUBMITTED.name())).fetch(WORKSHEET_RESPONSE.MEMBER_ID));
            for (Membership.Person p : access.roster(a.value3())) {
                if (p.role() == org.praxis.cohort.CohortRole.MEMBER && !handedIn.contains(p.memberId())
                        && notifications.notifyOnce(p.memberId(), org.praxis.notification.NotificationKind.WORKSHEET_DUE,
                                "worksheets/assignments/" + a.value1(), title, "worksheet-due:" + a.value1())) {
                    told++;
                }
            }
        }
        return told;
    }

    // ---- rules

    private record Row(long id, long assignmentId, long cohortId, long memberId, Visibility visibility,
            ResponseStatus status) {
    }

    private Row row(long responseId) {
        var r = db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_RESPONSE.ASSIGNMENT_ID, WORKSHEET_ASSIGNMENT.COHORT_ID,
                        WORKSHEET_RESPONSE.MEMBER_ID, WORKSHEET_RESPONSE.VISIBILITY, WORKSHEET_RESPONSE.STATUS)
                .from(WORKSHEET_RESPONSE).join(WORKSHEET_ASSIGNMENT).on(WORKSHEET_ASSIGNMENT.ID.eq(WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).fetchOne();
        if (r == null) {
            throw new AccessDeniedException("No response " + responseId);
        }
        return new Row(r.value1(), r.value2(), r.value3(), r.value4(), Visibility.valueOf(r.value5()),
                ResponseStatus.valueOf(r.value6()));
    }

    /** The author; with the cohort's visibility, its people; with the facilitators', its facilitators. */
    private boolean mayRead(Row row, PraxisUser me) {
        if (row.memberId == me.id()) {
            return true;
        }
        return row.visibility != Visibility.PRIVATE && visibleTo(row.visibility, access.roleIn(row.cohortId).orElse(null));
    }

    /** Whether someone with this part in the cohort (null: none) reads what another shared so. */
    private static boolean visibleTo(Visibility visibility, CohortRole role) {
        return role != null && (visibility == Visibility.COHORT
                || (visibility == Visibility.FACILITATORS && role == CohortRole.FACILITATOR));
    }

    private void requireReader(Row row, PraxisUser me) {
        if (!mayRead(row, me)) {
            throw new AccessDeniedException("Not readable: response " + row.id);
        }
    }

    private void requireAuthor(Row row, PraxisUser me) {
        if (row.memberId != me.id()) {
            throw new AccessDeniedException("Not the author of response " + row.id);
        }
    }

    private void requireEditable(Row row, PraxisUser me) {
        requireAuthor(row, me);
        if (row.status != ResponseStatus.IN_PROGRESS) {
            throw new IllegalStateException("Response " + row.id + " was submitted; reopen it to edit");
        }
    }

    private long latestVersion(long templateId) {
        return db.select(WORKSHEET_TEMPLATE_VERSION.ID).from(WORKSHEET_TEMPLATE_VERSION)
                .where(WORKSHEET_TEMPLATE_VERSION.TEMPLATE_ID.eq(templateId))
                .orderBy(WORKSHEET_TEMPLATE_VERSION.NUMBER.desc()).limit(1).fetchSingle(WORKSHEET_TEMPLATE_VERSION.ID);
    }

    private TemplateDefinition definitionOf(long responseId) {
        return json.definition(db.select(WORKSHEET_TEMPLATE_VERSION.DEFINITION).from(WORKSHEET_RESPONSE)
                .join(WORKSHEET_TEMPLATE_VERSION).on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                .where(WORKSHEET_RESPONSE.ID.eq(responseId)).fetchSingle(WORKSHEET_TEMPLATE_VERSION.DEFINITION));
    }

    /** Keeps what the question's kind takes, and refuses what does not fit it (by {@code answer.<key>}). */
    static Answer clean(Question q, Answer a) {
        Validation v = new Validation();
        String field = "answer." + q.key();
        Answer out = switch (q.kind()) {
            case SHORT_TEXT -> {
                v.maxLength(field, a.text(), SHORT_MAX);
                yield Answer.text(a.text());
            }
            case LONG_TEXT -> {
                v.maxLength(field, a.text(), LONG_MAX);
                yield Answer.text(a.text());
            }
            case SINGLE_CHOICE -> {
                v.check(Answer.blank(a.text()) || q.options().contains(a.text()), field, "worksheet.answer.not-an-option");
                yield Answer.text(Answer.blank(a.text()) ? null : a.text());
            }
            case MULTIPLE_CHOICE -> {
                v.check(q.options().containsAll(a.choices()), field, "worksheet.answer.not-an-option");
                // in the template's order, once each
                yield Answer.choices(q.options().stream().filter(a.choices()::contains).toList());
            }
            case SCALE -> {
                v.check(a.scale() == null || (a.scale() >= 1 && a.scale() <= 5), field, "worksheet.answer.scale");
                yield Answer.scale(a.scale());
            }
            case YES_NO -> Answer.yes(a.yes());
            case EQUITY_PAIR -> {
                v.maxLength(field, a.equality(), LONG_MAX).maxLength(field, a.equity(), LONG_MAX);
                yield Answer.pair(a.equality(), a.equity());
            }
            case BENEFIT_BURDEN -> {
                v.check(a.rows().size() <= ROWS_MAX, field, "worksheet.answer.too-many-rows");
                for (Answer.GroupRow r : a.rows()) {
                    v.maxLength(field, r.group(), GROUP_MAX).maxLength(field, r.benefits(), CELL_MAX)
                            .maxLength(field, r.burdens(), CELL_MAX);
                }
                yield Answer.rows(a.rows().stream().filter(r -> !r.isEmpty()).toList());
            }
        };
        v.throwIfInvalid();
        return out;
    }
}
