package org.praxis.consultation;

import static org.praxis.jooq.Tables.CONSULTATION;
import static org.praxis.jooq.Tables.CONSULTATION_MOVE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.conversation.ThreadFollowService;
import org.praxis.conversation.ThreadService;
import org.praxis.member.Members;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationService;
import org.praxis.search.SearchOutbox;
import org.praxis.session.SessionService;
import org.praxis.session.Sessions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer consultations of a cohort. Anyone in the cohort reads them; a member of the open cohort
 * brings one; its cohort's facilitators schedule it, set its stages' lengths and move it between
 * stages (every move recorded, and told to its participants); its presenter writes the next step
 * and makes it their commitment. Who may post in its thread at each stage is
 * {@link ConsultationGate}'s rule. Every write records its search outbox row in its transaction.
 */
@Service
public class ConsultationService {

    public static final int TITLE_MAX = 120;
    public static final int SITUATION_MAX = 2_000;
    public static final int TRIED_MAX = 2_000;
    public static final int QUESTION_MAX = 500;
    public static final int NEXT_STEP_MAX = 1_000;
    /** The longest a stage may last: two weeks. */
    public static final int STAGE_MAX_MINUTES = 14 * Plan.DAY;
    /** When a commitment made from a next step is due unless changed: four weeks on. */
    static final int COMMITMENT_DAYS = 28;

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final ThreadService threads;
    private final ThreadFollowService follows;
    private final SessionService sessions;
    private final CommitmentService commitments;
    private final NotificationService notifications;
    private final SearchOutbox outbox;
    private final AuditService audit;
    private final Clock clock;

    ConsultationService(DSLContext db, CohortAccess access, CurrentUser currentUser, ThreadService threads,
            ThreadFollowService follows, SessionService sessions, CommitmentService commitments,
            NotificationService notifications, SearchOutbox outbox, AuditService audit, Clock clock) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.threads = threads;
        this.follows = follows;
        this.sessions = sessions;
        this.commitments = commitments;
        this.notifications = notifications;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- bringing one

    /**
     * A member of the open cohort brings a dilemma; every problem at once, by field, and nothing
     * written when there is one. Its thread is opened with it (names may be hidden there), and the
     * presenter follows it. It waits for the facilitators.
     */
    @Transactional
    public long bring(long cohortId, ConsultationDraft draft) {
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        new Validation()
                .required("title", draft.title(), TITLE_MAX)
                .required("situation", draft.situation(), SITUATION_MAX)
                .required("tried", draft.tried(), TRIED_MAX)
                .required("question", draft.question(), QUESTION_MAX)
                .throwIfInvalid();
        long threadId = threads.openFor(cohortId, draft.title(), true);
        long id = db.insertInto(CONSULTATION)
                .set(CONSULTATION.COHORT_ID, cohortId)
                .set(CONSULTATION.PRESENTER_ID, me.id())
                .set(CONSULTATION.THREAD_ID, threadId)
                .set(CONSULTATION.TITLE, draft.title().strip())
                .set(CONSULTATION.SITUATION, draft.situation().strip())
                .set(CONSULTATION.TRIED, draft.tried().strip())
                .set(CONSULTATION.QUESTION, draft.question().strip())
                .set(CONSULTATION.CREATED_AT, OffsetDateTime.now(clock))
                .set(CONSULTATION.UPDATED_AT, OffsetDateTime.now(clock))
                .returning(CONSULTATION.ID).fetchOne(CONSULTATION.ID);
        follows.set(threadId, ThreadFollowService.Follow.FOLLOWING);
        outbox.upsert(SearchOutbox.Type.CONSULTATION, id);
        audit.record(me.id(), "consultation.brought", "consultation", id, null, null);
        return id;
    }

    // ---- reading

    /** The cohort's consultations, newest first, for anyone in it. */
    @Transactional(readOnly = true)
    public List<ConsultationSummary> list(long cohortId) {
        return list(cohortId, DSL.noCondition());
    }

    /** The consultations planned in a session, for its page (anyone in its cohort). */
    @Transactional(readOnly = true)
    public List<ConsultationSummary> inSession(long sessionId) {
        long cohortId = sessions.cohortOf(sessionId).orElseThrow(() -> new AccessDeniedException("No session"));
        return list(cohortId, CONSULTATION.SESSION_ID.eq(sessionId).and(CONSULTATION.MODE.eq(Mode.IN_SESSION.name())));
    }

