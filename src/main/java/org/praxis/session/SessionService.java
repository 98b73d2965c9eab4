package org.praxis.session;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.SESSION_ATTENDANCE;
import static org.praxis.jooq.Tables.SESSION_REMINDER_CHOICE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.text.Markdown;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Cohorts;
import org.praxis.cohort.Membership;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.Threads;
import org.praxis.member.MemberService;
import org.praxis.notification.NotificationService;
import org.praxis.search.SearchOutbox;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions and prompts. Everyone in the cohort reads them and says whether they will join;
 * its facilitators create and edit them, order the prompts and mark attendance. Every write
 * records a search outbox row in the same transaction.
 */
@Service
public class SessionService {

    public static final int TITLE_MAX = 200;
    public static final int THEME_MAX = 200;
    public static final int DESCRIPTION_MAX = 20_000;
    public static final int QUESTION_MAX = 2_000;
    public static final int MEETING_URL_MAX = 2_000;
    public static final int PLACE_MAX = 300;
    public static final int ROOM_MAX = 100;
    public static final int ACCESS_NOTES_MAX = 1_000;
    public static final String CANCELLED_NOTIFICATION = org.praxis.notification.NotificationKind.SESSION_CANCELLED.code();
    public static final String REINSTATED_NOTIFICATION = org.praxis.notification.NotificationKind.SESSION_REINSTATED.code();

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Markdown markdown;
    private final SearchOutbox outbox;
    private final AuditService audit;
    private final Clock clock;
    private final ThreadService threads;
    private final MemberService members;
    private final NotificationService notifications;

