package org.praxis.practice;

import static org.praxis.jooq.Tables.PRACTICE_NOTE;
import static org.praxis.jooq.Tables.PRACTICE_NOTE_DIMENSION;
import static org.praxis.jooq.Tables.PRACTICE_NOTE_USEFUL;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.praxis.accountability.CommitmentService;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.LibraryFilter;
import org.praxis.analysis.PolicyArea;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.text.Markdown;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Cohorts;
import org.praxis.conversation.ThreadFollowService;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.Threads;
import org.praxis.member.Members;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationService;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchOutbox;
import org.praxis.session.SessionService;
import org.praxis.session.Sessions;
import org.praxis.worksheet.WorksheetService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practice notes. A draft is its author's alone; a posted note is read as its visibility says
 * ({@link #readableBy}, the one rule, which search states again as a Lucene clause). Sharing with
 * the network takes the author's consent and a facilitator's publishing; withdrawing the consent
 * takes the note back to its cohort in the same transaction, and out of other cohorts' search
 * through the outbox. A note the cohort reads gets a comment thread of the conversation feature,
 * whose readers are the cohort, so notes read more narrowly have none. Every rule is checked here.
 */
@Service
public class PracticeNoteService {

    public static final int TITLE_MAX = 200;
    public static final int TAG_MAX = 40;
    public static final int TAGS_MAX = 12;

    private static final org.praxis.jooq.tables.PracticeNote N = PRACTICE_NOTE;

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Markdown markdown;
    private final SearchOutbox outbox;
    private final ThreadService threads;
    private final ThreadFollowService follows;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;
    private final SessionService sessions;
    private final CommitmentService commitments;
    private final AnalysisService analyses;
    private final WorksheetService worksheets;

    PracticeNoteService(DSLContext db, CohortAccess access, CurrentUser currentUser, Markdown markdown,
            SearchOutbox outbox, ThreadService threads, ThreadFollowService follows, NotificationService notifications,
            AuditService audit, Clock clock, SessionService sessions, CommitmentService commitments,
            AnalysisService analyses, WorksheetService worksheets) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.markdown = markdown;
        this.outbox = outbox;
        this.threads = threads;
        this.follows = follows;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
        this.commitments = commitments;
        this.analyses = analyses;
        this.worksheets = worksheets;
    }

    // ---- the one rule

    /** Posted, shared with the network by its author and published there by a facilitator. */
    static Condition inNetwork() {
        return N.DRAFT.isFalse().and(N.VISIBILITY.eq(NoteVisibility.NETWORK.name())).and(N.CONSENT_AT.isNotNull())
                .and(N.PUBLISHED_AT.isNotNull());
    }

    /**
     * Who reads a note: its author; once posted, the cohort's facilitators (visibility facilitators),
     * the cohort (cohort or network), and every member of any cohort (published to the network).
     */
    static Condition readableBy(Field<Long> reader) {
        return N.AUTHOR_ID.eq(reader).or(N.DRAFT.isFalse().and(
                N.VISIBILITY.eq(NoteVisibility.FACILITATORS.name()).and(CohortAccess.facilitatorOf(N.COHORT_ID, reader))
                        .or(N.VISIBILITY.in(NoteVisibility.COHORT.name(), NoteVisibility.NETWORK.name())
                                .and(CohortAccess.memberOf(N.COHORT_ID, reader)))
                        .or(inNetwork().and(CohortAccess.inAnyCohort(reader)))));
    }

    /** Whether the reader sees who wrote it: unless the author removed their name and the reader is outside the cohort. */
    static Condition nameShownTo(Field<Long> reader) {
        return N.KEEP_NAME.isTrue().or(N.AUTHOR_ID.eq(reader)).or(CohortAccess.memberOf(N.COHORT_ID, reader));
    }

    // ---- writing

    /** A member starts a note in their cohort, as a draft (theirs alone until posted). */
    @Transactional
    public long create(long cohortId, NoteDraft draft) {
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        validate(cohortId, draft, false);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = db.insertInto(N).set(N.COHORT_ID, cohortId).set(N.AUTHOR_ID, me.id()).set(N.CREATED_AT, now)
                .set(N.UPDATED_AT, now).set(values(draft, null, now)).returning(N.ID).fetchOne(N.ID);
        writeDimensions(id, draft.dimensions());
        audit.record(me.id(), "note.created", "practice_note", id, null, null);
        return id;
    }

    /**
     * The author saves. {@code lockVersion} is what their editor loaded: a save from an older page
     * (another tab) is refused with the field message, nothing written. A posted note keeps an
     * "edited" time, and a change of who reads it takes effect at once (comments opened or removed,
     * the network left). Returns the new lock version.
     */
    @Transactional
    public int save(long id, int lockVersion, NoteDraft draft) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        validate(row.cohortId, draft, !row.draft);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var update = db.update(N).set(values(draft, row, now)).set(N.LOCK_VERSION, N.LOCK_VERSION.plus(1))
                .set(N.UPDATED_AT, now);
        if (!row.draft) {
            update = update.set(N.EDITED_AT, now);
        }
        int updated = update.where(N.ID.eq(id)).and(N.LOCK_VERSION.eq(lockVersion)).execute();
        if (updated == 0) {
            throw org.praxis.base.InvalidInputException.of("title", "note.conflict");
        }
        writeDimensions(id, draft.dimensions());
        if (!row.draft) {
            afterVisibility(row, draft.visibility(), me);
            outbox.upsert(SearchOutbox.Type.NOTE, id);
        }
        return lockVersion + 1;
    }

    /** The author posts the draft: from now on it is read as its visibility says. */
    @Transactional
    public void post(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        if (!row.draft) {
            return;
        }
        NoteDraft draft = read(id).toDraft();
        validate(row.cohortId, draft, true);
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(N).set(N.DRAFT, false).set(N.POSTED_AT, now).set(N.UPDATED_AT, now)
                .set(N.LOCK_VERSION, N.LOCK_VERSION.plus(1)).where(N.ID.eq(id)).execute();
        Row posted = row(id);
        afterVisibility(new Row(id, row.cohortId, row.authorId, false, NoteVisibility.PRIVATE, row.title, null, null),
                posted.visibility, me);
        outbox.upsert(SearchOutbox.Type.NOTE, id);
        audit.record(me.id(), "note.posted", "practice_note", id, null, row.visibility.name());
    }

    /**
     * The author takes back their consent to the network: the note is the cohort's again, at once
     * (and leaves other cohorts' search with the next index update).
     */
    @Transactional
    public void withdrawConsent(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        if (row.visibility != NoteVisibility.NETWORK) {
            return;
        }
        // no requireOpen: taking something back from the network is always allowed
        db.update(N).set(N.VISIBILITY, NoteVisibility.COHORT.name()).setNull(N.CONSENT_AT).setNull(N.PUBLISHED_AT)
                .setNull(N.PUBLISHED_BY).set(N.UPDATED_AT, OffsetDateTime.now(clock))
                .set(N.LOCK_VERSION, N.LOCK_VERSION.plus(1)).where(N.ID.eq(id)).execute();
        outbox.upsert(SearchOutbox.Type.NOTE, id);
        audit.record(me.id(), "note.consent-withdrawn", "practice_note", id, null, null);
    }

    /** A facilitator of the note's cohort publishes a note its author shared with the network. */
    @Transactional
    public void publish(long id) {
        Row row = row(id);
        PraxisUser me = access.requireFacilitator(row.cohortId);
        access.requireOpen(row.cohortId);
        if (row.draft || row.visibility != NoteVisibility.NETWORK || row.consentAt == null) {
            throw new AccessDeniedException("Note " + id + " is not shared with the network by its author");
        }
        if (row.publishedAt != null) {
            return;
        }
        db.update(N).set(N.PUBLISHED_AT, OffsetDateTime.now(clock)).set(N.PUBLISHED_BY, me.id())
                .where(N.ID.eq(id)).execute();
        outbox.upsert(SearchOutbox.Type.NOTE, id);
        if (row.authorId != null && row.authorId != me.id()) {
            notifications.notify(row.authorId, NotificationKind.NOTE_PUBLISHED, "notes/" + id, row.title);
        }
        audit.record(me.id(), "note.published", "practice_note", id, null, null);
    }

    /** A reader who is not its author marks the note useful, or takes the mark back; one per person. */
    @Transactional
    public void markUseful(long id, boolean useful) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        if (row.draft || java.util.Objects.equals(row.authorId, me.id())) {
            throw new AccessDeniedException("One's own note takes no useful mark");
        }
        access.requireOpen(row.cohortId);
        if (useful) {
            db.insertInto(PRACTICE_NOTE_USEFUL).set(PRACTICE_NOTE_USEFUL.NOTE_ID, id)
                    .set(PRACTICE_NOTE_USEFUL.MEMBER_ID, me.id())
                    .set(PRACTICE_NOTE_USEFUL.CREATED_AT, OffsetDateTime.now(clock)).onConflictDoNothing().execute();
        } else {
            db.deleteFrom(PRACTICE_NOTE_USEFUL).where(PRACTICE_NOTE_USEFUL.NOTE_ID.eq(id))
                    .and(PRACTICE_NOTE_USEFUL.MEMBER_ID.eq(me.id())).execute();
        }
    }

    /**
     * What follows a change of who reads a posted note: comments open when the cohort reads it
     * (the thread's readers are the cohort's), and go, with their thread, when it no longer does;
     * the facilitators hear of a note waiting to be published to the network.
     */
    private void afterVisibility(Row before, NoteVisibility now, PraxisUser me) {
        Long thread = db.select(N.THREAD_ID).from(N).where(N.ID.eq(before.id)).fetchOne(N.THREAD_ID);
        if (now.cohortReads() && thread == null) {
            long opened = threads.openForReview(before.cohortId, before.title);
            db.update(N).set(N.THREAD_ID, opened).where(N.ID.eq(before.id)).execute();
            follows.set(opened, ThreadFollowService.Follow.FOLLOWING);
        } else if (!now.cohortReads() && thread != null) {
            threads.removeReview(thread);
            db.update(N).setNull(N.THREAD_ID).where(N.ID.eq(before.id)).execute();
            audit.record(me.id(), "note.comments-removed", "practice_note", before.id, null, null);
        }
        if (now == NoteVisibility.NETWORK && before.visibility != NoteVisibility.NETWORK) {
            String title = db.select(N.TITLE).from(N).where(N.ID.eq(before.id)).fetchSingle(N.TITLE);
            for (var person : access.roster(before.cohortId)) {
                if (person.role() == CohortRole.FACILITATOR && person.memberId() != me.id()) {
                    notifications.notify(person.memberId(), NotificationKind.NOTE_AWAITING,
                            "notes/queue?cohort=" + before.cohortId, title);
                }
            }
        }
    }

    // ---- reading

    /** The note, for someone who may read it; anyone else is refused as if there were none. */
    @Transactional(readOnly = true)
    public NoteDetails read(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        Field<Long> reader = DSL.val(me.id());
        Field<Boolean> shown = DSL.field(nameShownTo(reader));
        Field<String> author = Members.displayName(N.AUTHOR_ID);
        Field<String> cohortName = Cohorts.name(N.COHORT_ID);
        Field<Integer> comments = Threads.sharedPostCount(N.THREAD_ID);
        Record r = db.select(N.asterisk(), shown, author, cohortName, comments).from(N).where(N.ID.eq(id)).fetchSingle();
        boolean mine = java.util.Objects.equals(r.get(N.AUTHOR_ID), me.id());
        boolean nameShown = Boolean.TRUE.equals(r.get(shown));
        Map<NoteField, String> md = new EnumMap<>(NoteField.class);
        Map<NoteField, String> html = new EnumMap<>(NoteField.class);
        for (NoteField f : NoteField.values()) {
            String text = r.get(column(f));
            md.put(f, mine ? text : "");
            html.put(f, markdown.toSafeHtml(text));
        }
        boolean inCohort = access.roleIn(row.cohortId).isPresent();
        boolean facilitator = access.roleIn(row.cohortId).filter(x -> x == CohortRole.FACILITATOR).isPresent();
        int useful = db.fetchCount(PRACTICE_NOTE_USEFUL, PRACTICE_NOTE_USEFUL.NOTE_ID.eq(id));
        boolean usefulByMe = db.fetchExists(PRACTICE_NOTE_USEFUL,
                PRACTICE_NOTE_USEFUL.NOTE_ID.eq(id).and(PRACTICE_NOTE_USEFUL.MEMBER_ID.eq(me.id())));
        return new NoteDetails(id, row.cohortId, r.get(cohortName), nameShown ? r.get(N.AUTHOR_ID) : null,
                nameShown ? r.get(author) : null, r.get(N.TITLE), md, html, PolicyArea.valueOf(r.get(N.POLICY_AREA)),
                dimensions(List.of(id)).get(id), List.of(r.get(N.TAGS)), NoteVisibility.valueOf(r.get(N.VISIBILITY)),
                r.get(N.DRAFT), r.get(N.CONSENT_AT) != null, r.get(N.KEEP_NAME), r.get(N.PUBLISHED_AT),
                inCohort ? r.get(N.THREAD_ID) : null, r.get(comments) == null ? 0 : r.get(comments),
                links(r, mine, inCohort), useful, usefulByMe, mine, facilitator, r.get(N.POSTED_AT), r.get(N.EDITED_AT),
                r.get(N.LOCK_VERSION), mine ? r.get(N.SESSION_ID) : null, mine ? r.get(N.COMMITMENT_ID) : null,
                mine ? r.get(N.ANALYSIS_ID) : null, mine ? r.get(N.RESPONSE_ID) : null,
                mine ? r.get(N.LINKED_THREAD_ID) : null);
    }

    /**
     * The links the reader may open: the session and thread for the cohort, the analysis for who
     * may read it, the commitment and the worksheet response for the author alone (they may be
     * private, and a title says a lot).
     */
    private List<NoteDetails.Link> links(Record r, boolean mine, boolean inCohort) {
        List<NoteDetails.Link> out = new ArrayList<>();
        Long session = r.get(N.SESSION_ID);
        if (session != null && inCohort) {
            db.select(Sessions.title(DSL.val(session))).fetchOptional(0, String.class)
                    .ifPresent(t -> out.add(new NoteDetails.Link("session", session, t, "sessions/" + session)));
        }
        Long commitment = r.get(N.COMMITMENT_ID);
        if (commitment != null && mine) {
            commitments.mine().stream().filter(c -> c.id() == commitment).findFirst()
                    .ifPresent(c -> out.add(new NoteDetails.Link("commitment", commitment, c.what(),
                            "commitments/" + commitment)));
        }
        Long analysis = r.get(N.ANALYSIS_ID);
        if (analysis != null) {
            analyses.titleIfReadable(analysis)
                    .ifPresent(t -> out.add(new NoteDetails.Link("analysis", analysis, t, "analyses/" + analysis)));
        }
        Long response = r.get(N.RESPONSE_ID);
        if (response != null && mine) {
            worksheets.ownResponseTitle(response).ifPresent(t -> out.add(new NoteDetails.Link("response", response, t,
                    "worksheets/responses/" + response)));
        }
        Long thread = r.get(N.LINKED_THREAD_ID);
        if (thread != null && inCohort) {
            db.select(Threads.title(DSL.val(thread))).fetchOptional(0, String.class)
                    .ifPresent(t -> out.add(new NoteDetails.Link("thread", thread, t, "threads/" + thread)));
        }
        return out;
    }

    /** The cohort's notes the reader may read (their own drafts too), newest first, filtered. */
    @Transactional(readOnly = true)
    public List<NoteSummary> cohortNotes(long cohortId, NoteFilter filter) {
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        Condition where = N.COHORT_ID.eq(cohortId).and(readableBy(DSL.val(me.id())));
        if (filter.tag() != null && !filter.tag().isBlank()) {
            where = where.and(DSL.condition("lower({0}) = any(select lower(t) from unnest({1}) t)",
                    DSL.val(filter.tag().strip()), N.TAGS));
        }
        if (filter.dimension() != null) {
            where = where.andExists(DSL.selectOne().from(PRACTICE_NOTE_DIMENSION)
                    .where(PRACTICE_NOTE_DIMENSION.NOTE_ID.eq(N.ID))
                    .and(PRACTICE_NOTE_DIMENSION.DIMENSION.eq(filter.dimension().name())));
        }
        if (filter.area() != null) {
            where = where.and(N.POLICY_AREA.eq(filter.area().name()));
        }
        if (filter.authorId() != null) {
            // within the cohort every reader sees the names, so an author filter tells nothing hidden
            where = where.and(N.AUTHOR_ID.eq(filter.authorId()));
        }
        if (filter.sessionId() != null) {
            where = where.and(N.SESSION_ID.eq(filter.sessionId()));
        }
        return summaries(where, me, N.DRAFT.desc(), DSL.coalesce(N.POSTED_AT, N.UPDATED_AT).desc(), N.ID.desc());
    }

    /**
     * The notes published to the network, of every cohort, for anyone who belongs to a cohort;
     * newest published first (an order that says nothing of who wrote them).
     */
    @Transactional(readOnly = true)
    public List<NoteSummary> network(PolicyArea area, Dimension dimension) {
        PraxisUser me = currentUser.require();
        Condition where = inNetwork().and(CohortAccess.inAnyCohort(DSL.val(me.id())));
        if (area != null) {
            where = where.and(N.POLICY_AREA.eq(area.name()));
        }
        if (dimension != null) {
            where = where.andExists(DSL.selectOne().from(PRACTICE_NOTE_DIMENSION)
                    .where(PRACTICE_NOTE_DIMENSION.NOTE_ID.eq(N.ID))
                    .and(PRACTICE_NOTE_DIMENSION.DIMENSION.eq(dimension.name())));
        }
        return summaries(where, me, N.PUBLISHED_AT.desc(), N.ID.desc());
    }

    /** For a facilitator: the cohort's notes their authors shared with the network, waiting to be published. */
    @Transactional(readOnly = true)
    public List<NoteSummary> awaitingPublishing(long cohortId) {
        PraxisUser me = access.requireFacilitator(cohortId);
        return summaries(N.COHORT_ID.eq(cohortId).and(N.DRAFT.isFalse())
                .and(N.VISIBILITY.eq(NoteVisibility.NETWORK.name())).and(N.CONSENT_AT.isNotNull())
                .and(N.PUBLISHED_AT.isNull()), me, N.POSTED_AT.asc(), N.ID.asc());
    }

    /** For home: notes of the cohort by others that the reader may read, posted since then, newest first. */
    @Transactional(readOnly = true)
    public List<NoteSummary> newInCohortSince(long cohortId, OffsetDateTime since, int limit) {
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        List<NoteSummary> all = summaries(N.COHORT_ID.eq(cohortId).and(N.DRAFT.isFalse()).and(N.POSTED_AT.gt(since))
                .and(N.AUTHOR_ID.isNull().or(N.AUTHOR_ID.ne(me.id()))).and(readableBy(DSL.val(me.id()))), me,
                N.POSTED_AT.desc(), N.ID.desc());
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    /** The authors of the cohort's notes the reader may read, id to name, for the author filter. */
    @Transactional(readOnly = true)
    public Map<Long, String> authorsIn(long cohortId) {
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        Map<Long, String> out = new LinkedHashMap<>();
        var name = Members.displayName(N.AUTHOR_ID);
        db.selectDistinct(N.AUTHOR_ID, name).from(N).where(N.COHORT_ID.eq(cohortId)).and(N.AUTHOR_ID.isNotNull())
                .and(readableBy(DSL.val(me.id()))).orderBy(name).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** What the signed-in author may link a note in the cohort to: only what they may read, their own where it is personal. */
    @Transactional(readOnly = true)
    public NoteChoices choices(long cohortId) {
        access.requireMember(cohortId);
        return new NoteChoices(
                sessions.sessionsOf(cohortId).stream().map(s -> new NoteChoices.Choice(s.id(), s.title())).toList(),
                commitments.mine().stream().filter(c -> c.cohortId() == cohortId)
                        .map(c -> new NoteChoices.Choice(c.id(), c.what())).toList(),
                analyses.library(cohortId, LibraryFilter.all()).stream()
                        .map(a -> new NoteChoices.Choice(a.id(), a.title())).toList(),
                worksheets.assignments(cohortId).stream().filter(a -> a.myResponseId() != null)
                        .map(a -> new NoteChoices.Choice(a.myResponseId(), a.title())).toList(),
                threads.recentTitles(cohortId, 200).entrySet().stream()
                        .map(t -> new NoteChoices.Choice(t.getKey(), t.getValue())).toList());
    }

    /** For the prefilled link of a new note from a commitment: the commitment, when it is the signed-in person's own. */
    @Transactional(readOnly = true)
    public java.util.Optional<NoteChoices.Choice> ownCommitment(long commitmentId) {
        return commitments.mine().stream().filter(c -> c.id() == commitmentId).findFirst()
                .map(c -> new NoteChoices.Choice(c.cohortId(), c.what()));
    }

    // ---- for the network report

    /**
     * For the network report: the cohort's notes published to the network in {@code [from, to)}
     * whose authors' consent still stands, oldest first; the author's name is empty where they
     * removed it. For the cohort's facilitators and admins.
     */
    @Transactional(readOnly = true)
    public List<SharedNote> sharedWithNetwork(long cohortId, Instant from, Instant to) {
        requireReportReader(cohortId);
        var author = Members.displayName(N.AUTHOR_ID);
        return db.select(N.ID, N.TITLE, N.LEARNED, N.KEEP_NAME, author, N.PUBLISHED_AT).from(N)
                .where(N.COHORT_ID.eq(cohortId)).and(inNetwork())
                .and(N.PUBLISHED_AT.ge(at(from))).and(N.PUBLISHED_AT.lt(at(to)))
                .orderBy(N.PUBLISHED_AT, N.ID)
                .fetch(r -> new SharedNote(r.value1(), r.value2(), plain(r.value3()),
                        Boolean.TRUE.equals(r.value4()) && r.value5() != null ? r.value5() : "",
                        r.value6().toInstant()));
    }

    /**
     * For the network report: how many notes of the cohort were posted in {@code [from, to)} per
     * policy area (its names), whatever their visibility — counts only, areas with none left out,
     * in the areas' order. For the cohort's facilitators and admins.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> countsByPolicyArea(long cohortId, Instant from, Instant to) {
        requireReportReader(cohortId);
        Map<String, Long> counted = new HashMap<>();
        db.select(N.POLICY_AREA, DSL.count()).from(N).where(N.COHORT_ID.eq(cohortId)).and(N.DRAFT.isFalse())
                .and(N.POSTED_AT.ge(at(from))).and(N.POSTED_AT.lt(at(to))).groupBy(N.POLICY_AREA)
                .forEach(r -> counted.put(r.value1(), r.value2().longValue()));
        Map<String, Long> out = new LinkedHashMap<>();
        for (PolicyArea a : PolicyArea.values()) {
            if (counted.containsKey(a.name())) {
                out.put(a.name(), counted.get(a.name()));
            }
        }
        return out;
    }

    private void requireReportReader(long cohortId) {
        PraxisUser me = currentUser.require();
        if (!me.hasRole(Role.ADMIN)) {
            access.requireFacilitator(cohortId);
        }
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** Markdown as plain words. */
    String plain(String md) {
        return SearchDocument.textOf(markdown.toSafeHtml(md == null ? "" : md));
    }

    /** Markdown as sanitised HTML, for a preview. */
    public String renderMarkdown(String text) {
        return markdown.toSafeHtml(text == null ? "" : text);
    }

    // ---- rows

    private List<NoteSummary> summaries(Condition where, PraxisUser me, org.jooq.SortField<?>... order) {
        Field<Long> reader = DSL.val(me.id());
        Field<Boolean> shown = DSL.field(nameShownTo(reader));
        Field<String> author = Members.displayName(N.AUTHOR_ID);
        Field<String> cohortName = Cohorts.name(N.COHORT_ID);
        Field<Integer> useful = DSL.field(DSL.selectCount().from(PRACTICE_NOTE_USEFUL)
                .where(PRACTICE_NOTE_USEFUL.NOTE_ID.eq(N.ID)));
        var rows = db.select(N.ID, N.COHORT_ID, cohortName, N.TITLE, N.LEARNED, shown, author, N.POLICY_AREA, N.TAGS,
                        N.VISIBILITY, N.DRAFT, N.PUBLISHED_AT, useful, N.POSTED_AT, N.AUTHOR_ID)
                .from(N).where(where).orderBy(order).limit(500).fetch();
        Map<Long, Set<Dimension>> dims = dimensions(rows.map(r -> r.value1()));
        return rows.map(r -> {
            String learned = plain(r.value5());
            return new NoteSummary(r.value1(), r.value2(), r.value3(), r.value4(),
                    learned.length() > 240 ? learned.substring(0, 239) + "…" : learned,
                    Boolean.TRUE.equals(r.value6()) ? r.value7() : null, PolicyArea.valueOf(r.value8()),
                    dims.get(r.value1()), List.of(r.value9()), NoteVisibility.valueOf(r.value10()), r.value11(),
                    r.value12() != null, r.value13(), r.value14(), java.util.Objects.equals(r.value15(), me.id()));
        });
    }

    Map<Long, Set<Dimension>> dimensions(Collection<Long> ids) {
        Map<Long, Set<Dimension>> out = new HashMap<>();
        ids.forEach(id -> out.put(id, EnumSet.noneOf(Dimension.class)));
        db.select(PRACTICE_NOTE_DIMENSION.NOTE_ID, PRACTICE_NOTE_DIMENSION.DIMENSION).from(PRACTICE_NOTE_DIMENSION)
                .where(PRACTICE_NOTE_DIMENSION.NOTE_ID.in(ids))
                .forEach(r -> out.get(r.value1()).add(Dimension.valueOf(r.value2())));
        return out;
    }

    static org.jooq.TableField<org.praxis.jooq.tables.records.PracticeNoteRecord, String> column(NoteField f) {
        return switch (f) {
            case TRIED -> N.TRIED;
            case CONTEXT -> N.CONTEXT;
            case HAPPENED -> N.HAPPENED;
            case LEARNED -> N.LEARNED;
            case DIFFERENTLY -> N.DIFFERENTLY;
            case AFFECTED -> N.AFFECTED;
        };
    }

    private record Row(long id, long cohortId, Long authorId, boolean draft, NoteVisibility visibility, String title,
            OffsetDateTime consentAt, OffsetDateTime publishedAt) {
    }

    private Row row(long id) {
        var r = db.select(N.ID, N.COHORT_ID, N.AUTHOR_ID, N.DRAFT, N.VISIBILITY, N.TITLE, N.CONSENT_AT, N.PUBLISHED_AT)
                .from(N).where(N.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new AccessDeniedException("No note " + id);
        }
        return new Row(r.value1(), r.value2(), r.value3(), r.value4(), NoteVisibility.valueOf(r.value5()), r.value6(),
                r.value7(), r.value8());
    }

    private void requireReader(Row row, PraxisUser me) {
        if (!db.fetchExists(DSL.selectOne().from(N).where(N.ID.eq(row.id)).and(readableBy(DSL.val(me.id()))))) {
            throw new AccessDeniedException("Not readable: note " + row.id);
        }
    }

    private void requireAuthor(Row row, PraxisUser me) {
        if (!java.util.Objects.equals(row.authorId, me.id())) {
            requireReader(row, me);
            throw new AccessDeniedException("Not the author of note " + row.id);
        }
    }

    private void validate(long cohortId, NoteDraft d, boolean posting) {
        Validation v = new Validation().required("title", d.title(), TITLE_MAX);
        v.check(d.area() != null, "area", "validation.required");
        for (NoteField f : NoteField.values()) {
            if (posting && (f == NoteField.TRIED || f == NoteField.LEARNED)) {
                v.required(f.key(), d.get(f), f.max());
            } else {
                v.maxLength(f.key(), d.get(f), f.max());
            }
        }
        v.check(d.tags().size() <= TAGS_MAX, "tags", "analysis.tags.too-many");
        for (String tag : d.tags()) {
            v.maxLength("tags", tag, TAG_MAX);
        }
        v.check(d.visibility() != NoteVisibility.NETWORK || d.networkConsent(), "consent", "note.consent.required");
        if (d.sessionId() != null) {
            v.check(sessions.cohortOf(d.sessionId()).filter(c -> c == cohortId).isPresent(), "session",
                    "note.link.outside");
        }
        if (d.commitmentId() != null) {
            v.check(commitments.mine().stream().anyMatch(c -> c.id() == d.commitmentId() && c.cohortId() == cohortId),
                    "commitment", "note.link.outside");
        }
        if (d.analysisId() != null) {
            v.check(analyses.titleIfReadable(d.analysisId()).isPresent(), "analysis", "note.link.outside");
        }
        if (d.responseId() != null) {
            v.check(worksheets.ownResponseTitle(d.responseId()).isPresent(), "response", "note.link.outside");
        }
        if (d.threadId() != null) {
            v.check(Long.valueOf(cohortId).equals(db.select(Threads.cohortId(DSL.val(d.threadId())))
                    .fetchOne(0, Long.class)), "thread", "note.link.outside");
        }
        v.throwIfInvalid();
    }

    private Map<Field<?>, Object> values(NoteDraft d, Row before, OffsetDateTime now) {
        Set<String> tags = new LinkedHashSet<>();
        d.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        Map<Field<?>, Object> v = new HashMap<>();
        v.put(N.TITLE, d.title().strip());
        for (NoteField f : NoteField.values()) {
            v.put(column(f), d.get(f).strip());
        }
        v.put(N.POLICY_AREA, d.area().name());
        v.put(N.TAGS, tags.toArray(String[]::new));
        v.put(N.VISIBILITY, d.visibility().name());
        v.put(N.KEEP_NAME, d.keepName());
        boolean network = d.visibility() == NoteVisibility.NETWORK;
        boolean wasNetwork = before != null && before.visibility == NoteVisibility.NETWORK && before.consentAt != null;
        v.put(N.CONSENT_AT, network ? (wasNetwork ? before.consentAt : now) : DSL.inline((OffsetDateTime) null));
        if (!network) {
            v.put(N.PUBLISHED_AT, DSL.inline((OffsetDateTime) null));
            v.put(N.PUBLISHED_BY, DSL.inline((Long) null));
        }
        v.put(N.SESSION_ID, orNull(d.sessionId()));
        v.put(N.COMMITMENT_ID, orNull(d.commitmentId()));
        v.put(N.ANALYSIS_ID, orNull(d.analysisId()));
        v.put(N.RESPONSE_ID, orNull(d.responseId()));
        v.put(N.LINKED_THREAD_ID, orNull(d.threadId()));
        return v;
    }

    private static Object orNull(Long id) {
        return id == null ? DSL.inline((Long) null) : id;
    }

    private void writeDimensions(long id, Set<Dimension> dims) {
        db.deleteFrom(PRACTICE_NOTE_DIMENSION).where(PRACTICE_NOTE_DIMENSION.NOTE_ID.eq(id)).execute();
        for (Dimension d : dims) {
            db.insertInto(PRACTICE_NOTE_DIMENSION).set(PRACTICE_NOTE_DIMENSION.NOTE_ID, id)
                    .set(PRACTICE_NOTE_DIMENSION.DIMENSION, d.name()).execute();
        }
    }
}