    private List<ConsultationSummary> list(long cohortId, org.jooq.Condition which) {
        access.requireMember(cohortId);
        ZoneId zone = access.zoneOf(cohortId);
        return db.select(CONSULTATION.ID, CONSULTATION.TITLE, Members.displayName(CONSULTATION.PRESENTER_ID),
                        CONSULTATION.STAGE, CONSULTATION.MODE, Sessions.title(CONSULTATION.SESSION_ID),
                        CONSULTATION.STAGE_ENDS_AT)
                .from(CONSULTATION).where(CONSULTATION.COHORT_ID.eq(cohortId)).and(which)
                .orderBy(CONSULTATION.CREATED_AT.desc(), CONSULTATION.ID.desc())
                .fetch(r -> new ConsultationSummary(r.value1(), r.value2(), r.value3(), Stage.valueOf(r.value4()),
                        r.value5() == null ? null : Mode.valueOf(r.value5()), r.value6(),
                        r.value7() == null ? null : r.value7().atZoneSameInstant(zone)));
    }

    /** One consultation, for anyone in its cohort; another cohort's looks like one that does not exist. */
    @Transactional(readOnly = true)
    public ConsultationDetails read(long id) {
        Record c = row(id);
        long cohortId = c.get(CONSULTATION.COHORT_ID);
        CohortRole role = access.requireMember(cohortId);
        long me = currentUser.require().id();
        ZoneId zone = access.zoneOf(cohortId);
        Stage stage = Stage.valueOf(c.get(CONSULTATION.STAGE));
        OffsetDateTime ends = c.get(CONSULTATION.STAGE_ENDS_AT);
        String sessionTitle = c.get(CONSULTATION.SESSION_ID) == null ? null
                : db.select(Sessions.title(DSL.val(c.get(CONSULTATION.SESSION_ID)))).fetchOne(0, String.class);
        String presenter = db.select(Members.displayName(DSL.val(c.get(CONSULTATION.PRESENTER_ID))))
                .fetchOne(0, String.class);
        List<ConsultationDetails.Move> moves = db.select(CONSULTATION_MOVE.FROM_STAGE, CONSULTATION_MOVE.TO_STAGE,
                        Members.displayName(CONSULTATION_MOVE.MOVED_BY), CONSULTATION_MOVE.MOVED_AT)
                .from(CONSULTATION_MOVE).where(CONSULTATION_MOVE.CONSULTATION_ID.eq(id))
                .orderBy(CONSULTATION_MOVE.ID)
                .fetch(r -> new ConsultationDetails.Move(Stage.valueOf(r.value1()), Stage.valueOf(r.value2()),
                        r.value3(), r.value4().atZoneSameInstant(zone)));
        return new ConsultationDetails(id, cohortId, c.get(CONSULTATION.THREAD_ID), c.get(CONSULTATION.TITLE),
                c.get(CONSULTATION.SITUATION), c.get(CONSULTATION.TRIED), c.get(CONSULTATION.QUESTION), presenter,
                Objects.equals(c.get(CONSULTATION.PRESENTER_ID), me), role == CohortRole.FACILITATOR,
                access.closedAt(cohortId).isPresent(), stage, plan(c),
                sessionTitle, ends == null ? null : ends.atZoneSameInstant(zone),
                stage.timed() && ends != null && !ends.isAfter(OffsetDateTime.now(clock)),
                c.get(CONSULTATION.NEXT_STEP), c.get(CONSULTATION.COMMITMENT_ID), moves);
    }

    private static Plan plan(Record c) {
        String mode = c.get(CONSULTATION.MODE);
        return new Plan(mode == null ? null : Mode.valueOf(mode), c.get(CONSULTATION.SESSION_ID),
                c.get(CONSULTATION.QUESTIONS_MINUTES), c.get(CONSULTATION.REFLECTIONS_MINUTES),
                c.get(CONSULTATION.RESPONSE_MINUTES));
    }

    // ---- the facilitators'