    SessionService(DSLContext db, CohortAccess access, CurrentUser currentUser, Markdown markdown, SearchOutbox outbox,
            AuditService audit, Clock clock, ThreadService threads, MemberService members,
            NotificationService notifications) {
        this.notifications = notifications;
        this.threads = threads;
        this.members = members;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.markdown = markdown;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The cohort's sessions in time order, with the reader's answer and the number of prompts. */
    @Transactional(readOnly = true)
    public List<SessionSummary> sessionsOf(long cohortId) {
        access.requireMember(cohortId);
        long me = currentUser.require().id();
        ZoneId zone = access.zoneOf(cohortId);
        return db.select(SESSION.ID, SESSION.TITLE, SESSION.THEME, SESSION.STARTS_AT, SESSION.ENDS_AT,
                        field(select(SESSION_ATTENDANCE.WILL_JOIN).from(SESSION_ATTENDANCE)
                                .where(SESSION_ATTENDANCE.SESSION_ID.eq(SESSION.ID))
                                .and(SESSION_ATTENDANCE.MEMBER_ID.eq(me))),
                        field(selectCount().from(PROMPT).where(PROMPT.SESSION_ID.eq(SESSION.ID))),
                        SESSION.CANCELLED_AT)
                .from(SESSION)
                .where(SESSION.COHORT_ID.eq(cohortId))
                .orderBy(SESSION.STARTS_AT)
                .fetch(r -> new SessionSummary(r.value1(), cohortId, r.value2(), r.value3(),
                        r.value4().atZoneSameInstant(zone), r.value5().atZoneSameInstant(zone), r.value6(), r.value7(),
                        r.value8() != null));
    }

    @Transactional(readOnly = true)
    public SessionDetails get(long sessionId) {
        long cohortId = cohortOfSession(sessionId);
        CohortRole role = access.requireMember(cohortId);
        long me = currentUser.require().id();
        ZoneId zone = access.zoneOf(cohortId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Field<String> cohortName = Cohorts.name(SESSION.COHORT_ID).as("cohort_name");
        var s = db.select(SESSION.asterisk(), cohortName).from(SESSION).where(SESSION.ID.eq(sessionId)).fetchSingle();
        Boolean willJoin = db.select(SESSION_ATTENDANCE.WILL_JOIN).from(SESSION_ATTENDANCE)
                .where(SESSION_ATTENDANCE.SESSION_ID.eq(sessionId)).and(SESSION_ATTENDANCE.MEMBER_ID.eq(me))
                .fetchOne(SESSION_ATTENDANCE.WILL_JOIN);
        int joining = db.fetchCount(SESSION_ATTENDANCE,
                SESSION_ATTENDANCE.SESSION_ID.eq(sessionId).and(SESSION_ATTENDANCE.WILL_JOIN.isTrue()));
        Field<Long> thread = Threads.ofPrompt(PROMPT.ID);
        List<PromptItem> prompts = db.select(PROMPT.ID, PROMPT.QUESTION, PROMPT.POSITION, PROMPT.OPENS_AT,
                        PROMPT.CLOSES_AT, thread, Threads.locked(thread), Threads.sharedPostCount(thread))
                .from(PROMPT)
                .where(PROMPT.SESSION_ID.eq(sessionId)).and(thread.isNotNull())
                .orderBy(PROMPT.POSITION, PROMPT.ID)
                .fetch(r -> new PromptItem(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : r.value4().atZoneSameInstant(zone),
                        r.value5() == null ? null : r.value5().atZoneSameInstant(zone), r.value6(),
                        !r.value7() && (r.value4() == null || !now.isBefore(r.value4()))
                                && (r.value5() == null || now.isBefore(r.value5())),
                        r.value8()));
        return new SessionDetails(sessionId, cohortId, s.get(cohortName), s.get(SESSION.TITLE), s.get(SESSION.THEME),
                s.get(SESSION.STARTS_AT).atZoneSameInstant(zone), s.get(SESSION.ENDS_AT).atZoneSameInstant(zone),
                s.get(SESSION.DESCRIPTION_MARKDOWN), s.get(SESSION.DESCRIPTION_HTML), willJoin, joining,
                role == CohortRole.FACILITATOR, prompts, s.get(SESSION.MEETING_URL), s.get(SESSION.PLACE),
                s.get(SESSION.ROOM), s.get(SESSION.ACCESS_NOTES), s.get(SESSION.CANCELLED_AT) != null,
                remindsByEmail(me));
    }

    /**
     * The cohort's next session for home: the one under way or the soonest to start, not cancelled
     * (a cancelled one still shows on the sessions page); empty when none is planned.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<SessionDetails> next(long cohortId) {
        access.requireMember(cohortId);
        return db.select(SESSION.ID).from(SESSION).where(SESSION.COHORT_ID.eq(cohortId))
                .and(SESSION.ENDS_AT.gt(OffsetDateTime.now(clock))).and(SESSION.CANCELLED_AT.isNull())
                .orderBy(SESSION.STARTS_AT, SESSION.ID).limit(1)
                .fetchOptional(SESSION.ID).map(this::get);
    }

    /** The session as an iCalendar file, for someone of its cohort; {@code baseUrl} for its link. */
    @Transactional(readOnly = true)
    public String ics(long sessionId, String baseUrl) {
        long cohortId = cohortOfSession(sessionId);
        access.requireMember(cohortId);
        CalendarEvent event = events(SESSION.ID.eq(sessionId)).get(0);
        return ICalendar.of(event.title(), List.of(event), baseUrl, ICalendar.host(baseUrl), clock.instant());
    }

    /**
     * The sessions of every cohort a member belongs to, from two months back on, as calendar
     * events. For the private calendar feed, whose token stands in for signing in: the caller
     * has checked it.
     */
    @Transactional(readOnly = true)
    public List<CalendarEvent> calendarOf(long memberId) {
        return events(CohortAccess.memberOf(SESSION.COHORT_ID, DSL.val(memberId))
                .and(SESSION.STARTS_AT.gt(OffsetDateTime.now(clock).minusMonths(2))));
    }

    /**
     * The sessions of a person's cohorts that start between these times, in time order. For a
     * digest built while nobody is signed in: the caller decided the person gets it.
     */
    @Transactional(readOnly = true)
    public List<CalendarEvent> startingBetween(long memberId, OffsetDateTime from, OffsetDateTime to) {
        return events(CohortAccess.memberOf(SESSION.COHORT_ID, org.jooq.impl.DSL.val(memberId))
                .and(SESSION.STARTS_AT.between(from, to)).and(SESSION.CANCELLED_AT.isNull()));
    }

    private List<CalendarEvent> events(org.jooq.Condition where) {
        return db.select(SESSION.ID, SESSION.TITLE, SESSION.THEME, SESSION.DESCRIPTION_MARKDOWN, SESSION.STARTS_AT,
                        SESSION.ENDS_AT, Cohorts.name(SESSION.COHORT_ID), SESSION.PLACE, SESSION.ROOM, SESSION.ACCESS_NOTES,
                        SESSION.MEETING_URL, SESSION.CANCELLED_AT)
                .from(SESSION).where(where).orderBy(SESSION.STARTS_AT)
                .fetch(r -> new CalendarEvent(r.value1(), r.value2(),
                        (r.value3() == null ? "" : r.value3() + "\n\n") + (r.value4() == null ? "" : r.value4()),
                        r.value5(), r.value6(), r.value7(), CalendarEvent.location(r.value8(), r.value9()), r.value10(),
                        r.value11(), r.value12() != null));
    }

    /** The form's values of a session, for editing. */
    @Transactional(readOnly = true)
    public SessionDraft draftOf(long sessionId) {
        long cohortId = cohortOfSession(sessionId);
        access.requireFacilitator(cohortId);
        ZoneId zone = access.zoneOf(cohortId);
        var r = db.selectFrom(SESSION).where(SESSION.ID.eq(sessionId)).fetchSingle();
        SessionDraft d = new SessionDraft();
        d.setTitle(r.getTitle());
        d.setTheme(r.getTheme() == null ? "" : r.getTheme());
        d.setStartsAt(r.getStartsAt().atZoneSameInstant(zone).toLocalDateTime());
        d.setEndsAt(r.getEndsAt().atZoneSameInstant(zone).toLocalDateTime());
        d.setDescription(r.getDescriptionMarkdown());
        d.setMeetingUrl(r.getMeetingUrl() == null ? "" : r.getMeetingUrl());
        d.setPlace(r.getPlace() == null ? "" : r.getPlace());
        d.setRoom(r.getRoom() == null ? "" : r.getRoom());
        d.setAccessNotes(r.getAccessNotes() == null ? "" : r.getAccessNotes());
        return d;
    }

    @Transactional
    public long create(long cohortId, SessionDraft draft) {
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        validate(draft);
        ZoneId zone = access.zoneOf(cohortId);
        long id = db.insertInto(SESSION)
                .set(SESSION.COHORT_ID, cohortId)
                .set(values(draft, zone))
                .set(SESSION.CREATED_BY, me.id())
                .returning(SESSION.ID).fetchOne(SESSION.ID);
        outbox.upsert(SearchOutbox.Type.SESSION, id);
        audit.record(me.id(), "session.created", "session", id, null, null);
        return id;
    }

    @Transactional
    public void update(long sessionId, SessionDraft draft) {
        long cohortId = cohortOfSession(sessionId);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        validate(draft);
        ZoneId zone = access.zoneOf(cohortId);
        db.update(SESSION)
                .set(values(draft, zone))
                .set(SESSION.UPDATED_AT, OffsetDateTime.now(clock))
                .where(SESSION.ID.eq(sessionId))
                .execute();
        outbox.upsert(SearchOutbox.Type.SESSION, sessionId);
        audit.record(me.id(), "session.updated", "session", sessionId, null, null);
    }

    /**
     * Cancels a session, or takes the cancellation back; facilitators. A cancelled session keeps its
     * prompts and conversations, shows as cancelled, goes to calendars as cancelled and gets no reminders.
     * Everyone who said they will join gets a notice.
     */
    @Transactional
    public void setCancelled(long sessionId, boolean cancelled) {
        long cohortId = cohortOfSession(sessionId);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = db.update(SESSION)
                .set(SESSION.CANCELLED_AT, cancelled ? now : null)
                .set(SESSION.UPDATED_AT, now)
                .where(SESSION.ID.eq(sessionId))
                .and(cancelled ? SESSION.CANCELLED_AT.isNull() : SESSION.CANCELLED_AT.isNotNull())
                .execute();
        if (changed > 0) {
            outbox.upsert(SearchOutbox.Type.SESSION, sessionId);
            audit.record(me.id(), cancelled ? "session.cancelled" : "session.reinstated", "session", sessionId, null, null);
            // those who said they will join hear of it (and of it being back on), in the same transaction
            String title = db.select(SESSION.TITLE).from(SESSION).where(SESSION.ID.eq(sessionId)).fetchSingle(SESSION.TITLE);
            db.select(SESSION_ATTENDANCE.MEMBER_ID).from(SESSION_ATTENDANCE)
                    .where(SESSION_ATTENDANCE.SESSION_ID.eq(sessionId)).and(SESSION_ATTENDANCE.WILL_JOIN.isTrue())
                    .and(SESSION_ATTENDANCE.MEMBER_ID.ne(me.id()))
                    .and(CohortAccess.memberOf(DSL.val(cohortId), SESSION_ATTENDANCE.MEMBER_ID))
                    .and(org.praxis.member.Members.active(SESSION_ATTENDANCE.MEMBER_ID))
                    .fetch(SESSION_ATTENDANCE.MEMBER_ID)
                    .forEach(member -> notifications.notify(member, cancelled ? CANCELLED_NOTIFICATION : REINSTATED_NOTIFICATION,
                            "sessions/" + sessionId, title));
        }
    }

    /** Whether the signed-in person gets session reminders by email too (in-app ones always come). */
    @Transactional(readOnly = true)
    public boolean remindsByEmail() {
        return remindsByEmail(currentUser.require().id());
    }

    /**
     * The signed-in person's choice to get session reminders by email, for every session they say
     * they will join. Kept per person (not per session), so it is their default from then on.
     */
    @Transactional
    public void setRemindByEmail(boolean byEmail) {
        long me = currentUser.require().id();
        db.insertInto(SESSION_REMINDER_CHOICE)
                .set(SESSION_REMINDER_CHOICE.MEMBER_ID, me)
                .set(SESSION_REMINDER_CHOICE.BY_EMAIL, byEmail)
                .onConflict(SESSION_REMINDER_CHOICE.MEMBER_ID)
                .doUpdate()
                .set(SESSION_REMINDER_CHOICE.BY_EMAIL, byEmail)
                .set(SESSION_REMINDER_CHOICE.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    private boolean remindsByEmail(long memberId) {
        return Boolean.TRUE.equals(db.select(SESSION_REMINDER_CHOICE.BY_EMAIL).from(SESSION_REMINDER_CHOICE)
                .where(SESSION_REMINDER_CHOICE.MEMBER_ID.eq(memberId)).fetchOne(SESSION_REMINDER_CHOICE.BY_EMAIL));
    }

    /** The reader says whether they will join. */
    @Transactional
    public void setWillJoin(long sessionId, boolean willJoin) {
        access.requireMember(cohortOfSession(sessionId));
        access.requireOpen(cohortOfSession(sessionId));
        long me = currentUser.require().id();
        db.insertInto(SESSION_ATTENDANCE)
                .set(SESSION_ATTENDANCE.SESSION_ID, sessionId)
                .set(SESSION_ATTENDANCE.MEMBER_ID, me)
                .set(SESSION_ATTENDANCE.WILL_JOIN, willJoin)
                .onConflict(SESSION_ATTENDANCE.SESSION_ID, SESSION_ATTENDANCE.MEMBER_ID)
                .doUpdate()
                .set(SESSION_ATTENDANCE.WILL_JOIN, willJoin)
                .set(SESSION_ATTENDANCE.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    /**
     * The cohort's sessions that took place in {@code [from, to)} (not cancelled, started before
     * now), in time order, with their attendance counts; for those who read the cohort's report
     * (its facilitators, the network's admins). Counts only: nobody's name.
     */
    @Transactional(readOnly = true)
    public List<HeldSession> heldBetween(long cohortId, java.time.Instant from, java.time.Instant to) {
        access.requireRunning(cohortId);
        ZoneId zone = access.zoneOf(cohortId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Field<Integer> attended = field(selectCount().from(SESSION_ATTENDANCE)
                .where(SESSION_ATTENDANCE.SESSION_ID.eq(SESSION.ID)).and(SESSION_ATTENDANCE.ATTENDED.isTrue()));
        Field<Integer> marked = field(selectCount().from(SESSION_ATTENDANCE)
                .where(SESSION_ATTENDANCE.SESSION_ID.eq(SESSION.ID)).and(SESSION_ATTENDANCE.ATTENDED.isNotNull()));
        return db.select(SESSION.ID, SESSION.TITLE, SESSION.STARTS_AT, attended, marked).from(SESSION)
                .where(SESSION.COHORT_ID.eq(cohortId)).and(SESSION.CANCELLED_AT.isNull())
                .and(SESSION.STARTS_AT.ge(from.atOffset(java.time.ZoneOffset.UTC)))
                .and(SESSION.STARTS_AT.lt(to.atOffset(java.time.ZoneOffset.UTC)))
                .and(SESSION.STARTS_AT.lt(now))
                .orderBy(SESSION.STARTS_AT, SESSION.ID)
                .fetch(r -> new HeldSession(r.value1(), r.value2(), r.value3().atZoneSameInstant(zone), r.value4(),
                        r.value5()));
    }

    /** Everyone in the cohort with their answer and attendance; facilitators only. */
    @Transactional(readOnly = true)
    public List<AttendanceRow> attendance(long sessionId) {
        long cohortId = cohortOfSession(sessionId);
        access.requireFacilitator(cohortId);
        List<Long> inCohort = access.roster(cohortId).stream().map(Membership.Person::memberId).toList();
        Map<Long, String> active = members.activeNames(inCohort);
        Map<Long, org.jooq.Record3<Long, Boolean, Boolean>> answers = db.select(SESSION_ATTENDANCE.MEMBER_ID,
                        SESSION_ATTENDANCE.WILL_JOIN, SESSION_ATTENDANCE.ATTENDED)
                .from(SESSION_ATTENDANCE).where(SESSION_ATTENDANCE.SESSION_ID.eq(sessionId))
                .fetchMap(SESSION_ATTENDANCE.MEMBER_ID);
        return inCohort.stream().filter(active::containsKey)
                .map(id -> {
                    var a = answers.get(id);
                    return new AttendanceRow(id, active.get(id), a == null ? null : a.value2(), a == null ? null : a.value3());
                })
                .sorted(Comparator.comparing(AttendanceRow::displayName))
                .toList();
    }

    @Transactional
    public void markAttendance(long sessionId, long memberId, boolean attended) {
        long cohortId = cohortOfSession(sessionId);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        if (access.roleOf(cohortId, memberId).isEmpty()) {
            throw new AccessDeniedException("Member " + memberId + " is not in this cohort");
        }
        db.insertInto(SESSION_ATTENDANCE)
                .set(SESSION_ATTENDANCE.SESSION_ID, sessionId)
                .set(SESSION_ATTENDANCE.MEMBER_ID, memberId)
                .set(SESSION_ATTENDANCE.ATTENDED, attended)
                .onConflict(SESSION_ATTENDANCE.SESSION_ID, SESSION_ATTENDANCE.MEMBER_ID)
                .doUpdate()
                .set(SESSION_ATTENDANCE.ATTENDED, attended)
                .set(SESSION_ATTENDANCE.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
        audit.record(me.id(), attended ? "session.attended" : "session.absent", "session", sessionId, null,
                String.valueOf(memberId));
    }

    /** Adds a prompt at the end, with its conversation thread. Returns the prompt's id. */
    @Transactional
    public long addPrompt(long sessionId, PromptDraft draft) {
        long cohortId = cohortOfSession(sessionId);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        validate(draft);
        ZoneId zone = access.zoneOf(cohortId);
        Integer last = db.select(org.jooq.impl.DSL.max(PROMPT.POSITION)).from(PROMPT)
                .where(PROMPT.SESSION_ID.eq(sessionId)).fetchOne(0, Integer.class);
        long id = db.insertInto(PROMPT)
                .set(PROMPT.SESSION_ID, sessionId)
                .set(PROMPT.AUTHOR_ID, me.id())
                .set(PROMPT.QUESTION, draft.getQuestion().strip())
                .set(PROMPT.POSITION, last == null ? 1 : last + 1)
                .set(PROMPT.OPENS_AT, at(draft.getOpensAt(), zone))
                .set(PROMPT.CLOSES_AT, at(draft.getClosesAt(), zone))
                .returning(PROMPT.ID).fetchOne(PROMPT.ID);
        threads.openForPrompt(cohortId, sessionId, id, threadTitle(draft.getQuestion()));
        outbox.upsert(SearchOutbox.Type.PROMPT, id);
        audit.record(me.id(), "prompt.created", "prompt", id, null, null);
        return id;
    }

    @Transactional
    public void updatePrompt(long promptId, PromptDraft draft) {
        long sessionId = sessionOfPrompt(promptId);
        long cohortId = cohortOfSession(sessionId);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        validate(draft);
        ZoneId zone = access.zoneOf(cohortId);
        db.update(PROMPT)
                .set(PROMPT.QUESTION, draft.getQuestion().strip())
                .set(PROMPT.OPENS_AT, at(draft.getOpensAt(), zone))
                .set(PROMPT.CLOSES_AT, at(draft.getClosesAt(), zone))
                .set(PROMPT.UPDATED_AT, OffsetDateTime.now(clock))
                .where(PROMPT.ID.eq(promptId))
                .execute();
        // the thread, and its posts in search, take the new wording
        threads.renameForPrompt(promptId, threadTitle(draft.getQuestion()));
        outbox.upsert(SearchOutbox.Type.PROMPT, promptId);
        audit.record(me.id(), "prompt.updated", "prompt", promptId, null, null);
    }

    /** The prompt's form values, for editing. */
    @Transactional(readOnly = true)
    public PromptDraft promptDraftOf(long promptId) {
        long cohortId = cohortOfSession(sessionOfPrompt(promptId));
        access.requireFacilitator(cohortId);
        ZoneId zone = access.zoneOf(cohortId);
        var r = db.selectFrom(PROMPT).where(PROMPT.ID.eq(promptId)).fetchSingle();
        PromptDraft d = new PromptDraft();
        d.setQuestion(r.getQuestion());
        d.setOpensAt(r.getOpensAt() == null ? null : r.getOpensAt().atZoneSameInstant(zone).toLocalDateTime());
        d.setClosesAt(r.getClosesAt() == null ? null : r.getClosesAt().atZoneSameInstant(zone).toLocalDateTime());
        return d;
    }

    /** Moves a prompt one place earlier ({@code -1}) or later ({@code +1}) in its session. */
    @Transactional
    public void movePrompt(long promptId, int direction) {
        long sessionId = sessionOfPrompt(promptId);
        PraxisUser me = access.requireFacilitator(cohortOfSession(sessionId));
        access.requireOpen(cohortOfSession(sessionId));
        List<Long> order = db.select(PROMPT.ID).from(PROMPT).where(PROMPT.SESSION_ID.eq(sessionId))
                .orderBy(PROMPT.POSITION, PROMPT.ID).fetch(PROMPT.ID);
        int from = order.indexOf(promptId);
        int to = from + Integer.signum(direction);
        if (to < 0 || to >= order.size()) {
            return;
        }
        java.util.Collections.swap(order, from, to);
        for (int i = 0; i < order.size(); i++) {
            db.update(PROMPT).set(PROMPT.POSITION, i + 1).where(PROMPT.ID.eq(order.get(i))).execute();
        }
        audit.record(me.id(), "prompt.moved", "prompt", promptId, null, String.valueOf(direction));
    }

    /**
     * The cohort a session belongs to, empty when there is no such session: for other features'
     * checks that what they link to a session stays in its cohort (no rights check: the caller has one).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> cohortOf(long sessionId) {
        return db.select(SESSION.COHORT_ID).from(SESSION).where(SESSION.ID.eq(sessionId))
                .fetchOptional(SESSION.COHORT_ID);
    }

    /** When the cohort's next session starts after {@code after}, if one is planned (a check-in on its eve). */
    @Transactional(readOnly = true)
    public java.util.Optional<OffsetDateTime> nextStartAfter(long cohortId, OffsetDateTime after) {
        return db.select(org.jooq.impl.DSL.min(SESSION.STARTS_AT)).from(SESSION).where(SESSION.COHORT_ID.eq(cohortId))
                .and(SESSION.STARTS_AT.gt(after)).and(SESSION.CANCELLED_AT.isNull()).fetchOptional(0, OffsetDateTime.class);
    }

    private static String threadTitle(String question) {
        String q = question.strip().replaceAll("\\s+", " ");
        return q.length() <= TITLE_MAX ? q : q.substring(0, TITLE_MAX - 1) + "…";
    }

    private long cohortOfSession(long sessionId) {
        Long cohortId = db.select(SESSION.COHORT_ID).from(SESSION).where(SESSION.ID.eq(sessionId))
                .fetchOne(SESSION.COHORT_ID);
        if (cohortId == null) {
            throw new AccessDeniedException("No session " + sessionId);
        }
        return cohortId;
    }

    private long sessionOfPrompt(long promptId) {
        Long sessionId = db.select(PROMPT.SESSION_ID).from(PROMPT).where(PROMPT.ID.eq(promptId))
                .fetchOne(PROMPT.SESSION_ID);
        if (sessionId == null) {
            throw new AccessDeniedException("No prompt " + promptId);
        }
        return sessionId;
    }

    private static void validate(SessionDraft d) {
        Validation v = new Validation()
                .required("title", d.getTitle(), TITLE_MAX)
                .maxLength("theme", d.getTheme(), THEME_MAX)
                .maxLength("description", d.getDescription(), DESCRIPTION_MAX)
                .storable("meetingUrl", d.getMeetingUrl())
                .maxLength("place", d.getPlace(), PLACE_MAX)
                .maxLength("room", d.getRoom(), ROOM_MAX)
                .maxLength("accessNotes", d.getAccessNotes(), ACCESS_NOTES_MAX)
                .check(d.getStartsAt() != null, "startsAt", "validation.required")
                .check(d.getEndsAt() != null, "endsAt", "validation.required");
        if (d.getStartsAt() != null && d.getEndsAt() != null) {
            v.check(d.getEndsAt().isAfter(d.getStartsAt()), "endsAt", "session.ends-before-start");
        }
        String problem = meetingUrlProblem(d.getMeetingUrl());
        if (problem != null) {
            v.reject("meetingUrl", problem, MEETING_URL_MAX);
        }
        v.throwIfInvalid();
    }

    /**
     * Why a meeting link cannot be used (a message key), or null when it can (or is empty). The page
     * renders it as a link, so only a whole http or https address with a host passes: never
     * {@code javascript:}, {@code data:} or another scheme, a relative address, spaces, or a
     * {@code user@} part that would make {@code https://zoom.us@elsewhere.example} look like Zoom.
     */
    static String meetingUrlProblem(String raw) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty()) {
            return null;
        }
        if (url.codePointCount(0, url.length()) > MEETING_URL_MAX) {
            return "validation.too-long";
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "session.meeting-url.spaces";
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            return "session.meeting-url.invalid";
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return "session.meeting-url.whole";
        }
        if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
            return "session.meeting-url.scheme";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            return "session.meeting-url.invalid";
        }
        return null;
    }

    private static void validate(PromptDraft d) {
        Validation v = new Validation().required("question", d.getQuestion(), QUESTION_MAX);
        if (d.getOpensAt() != null && d.getClosesAt() != null) {
            v.check(d.getClosesAt().isAfter(d.getOpensAt()), "closesAt", "prompt.closes-before-opens");
        }
        v.throwIfInvalid();
    }

    /** The columns a draft sets, the same for a new session and an edited one. */
    private Map<org.jooq.Field<?>, Object> values(SessionDraft draft, ZoneId zone) {
        Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(SESSION.TITLE, draft.getTitle().strip());
        values.put(SESSION.THEME, Validation.clean(draft.getTheme()));
        values.put(SESSION.STARTS_AT, at(draft.getStartsAt(), zone));
        values.put(SESSION.ENDS_AT, at(draft.getEndsAt(), zone));
        values.put(SESSION.DESCRIPTION_MARKDOWN, nullToEmpty(draft.getDescription()));
        values.put(SESSION.DESCRIPTION_HTML, markdown.toSafeHtml(draft.getDescription()));
        values.put(SESSION.MEETING_URL, Validation.clean(draft.getMeetingUrl()));
        values.put(SESSION.PLACE, Validation.clean(draft.getPlace()));
        values.put(SESSION.ROOM, Validation.clean(draft.getRoom()));
        values.put(SESSION.ACCESS_NOTES, Validation.clean(draft.getAccessNotes()));
        return values;
    }

    private static OffsetDateTime at(LocalDateTime local, ZoneId zone) {
        return local == null ? null : ZonedDateTime.of(local, zone).toOffsetDateTime();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

}