    /**
     * A facilitator of the open cohort decides how it runs: in one of the cohort's sessions, or
     * over a few days, with each stage's length. The first time, it moves from waiting to
     * scheduled and the cohort hears of it. Changed later, a running stage ends at its start plus
     * its new length.
     */
    @Transactional
    public void schedule(long id, Plan plan) {
        Record c = lockedRow(id);
        long cohortId = c.get(CONSULTATION.COHORT_ID);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        Stage stage = Stage.valueOf(c.get(CONSULTATION.STAGE));
        Validation v = new Validation();
        v.check(plan.mode() != null, "mode", "validation.required");
        if (plan.mode() == Mode.IN_SESSION) {
            v.check(plan.sessionId() != null, "session", "validation.required");
            if (plan.sessionId() != null) {
                v.check(sessions.cohortOf(plan.sessionId()).filter(s -> s == cohortId).isPresent(), "session",
                        "consultation.session.outside");
            }
        }
        length(v, "questions", plan.questionsMinutes());
        length(v, "reflections", plan.reflectionsMinutes());
        length(v, "response", plan.responseMinutes());
        v.check(stage != Stage.CLOSED, "mode", "consultation.closed");
        v.throwIfInvalid();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var update = db.update(CONSULTATION)
                .set(CONSULTATION.MODE, plan.mode().name())
                .set(CONSULTATION.SESSION_ID, plan.mode() == Mode.IN_SESSION ? plan.sessionId() : null)
                .set(CONSULTATION.QUESTIONS_MINUTES, plan.questionsMinutes())
                .set(CONSULTATION.REFLECTIONS_MINUTES, plan.reflectionsMinutes())
                .set(CONSULTATION.RESPONSE_MINUTES, plan.responseMinutes())
                .set(CONSULTATION.UPDATED_AT, now);
        if (stage.timed() && c.get(CONSULTATION.STAGE_STARTED_AT) != null) {
            OffsetDateTime ends = c.get(CONSULTATION.STAGE_STARTED_AT).plusMinutes(plan.minutesOf(stage));
            update = update.set(CONSULTATION.STAGE_ENDS_AT, ends)
                    .set(CONSULTATION.TIME_UP_TOLD_AT, ends.isAfter(now) ? null : c.get(CONSULTATION.TIME_UP_TOLD_AT));
        }
        if (stage == Stage.WAITING) {
            update = update.set(CONSULTATION.STAGE, Stage.SCHEDULED.name());
        }
        update.where(CONSULTATION.ID.eq(id)).execute();
        if (stage == Stage.WAITING) {
            record(id, Stage.WAITING, Stage.SCHEDULED, me.id(), now);
            String path = path(id);
            for (var person : access.roster(cohortId)) {
                if (person.memberId() != me.id()) {
                    notifications.notify(person.memberId(), NotificationKind.CONSULTATION_SCHEDULED, path,
                            c.get(CONSULTATION.TITLE), me.id());
                }
            }
        }
        audit.record(me.id(), "consultation.scheduled", "consultation", id, null, plan.mode().name());
    }

    private static void length(Validation v, String field, int minutes) {
        v.check(minutes >= 1 && minutes <= STAGE_MAX_MINUTES, field, "consultation.length.range");
    }

    /**
     * A facilitator of the open cohort moves it on ({@code forward}) or back one stage, from the
     * stage they saw ({@code from}; refused when another facilitator moved it meanwhile). The
     * move is recorded; the new stage starts now and ends after its length; its participants
     * (the presenter, and those who follow its thread) hear of it.
     */
    @Transactional
    public Stage move(long id, Stage from, boolean forward) {
        Record c = lockedRow(id);
        long cohortId = c.get(CONSULTATION.COHORT_ID);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        Stage stage = Stage.valueOf(c.get(CONSULTATION.STAGE));
        if (stage != from) {
            throw InvalidInputException.of("stage", "consultation.moved-meanwhile");
        }
        Stage to = forward ? stage.next() : stage.previous();
        if (to == null) {
            throw InvalidInputException.of("stage", stage == Stage.WAITING ? "consultation.schedule-first"
                    : "consultation.no-move");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Plan plan = plan(c);
        db.update(CONSULTATION)
                .set(CONSULTATION.STAGE, to.name())
                .set(CONSULTATION.STAGE_STARTED_AT, to.timed() ? now : null)
                .set(CONSULTATION.STAGE_ENDS_AT, to.timed() ? now.plusMinutes(plan.minutesOf(to)) : null)
                .setNull(CONSULTATION.TIME_UP_TOLD_AT)
                .set(CONSULTATION.UPDATED_AT, now)
                .where(CONSULTATION.ID.eq(id)).execute();
        record(id, stage, to, me.id(), now);
        Set<Long> told = new LinkedHashSet<>();
        Long presenter = c.get(CONSULTATION.PRESENTER_ID);
        if (presenter != null) {
            told.add(presenter);
        }
        told.addAll(follows.followers(c.get(CONSULTATION.THREAD_ID)));
        told.remove(me.id());
        for (long person : told) {
            if (access.roleOf(cohortId, person).isPresent()) {
                notifications.notify(person, NotificationKind.CONSULTATION_STAGE, path(id), c.get(CONSULTATION.TITLE),
                        me.id());
            }
        }
        outbox.upsert(SearchOutbox.Type.CONSULTATION, id);
        audit.record(me.id(), "consultation.moved", "consultation", id, stage.name(), to.name());
        return to;
    }

    private void record(long id, Stage from, Stage to, long by, OffsetDateTime at) {
        db.insertInto(CONSULTATION_MOVE)
                .set(CONSULTATION_MOVE.CONSULTATION_ID, id)
                .set(CONSULTATION_MOVE.FROM_STAGE, from.name())
                .set(CONSULTATION_MOVE.TO_STAGE, to.name())
                .set(CONSULTATION_MOVE.MOVED_BY, by)
                .set(CONSULTATION_MOVE.MOVED_AT, at)
                .execute();
    }

    // ---- the presenter's

    /** The presenter writes their next step, during their response. */
    @Transactional
    public void saveNextStep(long id, String nextStep) {
        Record c = lockedRow(id);
        requirePresenter(c);
        if (Stage.valueOf(c.get(CONSULTATION.STAGE)) != Stage.RESPONSE) {
            throw InvalidInputException.of("nextStep", "consultation.next-step.not-now");
        }
        new Validation().required("nextStep", nextStep, NEXT_STEP_MAX).throwIfInvalid();
        db.update(CONSULTATION).set(CONSULTATION.NEXT_STEP, nextStep.strip())
                .set(CONSULTATION.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CONSULTATION.ID.eq(id)).execute();
    }

    /**
     * The presenter's next step becomes their own commitment in one step, through the
     * accountability feature: its text, due in four weeks, private until they share it, linked to
     * the consultation's thread and session. Once: asked again, the same commitment.
     */
    @Transactional
    public long makeCommitment(long id) {
        Record c = lockedRow(id);
        requirePresenter(c);
        if (c.get(CONSULTATION.COMMITMENT_ID) != null) {
            return c.get(CONSULTATION.COMMITMENT_ID);
        }
        Stage stage = Stage.valueOf(c.get(CONSULTATION.STAGE));
        String nextStep = c.get(CONSULTATION.NEXT_STEP);
        if ((stage != Stage.RESPONSE && stage != Stage.CLOSED) || nextStep == null || nextStep.isBlank()) {
            throw InvalidInputException.of("nextStep", "consultation.next-step.first");
        }
        long cohortId = c.get(CONSULTATION.COHORT_ID);
        LocalDate due = LocalDate.now(clock.withZone(access.zoneOf(cohortId))).plusDays(COMMITMENT_DAYS);
        long commitment = commitments.create(cohortId, new CommitmentDraft(nextStep, due, null, null,
                c.get(CONSULTATION.SESSION_ID), null, null, c.get(CONSULTATION.THREAD_ID), Sharing.PRIVATE,
                Rhythm.BIWEEKLY));
        db.update(CONSULTATION).set(CONSULTATION.COMMITMENT_ID, commitment)
                .set(CONSULTATION.UPDATED_AT, OffsetDateTime.now(clock))
                .where(CONSULTATION.ID.eq(id)).execute();
        return commitment;
    }

    private PraxisUser requirePresenter(Record c) {
        long cohortId = c.get(CONSULTATION.COHORT_ID);
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        if (!Objects.equals(c.get(CONSULTATION.PRESENTER_ID), me.id())) {
            throw new AccessDeniedException("Only the presenter may do this in consultation " + c.get(CONSULTATION.ID));
        }
        return me;
    }

    // ---- rows

    static String path(long id) {
        return "consultations/" + id;
    }

    private Record row(long id) {
        return db.selectFrom(CONSULTATION).where(CONSULTATION.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("No consultation " + id));
    }

    private Record lockedRow(long id) {
        return db.selectFrom(CONSULTATION).where(CONSULTATION.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("No consultation " + id));
    }

    /** The cohort's sessions, not cancelled, that a consultation may be planned in, in time order (facilitators). */
    @Transactional(readOnly = true)
    public List<org.praxis.session.SessionSummary> sessionsFor(long cohortId) {
        access.requireFacilitator(cohortId);
        return sessions.sessionsOf(cohortId).stream().filter(s -> !s.cancelled()).toList();
    }
}
