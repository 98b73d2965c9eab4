package org.praxis.analysis;

import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.ANALYSIS_AUTHOR;
import static org.praxis.jooq.Tables.ANALYSIS_COMMENT;
import static org.praxis.jooq.Tables.ANALYSIS_DIMENSION;
import static org.praxis.jooq.Tables.ANALYSIS_SESSION;
import static org.praxis.jooq.Tables.ANALYSIS_THREAD;
import static org.praxis.jooq.Tables.ANALYSIS_VERSION;
import static org.praxis.jooq.Tables.ANALYSIS_VISIT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.text.Markdown;
import org.praxis.base.text.WordDiff;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.Threads;
import org.praxis.member.Members;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationService;
import org.praxis.organization.Organizations;
import org.praxis.search.SearchOutbox;
import org.praxis.session.SessionService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policy analyses. A draft is readable and editable by its authors only; sharing gives it to the
 * cohort (version 1, and a review thread); every later save by an author makes a new version; a
 * facilitator of the cohort may publish it to every cohort, link it to sessions and feature it.
 * Every rule is checked here, whatever the view did; shared analyses go through the search outbox.
 */
@Service
public class AnalysisService {

    public static final int TITLE_MAX = 200;
    public static final int TAG_MAX = 40;
    public static final int TAGS_MAX = 12;
    public static final int COMMENT_MAX = 5_000;

    private static final TypeReference<Map<String, String>> SECTIONS = new TypeReference<>() {
    };

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Markdown markdown;
    private final SearchOutbox outbox;
    private final ThreadService threads;
    private final AuditService audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final SessionService sessions;
    private final NotificationService notifications;

    AnalysisService(DSLContext db, CohortAccess access, CurrentUser currentUser, Markdown markdown, SearchOutbox outbox,
            ThreadService threads, AuditService audit, ObjectMapper json, Clock clock, SessionService sessions,
            NotificationService notifications) {
        this.notifications = notifications;
        this.sessions = sessions;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.markdown = markdown;
        this.outbox = outbox;
        this.threads = threads;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    // ---- writing

    /** A member starts a draft in their cohort; they are its first author. */
    /**
     * How many of the cohort's analyses were shared with it in {@code [from, to)}, by policy area
     * (drafts never count; areas with none are left out); for those who read the cohort's report.
     */
    @Transactional(readOnly = true)
    public java.util.Map<PolicyArea, Integer> sharedByArea(long cohortId, java.time.Instant from, java.time.Instant to) {
        access.requireRunning(cohortId);
        java.util.Map<PolicyArea, Integer> out = new java.util.EnumMap<>(PolicyArea.class);
        db.select(ANALYSIS.POLICY_AREA, DSL.count()).from(ANALYSIS)
                .where(ANALYSIS.COHORT_ID.eq(cohortId)).and(ANALYSIS.STATUS.ne(AnalysisStatus.DRAFT.name()))
                .and(ANALYSIS.SHARED_AT.ge(from.atOffset(java.time.ZoneOffset.UTC)))
                .and(ANALYSIS.SHARED_AT.lt(to.atOffset(java.time.ZoneOffset.UTC)))
                .groupBy(ANALYSIS.POLICY_AREA)
                .forEach(r -> out.put(PolicyArea.valueOf(r.value1()), r.value2()));
        return out;
    }

    @Transactional
    public long create(long cohortId, AnalysisDraft draft) {
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        validate(cohortId, draft);
        long id = db.insertInto(ANALYSIS)
                .set(ANALYSIS.COHORT_ID, cohortId)
                .set(ANALYSIS.CREATED_BY, me.id())
                .set(ANALYSIS.CREATED_AT, OffsetDateTime.now(clock))
                .set(values(draft))
                .returning(ANALYSIS.ID).fetchOne(ANALYSIS.ID);
        db.insertInto(ANALYSIS_AUTHOR).set(ANALYSIS_AUTHOR.ANALYSIS_ID, id).set(ANALYSIS_AUTHOR.MEMBER_ID, me.id()).execute();
        writeFacts(id, me.id(), draft);
        audit.record(me.id(), "analysis.created", "analysis", id, null, null);
        return id;
    }

    /**
     * An author saves. {@code lockVersion} is what their editor loaded: if another author saved
     * since, nothing is written and {@link EditConflictException} carries the saved text. A
     * shared analysis gets a new version. Returns the new lock version.
     */
    @Transactional
    public int save(long id, int lockVersion, AnalysisDraft draft) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        validate(row.cohortId, draft);
        int updated = db.update(ANALYSIS)
                .set(values(draft))
                .set(ANALYSIS.LOCK_VERSION, ANALYSIS.LOCK_VERSION.plus(1))
                .set(ANALYSIS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(ANALYSIS.STATUS, row.status == AnalysisStatus.DRAFT ? AnalysisStatus.DRAFT.name()
                        : AnalysisStatus.REVISED.name())
                .where(ANALYSIS.ID.eq(id)).and(ANALYSIS.LOCK_VERSION.eq(lockVersion))
                .execute();
        if (updated == 0) {
            throw new EditConflictException(read(id));
        }
        writeFacts(id, row.createdBy == null ? me.id() : row.createdBy, draft);
        if (row.status != AnalysisStatus.DRAFT) {
            version(id, me.id());
            outbox.upsert(SearchOutbox.Type.ANALYSIS, id);
        }
        return lockVersion + 1;
    }

    /** An author shares the draft with the cohort: version 1, and a thread for peer review. */
    @Transactional
    public void share(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireAuthor(row, me);
        access.requireOpen(row.cohortId);
        if (row.status != AnalysisStatus.DRAFT) {
            return;
        }
        AnalysisDraft draft = read(id).toDraft();
        Validation check = new Validation();
        for (Section s : Section.values()) {
            check.check(!draft.sections().get(s).isBlank(), "section." + s.key(), "analysis.share.section-empty");
        }
        check.throwIfInvalid();
        long thread = threads.openForReview(row.cohortId, row.title);
        db.update(ANALYSIS)
                .set(ANALYSIS.STATUS, AnalysisStatus.SHARED.name())
                .set(ANALYSIS.SHARED_AT, OffsetDateTime.now(clock))
                .set(ANALYSIS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(ANALYSIS.THREAD_ID, thread)
                .set(ANALYSIS.LOCK_VERSION, ANALYSIS.LOCK_VERSION.plus(1))
                .where(ANALYSIS.ID.eq(id)).execute();
        version(id, me.id());
        outbox.upsert(SearchOutbox.Type.ANALYSIS, id);
        audit.record(me.id(), "analysis.shared", "analysis", id, null, null);
    }

    /** A facilitator of the cohort publishes a shared analysis to every cohort, or takes that back. */
    @Transactional
    public void publish(long id, boolean published) {
        Row row = row(id);
        PraxisUser me = access.requireFacilitator(row.cohortId);
        access.requireOpen(row.cohortId);
        if (row.status == AnalysisStatus.DRAFT) {
            throw new AccessDeniedException("A draft cannot be published");
        }
        db.update(ANALYSIS).set(ANALYSIS.PUBLISHED, published).where(ANALYSIS.ID.eq(id)).execute();
        outbox.upsert(SearchOutbox.Type.ANALYSIS, id);
        audit.record(me.id(), published ? "analysis.published" : "analysis.unpublished", "analysis", id, null, null);
    }

    /** A facilitator links a shared analysis to a session of its cohort, featured or not. */
    @Transactional
    public void linkToSession(long id, long sessionId, boolean featured) {
        Row row = row(id);
        PraxisUser me = access.requireFacilitator(row.cohortId);
        access.requireOpen(row.cohortId);
        boolean ofItsCohort = sessions.cohortOf(sessionId).filter(c -> c == row.cohortId).isPresent();
        if (!ofItsCohort || row.status == AnalysisStatus.DRAFT) {
            throw new AccessDeniedException("Not a session of this analysis's cohort");
        }
        db.insertInto(ANALYSIS_SESSION).set(ANALYSIS_SESSION.ANALYSIS_ID, id).set(ANALYSIS_SESSION.SESSION_ID, sessionId)
                .set(ANALYSIS_SESSION.FEATURED, featured)
                .onConflict(ANALYSIS_SESSION.ANALYSIS_ID, ANALYSIS_SESSION.SESSION_ID).doUpdate()
                .set(ANALYSIS_SESSION.FEATURED, featured).execute();
        audit.record(me.id(), featured ? "analysis.featured" : "analysis.linked", "analysis", id, null, null);
    }

    /** For a facilitator: the sessions of the analysis's cohort, to link or feature it for. */
    @Transactional(readOnly = true)
    public List<SessionChoice> sessionChoices(long id) {
        Row row = row(id);
        access.requireFacilitator(row.cohortId);
        return sessions.sessionsOf(row.cohortId).stream()
                .map(s -> new SessionChoice(s.id(), s.title(), s.startsAt().toOffsetDateTime())).toList();
    }

    /** The analyses linked to a session that the reader may see, featured first. */
    @Transactional(readOnly = true)
    public List<AnalysisSummary> forSession(long sessionId) {
        Long cohortId = sessions.cohortOf(sessionId).orElse(null);
        if (cohortId == null) {
            return List.of();
        }
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        var rows = db.select(ANALYSIS.ID, ANALYSIS.TITLE, Organizations.name(ANALYSIS.ORGANIZATION_ID),
                        ANALYSIS.POLICY_AREA, ANALYSIS.STATUS,
                        ANALYSIS.PUBLISHED, ANALYSIS.UPDATED_AT, ANALYSIS_SESSION.FEATURED)
                .from(ANALYSIS_SESSION).join(ANALYSIS).on(ANALYSIS.ID.eq(ANALYSIS_SESSION.ANALYSIS_ID))
                .where(ANALYSIS_SESSION.SESSION_ID.eq(sessionId)).and(visibleTo(me))
                .orderBy(ANALYSIS_SESSION.FEATURED.desc(), ANALYSIS.TITLE)
                .fetch();
        List<Long> ids = rows.map(r -> r.value1());
        Map<Long, Set<Dimension>> dims = dimensions(ids);
        Map<Long, List<String>> authors = authorNames(ids);
        List<AnalysisSummary> out = new ArrayList<>();
        for (var r : rows) {
            out.add(new AnalysisSummary(r.value1(), r.value2(), r.value3(), PolicyArea.valueOf(r.value4()),
                    dims.get(r.value1()), AnalysisStatus.valueOf(r.value5()), r.value6(), authors.get(r.value1()), 0,
                    r.value7(), r.value8()));
        }
        return out;
    }

    /** A facilitator links a shared analysis to a thread of its cohort where it was discussed. */
    @Transactional
    public void linkToThread(long id, long threadId) {
        Row row = row(id);
        PraxisUser me = access.requireFacilitator(row.cohortId);
        access.requireOpen(row.cohortId);
        Long threadCohort = db.select(Threads.cohortId(DSL.val(threadId))).fetchOne(0, Long.class);
        if (threadCohort == null || threadCohort != row.cohortId || row.status == AnalysisStatus.DRAFT) {
            throw new AccessDeniedException("Not a thread of this analysis's cohort");
        }
        db.insertInto(ANALYSIS_THREAD).set(ANALYSIS_THREAD.ANALYSIS_ID, id).set(ANALYSIS_THREAD.THREAD_ID, threadId)
                .onConflictDoNothing().execute();
        audit.record(me.id(), "analysis.linked-thread", "analysis", id, null, null);
    }

    /** For a facilitator: the cohort's threads, newest first, to link the analysis to. */
    @Transactional(readOnly = true)
    public List<ThreadChoice> threadChoices(long id) {
        Row row = row(id);
        access.requireFacilitator(row.cohortId);
        return threads.recentTitles(row.cohortId, 200).entrySet().stream()
                .map(t -> new ThreadChoice(t.getKey(), t.getValue())).toList();
    }

    /** The threads the analysis is linked to, for its readers. */
    @Transactional(readOnly = true)
    public List<ThreadChoice> linkedThreads(long id) {
        requireReader(row(id), currentUser.require());
        var title = Threads.title(ANALYSIS_THREAD.THREAD_ID);
        return db.select(ANALYSIS_THREAD.THREAD_ID, title).from(ANALYSIS_THREAD)
                .where(ANALYSIS_THREAD.ANALYSIS_ID.eq(id)).orderBy(title)
                .fetch(r -> new ThreadChoice(r.value1(), r.value2()));
    }

    /** A reader comments on one section of the current version. */
    @Transactional
    public long comment(long id, Section section, String body) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        if (row.status == AnalysisStatus.DRAFT) {
            throw new AccessDeniedException("Drafts are not open for review");
        }
        access.requireOpen(row.cohortId);
        new Validation().required("comment", body, COMMENT_MAX).throwIfInvalid();
        int current = versionCount(id);
        long comment = db.insertInto(ANALYSIS_COMMENT)
                .set(ANALYSIS_COMMENT.ANALYSIS_ID, id)
                .set(ANALYSIS_COMMENT.VERSION_NUMBER, current)
                .set(ANALYSIS_COMMENT.SECTION, section.key())
                .set(ANALYSIS_COMMENT.AUTHOR_ID, me.id())
                .set(ANALYSIS_COMMENT.BODY_MARKDOWN, body.strip())
                .set(ANALYSIS_COMMENT.BODY_HTML, markdown.toSafeHtml(body.strip()))
                .set(ANALYSIS_COMMENT.CREATED_AT, OffsetDateTime.now(clock))
                .returning(ANALYSIS_COMMENT.ID).fetchOne(ANALYSIS_COMMENT.ID);
        notifyAuthors(id, comment, me);
        return comment;
    }

    /** Its authors (but the one who wrote the comment) hear of a comment, which their notice opens. */
    private void notifyAuthors(long id, long comment, PraxisUser me) {
        String title = db.select(ANALYSIS.TITLE).from(ANALYSIS).where(ANALYSIS.ID.eq(id)).fetchSingle(ANALYSIS.TITLE);
        db.select(ANALYSIS_AUTHOR.MEMBER_ID).from(ANALYSIS_AUTHOR).where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(id))
                .and(ANALYSIS_AUTHOR.MEMBER_ID.ne(me.id())).and(Members.active(ANALYSIS_AUTHOR.MEMBER_ID))
                .fetch(ANALYSIS_AUTHOR.MEMBER_ID)
                .forEach(author -> notifications.notify(author, NotificationKind.ANALYSIS_COMMENT,
                        "analyses/" + id + "?comment=" + comment, title, me.id()));
    }

    // ---- reading

    /** The analysis, for someone who may read it. */
    @Transactional(readOnly = true)
    public AnalysisDetails read(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        var r = db.select(ANALYSIS.TITLE, ANALYSIS.ORGANIZATION_ID,
                        Organizations.name(ANALYSIS.ORGANIZATION_ID), ANALYSIS.POLICY_AREA, ANALYSIS.TAGS,
                        ANALYSIS.SECTIONS, ANALYSIS.LOCK_VERSION, ANALYSIS.THREAD_ID, ANALYSIS.UPDATED_AT, ANALYSIS.PUBLISHED)
                .from(ANALYSIS)
                .where(ANALYSIS.ID.eq(id)).fetchSingle();
        Map<Section, String> md = sections(r.value6());
        Map<Section, String> html = new EnumMap<>(Section.class);
        md.forEach((s, text) -> html.put(s, markdown.toSafeHtml(text)));
        List<Long> authorIds = new ArrayList<>();
        List<String> authorNames = new ArrayList<>();
        db.select(ANALYSIS_AUTHOR.MEMBER_ID, Members.displayName(ANALYSIS_AUTHOR.MEMBER_ID)).from(ANALYSIS_AUTHOR)
                .where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(id)).orderBy(ANALYSIS_AUTHOR.MEMBER_ID)
                .forEach(a -> {
                    authorIds.add(a.value1());
                    authorNames.add(a.value2());
                });
        boolean facilitator = access.roleOf(row.cohortId, me.id()).orElse(null) == CohortRole.FACILITATOR;
        List<Long> coAuthors = authorIds.stream().filter(a -> !a.equals(row.createdBy)).toList();
        return new AnalysisDetails(id, row.cohortId, r.value1(), r.value2(), r.value3(), PolicyArea.valueOf(r.value4()),
                dimensions(id), List.of(r.value5()), row.status, r.value10(), md, html, authorIds, authorNames,
                versionCount(id), r.value7(), r.value8(), r.value9(), authorIds.contains(me.id()), facilitator, coAuthors);
    }

    /** The analysis's title when the reader may read it; empty otherwise (no refusal, for links from elsewhere). */
    @Transactional(readOnly = true)
    public java.util.Optional<String> titleIfReadable(long id) {
        PraxisUser me = currentUser.require();
        return java.util.Optional.ofNullable(db.select(ANALYSIS.TITLE).from(ANALYSIS).where(ANALYSIS.ID.eq(id))
                .and(visibleTo(me)).fetchOne(ANALYSIS.TITLE));
    }

    /** The analyses the reader may see in the cohort's library (and those published to all), filtered and ordered. */
    @Transactional(readOnly = true)
    public List<AnalysisSummary> library(long cohortId, LibraryFilter filter) {
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        Condition where = visibleTo(me).and(ANALYSIS.COHORT_ID.eq(cohortId).or(ANALYSIS.PUBLISHED.isTrue()));
        if (filter.area() != null) {
            where = where.and(ANALYSIS.POLICY_AREA.eq(filter.area().name()));
        }
        if (filter.dimension() != null) {
            where = where.and(DSL.exists(DSL.selectOne().from(ANALYSIS_DIMENSION)
                    .where(ANALYSIS_DIMENSION.ANALYSIS_ID.eq(ANALYSIS.ID))
                    .and(ANALYSIS_DIMENSION.DIMENSION.eq(filter.dimension().name()))));
        }
        if (filter.organizationId() != null) {
            where = where.and(ANALYSIS.ORGANIZATION_ID.eq(filter.organizationId()));
        }
        if (filter.status() != null) {
            where = where.and(ANALYSIS.STATUS.eq(filter.status().name()));
        }
        if (filter.authorId() != null) {
            where = where.and(DSL.exists(DSL.selectOne().from(ANALYSIS_AUTHOR)
                    .where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(ANALYSIS.ID)).and(ANALYSIS_AUTHOR.MEMBER_ID.eq(filter.authorId()))));
        }
        var comments = DSL.field(DSL.selectCount().from(ANALYSIS_COMMENT).where(ANALYSIS_COMMENT.ANALYSIS_ID.eq(ANALYSIS.ID)));
        var featured = DSL.field(DSL.exists(DSL.selectOne().from(ANALYSIS_SESSION)
                .where(ANALYSIS_SESSION.ANALYSIS_ID.eq(ANALYSIS.ID)).and(ANALYSIS_SESSION.FEATURED.isTrue())));
        var rows = db.select(ANALYSIS.ID, ANALYSIS.TITLE, Organizations.name(ANALYSIS.ORGANIZATION_ID),
                        ANALYSIS.POLICY_AREA, ANALYSIS.STATUS,
                        ANALYSIS.PUBLISHED, comments, ANALYSIS.UPDATED_AT, featured)
                .from(ANALYSIS)
                .where(where)
                .orderBy(filter.order() == LibraryFilter.Order.MOST_DISCUSSED
                        ? List.of(comments.desc(), ANALYSIS.UPDATED_AT.desc())
                        : List.of(ANALYSIS.UPDATED_AT.desc(), ANALYSIS.ID.desc()))
                .limit(500)
                .fetch();
        List<Long> ids = rows.map(r -> r.value1());
        Map<Long, Set<Dimension>> dims = dimensions(ids);
        Map<Long, List<String>> authors = authorNames(ids);
        List<AnalysisSummary> out = new ArrayList<>();
        for (var r : rows) {
            out.add(new AnalysisSummary(r.value1(), r.value2(), r.value3(), PolicyArea.valueOf(r.value4()),
                    dims.get(r.value1()), AnalysisStatus.valueOf(r.value5()), r.value6(), authors.get(r.value1()),
                    r.value7(), r.value8(), r.value9()));
        }
        return out;
    }

    /** Every version of a shared analysis, oldest first. */
    @Transactional(readOnly = true)
    public List<AnalysisVersion> versions(long id) {
        requireReader(row(id), currentUser.require());
        return db.select(ANALYSIS_VERSION.NUMBER, ANALYSIS_VERSION.TITLE, ANALYSIS_VERSION.SECTIONS,
                        Members.displayName(ANALYSIS_VERSION.SAVED_BY), ANALYSIS_VERSION.SAVED_AT)
                .from(ANALYSIS_VERSION)
                .where(ANALYSIS_VERSION.ANALYSIS_ID.eq(id)).orderBy(ANALYSIS_VERSION.NUMBER)
                .fetch(r -> new AnalysisVersion(r.value1(), r.value2(), sections(r.value3()), r.value4(), r.value5()));
    }

    /** Two versions side by side, section by section, with the words added and removed marked. */
    @Transactional(readOnly = true)
    public Map<Section, List<WordDiff.Segment>> compare(long id, int from, int to) {
        List<AnalysisVersion> all = versions(id);
        AnalysisVersion a = all.stream().filter(v -> v.number() == from).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No version " + from));
        AnalysisVersion b = all.stream().filter(v -> v.number() == to).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No version " + to));
        Map<Section, List<WordDiff.Segment>> out = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            out.put(s, WordDiff.between(a.markdown().get(s), b.markdown().get(s)));
        }
        return out;
    }

    /** Comments on the sections, oldest first, each with the version it was made on. */
    @Transactional(readOnly = true)
    public List<SectionComment> comments(long id) {
        requireReader(row(id), currentUser.require());
        return db.select(ANALYSIS_COMMENT.ID, ANALYSIS_COMMENT.SECTION, ANALYSIS_COMMENT.VERSION_NUMBER,
                        Members.displayName(ANALYSIS_COMMENT.AUTHOR_ID), ANALYSIS_COMMENT.BODY_HTML, ANALYSIS_COMMENT.CREATED_AT)
                .from(ANALYSIS_COMMENT)
                .where(ANALYSIS_COMMENT.ANALYSIS_ID.eq(id)).and(ANALYSIS_COMMENT.AUTHOR_ID.isNotNull())
                .orderBy(ANALYSIS_COMMENT.CREATED_AT, ANALYSIS_COMMENT.ID)
                .fetch(r -> new SectionComment(r.value1(), Section.valueOf(r.value2().toUpperCase(java.util.Locale.ROOT)),
                        r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * For an author: what came since their last visit (new comments and versions by others),
     * and marks now as their last visit. Empty for anyone else.
     */
    @Transactional
    public List<String> newSinceLastVisit(long id) {
        PraxisUser me = currentUser.require();
        Row row = row(id);
        requireReader(row, me);
        if (!isAuthor(id, me.id())) {
            return List.of();
        }
        OffsetDateTime last = db.select(ANALYSIS_VISIT.SEEN_AT).from(ANALYSIS_VISIT)
                .where(ANALYSIS_VISIT.ANALYSIS_ID.eq(id)).and(ANALYSIS_VISIT.MEMBER_ID.eq(me.id()))
                .fetchOne(ANALYSIS_VISIT.SEEN_AT);
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(ANALYSIS_VISIT).set(ANALYSIS_VISIT.ANALYSIS_ID, id).set(ANALYSIS_VISIT.MEMBER_ID, me.id())
                .set(ANALYSIS_VISIT.SEEN_AT, now)
                .onConflict(ANALYSIS_VISIT.ANALYSIS_ID, ANALYSIS_VISIT.MEMBER_ID).doUpdate()
                .set(ANALYSIS_VISIT.SEEN_AT, now).execute();
        if (last == null) {
            return List.of();
        }
        List<String> news = new ArrayList<>();
        db.select(ANALYSIS_COMMENT.SECTION, Members.displayName(ANALYSIS_COMMENT.AUTHOR_ID)).from(ANALYSIS_COMMENT)
                .where(ANALYSIS_COMMENT.ANALYSIS_ID.eq(id)).and(ANALYSIS_COMMENT.AUTHOR_ID.isNotNull())
                .and(ANALYSIS_COMMENT.CREATED_AT.gt(last))
                .and(ANALYSIS_COMMENT.AUTHOR_ID.ne(me.id())).orderBy(ANALYSIS_COMMENT.CREATED_AT)
                .forEach(r -> news.add("comment:" + r.value1() + ":" + r.value2()));
        db.select(ANALYSIS_VERSION.NUMBER, Members.displayName(ANALYSIS_VERSION.SAVED_BY)).from(ANALYSIS_VERSION)
                .where(ANALYSIS_VERSION.ANALYSIS_ID.eq(id)).and(ANALYSIS_VERSION.SAVED_BY.isNotNull())
                .and(ANALYSIS_VERSION.SAVED_AT.gt(last))
                .and(ANALYSIS_VERSION.SAVED_BY.ne(me.id())).orderBy(ANALYSIS_VERSION.NUMBER)
                .forEach(r -> news.add("version:" + r.value1() + ":" + r.value2()));
        return news;
    }

    /** The analysis as Markdown, for a reader to take away. */
    @Transactional(readOnly = true)
    public String exportMarkdown(long id, java.util.function.Function<String, String> translate) {
        AnalysisDetails a = read(id);
        StringBuilder out = new StringBuilder();
        out.append("# ").append(a.title()).append("\n\n");
        if (a.organization() != null) {
            out.append(translate.apply("analysis.organization")).append(": ").append(a.organization()).append("  \n");
        }
        out.append(translate.apply("analysis.area")).append(": ")
                .append(translate.apply("analysis.area." + a.area().name().toLowerCase(java.util.Locale.ROOT))).append("  \n");
        out.append(translate.apply("analysis.authors")).append(": ").append(String.join(", ", a.authors())).append("\n\n");
        for (Section s : Section.values()) {
            out.append("## ").append(translate.apply("analysis.section." + s.key())).append("\n\n")
                    .append(a.markdown().get(s).strip()).append("\n\n");
        }
        return out.toString();
    }

    /** The analysis as a PDF, for a reader to print or send. */
    @Transactional(readOnly = true)
    public byte[] exportPdf(long id, java.util.function.Function<String, String> translate) {
        return AnalysisPdf.render(read(id), translate);
    }

    /**
     * The titles of analyses others shared with a person's cohorts since then, newest first: for
     * a digest built while nobody is signed in, so the person is given, not the signed-in one.
     */
    @Transactional(readOnly = true)
    public List<String> sharedWithSince(long memberId, OffsetDateTime since, int limit) {
        return db.select(ANALYSIS.TITLE).from(ANALYSIS)
                .where(ANALYSIS.STATUS.ne(AnalysisStatus.DRAFT.name())).and(ANALYSIS.SHARED_AT.gt(since))
                .and(ANALYSIS.CREATED_BY.ne(memberId)).and(CohortAccess.memberOf(ANALYSIS.COHORT_ID, DSL.val(memberId)))
                .orderBy(ANALYSIS.SHARED_AT.desc()).limit(limit).fetch(ANALYSIS.TITLE);
    }

    /** An analysis shared in the cohort's library since the reader's last visit, for home. */
    public record LibraryNews(long id, String title, List<String> authors, OffsetDateTime sharedAt) {
    }

    /** New comments by others on one of the reader's analyses, for home. */
    public record CommentNews(long id, String title, int count, String lastBy, OffsetDateTime lastAt) {
    }

    /**
     * For home: analyses others shared in the cohort's library since then that the reader may
     * read, newest first.
     */
    @Transactional(readOnly = true)
    public List<LibraryNews> sharedInLibrarySince(long cohortId, OffsetDateTime since, int limit) {
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        var rows = db.select(ANALYSIS.ID, ANALYSIS.TITLE, ANALYSIS.SHARED_AT).from(ANALYSIS)
                .where(ANALYSIS.COHORT_ID.eq(cohortId)).and(ANALYSIS.STATUS.ne(AnalysisStatus.DRAFT.name()))
                .and(ANALYSIS.SHARED_AT.gt(since)).and(visibleTo(me))
                .andNotExists(DSL.selectOne().from(ANALYSIS_AUTHOR).where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(ANALYSIS.ID))
                        .and(ANALYSIS_AUTHOR.MEMBER_ID.eq(me.id())))
                .orderBy(ANALYSIS.SHARED_AT.desc(), ANALYSIS.ID.desc()).limit(limit).fetch();
        Map<Long, List<String>> authors = authorNames(rows.map(r -> r.value1()));
        return rows.map(r -> new LibraryNews(r.value1(), r.value2(), authors.getOrDefault(r.value1(), List.of()),
                r.value3()));
    }

    /**
     * For home: the reader's analyses in the cohort with comments by others since then, with how
     * many and who wrote the latest, the latest first.
     */
    @Transactional(readOnly = true)
    public List<CommentNews> commentsOnMineSince(long cohortId, OffsetDateTime since, int limit) {
        access.requireMember(cohortId);
        PraxisUser me = currentUser.require();
        var latest = ANALYSIS_COMMENT.as("latest_comment");
        var lastBy = DSL.field(DSL.select(Members.displayName(latest.AUTHOR_ID)).from(latest)
                .where(latest.ANALYSIS_ID.eq(ANALYSIS.ID)).and(latest.AUTHOR_ID.isNotNull())
                .and(latest.AUTHOR_ID.ne(me.id()))
                .orderBy(latest.CREATED_AT.desc(), latest.ID.desc()).limit(1));
        var lastAt = DSL.max(ANALYSIS_COMMENT.CREATED_AT);
        return db.select(ANALYSIS.ID, ANALYSIS.TITLE, DSL.count(), lastBy, lastAt)
                .from(ANALYSIS_COMMENT).join(ANALYSIS).on(ANALYSIS.ID.eq(ANALYSIS_COMMENT.ANALYSIS_ID))
                .where(ANALYSIS.COHORT_ID.eq(cohortId)).and(ANALYSIS_COMMENT.CREATED_AT.gt(since))
                .and(ANALYSIS_COMMENT.AUTHOR_ID.isNotNull()).and(ANALYSIS_COMMENT.AUTHOR_ID.ne(me.id()))
                .andExists(DSL.selectOne().from(ANALYSIS_AUTHOR).where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(ANALYSIS.ID))
                        .and(ANALYSIS_AUTHOR.MEMBER_ID.eq(me.id())))
                .groupBy(ANALYSIS.ID, ANALYSIS.TITLE)
                .orderBy(lastAt.desc()).limit(limit)
                .fetch(r -> new CommentNews(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Markdown of an analysis (say, of an older version) as sanitised HTML to show. */
    public String renderMarkdown(String text) {
        return markdown.toSafeHtml(text == null ? "" : text);
    }

    // ---- rules

    /** What the reader may see: their own analyses, and shared ones of their cohorts or published ones. */
    private static Condition visibleTo(PraxisUser me) {
        return DSL.exists(DSL.selectOne().from(ANALYSIS_AUTHOR).where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(ANALYSIS.ID))
                        .and(ANALYSIS_AUTHOR.MEMBER_ID.eq(me.id())))
                .or(ANALYSIS.STATUS.ne(AnalysisStatus.DRAFT.name()).and(ANALYSIS.PUBLISHED.isTrue()
                        .or(CohortAccess.memberOf(ANALYSIS.COHORT_ID, DSL.val(me.id())))));
    }

    private void requireReader(Row row, PraxisUser me) {
        boolean visible = db.fetchExists(DSL.selectOne().from(ANALYSIS).where(ANALYSIS.ID.eq(row.id)).and(visibleTo(me)));
        if (!visible) {
            throw new AccessDeniedException("Not readable: analysis " + row.id);
        }
    }

    private void requireAuthor(Row row, PraxisUser me) {
        if (!isAuthor(row.id, me.id())) {
            // a draft of someone else looks like nothing at all
            requireReader(row, me);
            throw new AccessDeniedException("Not an author of analysis " + row.id);
        }
    }

    private boolean isAuthor(long id, long memberId) {
        return db.fetchExists(ANALYSIS_AUTHOR, ANALYSIS_AUTHOR.ANALYSIS_ID.eq(id).and(ANALYSIS_AUTHOR.MEMBER_ID.eq(memberId)));
    }

    private record Row(long id, long cohortId, AnalysisStatus status, String title, Long createdBy) {
    }

    private Row row(long id) {
        var r = db.select(ANALYSIS.ID, ANALYSIS.COHORT_ID, ANALYSIS.STATUS, ANALYSIS.TITLE, ANALYSIS.CREATED_BY)
                .from(ANALYSIS).where(ANALYSIS.ID.eq(id)).fetchOne();
        if (r == null) {
            throw new AccessDeniedException("No analysis " + id);
        }
        return new Row(r.value1(), r.value2(), AnalysisStatus.valueOf(r.value3()), r.value4(), r.value5());
    }

    private void validate(long cohortId, AnalysisDraft d) {
        Validation v = new Validation().required("title", d.title(), TITLE_MAX);
        v.check(d.area() != null, "area", "validation.required");
        for (Section s : Section.values()) {
            v.maxLength("section." + s.key(), d.sections().get(s), Section.MAX);
        }
        v.check(d.tags().size() <= TAGS_MAX, "tags", "analysis.tags.too-many");
        for (String tag : d.tags()) {
            v.maxLength("tags", tag, TAG_MAX);
        }
        if (!d.coAuthors().isEmpty()) {
            v.check(d.coAuthors().size() == Set.copyOf(d.coAuthors()).size() && access.allIn(cohortId, d.coAuthors()),
                    "coAuthors", "analysis.co-authors.outside");
        }
        v.throwIfInvalid();
    }

    private Map<org.jooq.Field<?>, Object> values(AnalysisDraft d) {
        Set<String> tags = new LinkedHashSet<>();
        d.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
        return Map.of(
                ANALYSIS.TITLE, d.title().strip(),
                ANALYSIS.ORGANIZATION_ID, d.organizationId() == null ? DSL.inline((Long) null) : d.organizationId(),
                ANALYSIS.POLICY_AREA, d.area().name(),
                ANALYSIS.TAGS, tags.toArray(String[]::new),
                ANALYSIS.SECTIONS, JSONB.valueOf(toJson(d.sections())));
    }

    /** Dimensions and co-authors as given (the first author always stays). */
    private void writeFacts(long id, long firstAuthor, AnalysisDraft d) {
        db.deleteFrom(ANALYSIS_DIMENSION).where(ANALYSIS_DIMENSION.ANALYSIS_ID.eq(id)).execute();
        for (Dimension dimension : d.dimensions()) {
            db.insertInto(ANALYSIS_DIMENSION).set(ANALYSIS_DIMENSION.ANALYSIS_ID, id)
                    .set(ANALYSIS_DIMENSION.DIMENSION, dimension.name()).execute();
        }
        db.deleteFrom(ANALYSIS_AUTHOR).where(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(id))
                .and(ANALYSIS_AUTHOR.MEMBER_ID.ne(firstAuthor)).and(ANALYSIS_AUTHOR.MEMBER_ID.notIn(d.coAuthors()))
                .execute();
        for (long coAuthor : d.coAuthors()) {
            db.insertInto(ANALYSIS_AUTHOR).set(ANALYSIS_AUTHOR.ANALYSIS_ID, id).set(ANALYSIS_AUTHOR.MEMBER_ID, coAuthor)
                    .onConflictDoNothing().execute();
        }
    }

    private void version(long id, long savedBy) {
        var r = db.select(ANALYSIS.TITLE, ANALYSIS.SECTIONS).from(ANALYSIS).where(ANALYSIS.ID.eq(id)).fetchSingle();
        db.insertInto(ANALYSIS_VERSION)
                .set(ANALYSIS_VERSION.ANALYSIS_ID, id)
                .set(ANALYSIS_VERSION.NUMBER, versionCount(id) + 1)
                .set(ANALYSIS_VERSION.TITLE, r.value1())
                .set(ANALYSIS_VERSION.SECTIONS, r.value2())
                .set(ANALYSIS_VERSION.SAVED_BY, savedBy)
                .set(ANALYSIS_VERSION.SAVED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    private int versionCount(long id) {
        return db.fetchCount(ANALYSIS_VERSION, ANALYSIS_VERSION.ANALYSIS_ID.eq(id));
    }

    private Set<Dimension> dimensions(long id) {
        return dimensions(List.of(id)).get(id);
    }

    /** The dimensions of each analysis, in one query for a whole list. */
    private Map<Long, Set<Dimension>> dimensions(java.util.Collection<Long> ids) {
        Map<Long, Set<Dimension>> out = new java.util.HashMap<>();
        ids.forEach(id -> out.put(id, EnumSet.noneOf(Dimension.class)));
        db.select(ANALYSIS_DIMENSION.ANALYSIS_ID, ANALYSIS_DIMENSION.DIMENSION).from(ANALYSIS_DIMENSION)
                .where(ANALYSIS_DIMENSION.ANALYSIS_ID.in(ids))
                .forEach(r -> out.get(r.value1()).add(Dimension.valueOf(r.value2())));
        return out;
    }

    /** The authors' names of each analysis, first author first, in one query for a whole list. */
    private Map<Long, List<String>> authorNames(java.util.Collection<Long> ids) {
        Map<Long, List<String>> out = new java.util.HashMap<>();
        ids.forEach(id -> out.put(id, new ArrayList<>()));
        db.select(ANALYSIS_AUTHOR.ANALYSIS_ID, Members.displayName(ANALYSIS_AUTHOR.MEMBER_ID)).from(ANALYSIS_AUTHOR)
                .where(ANALYSIS_AUTHOR.ANALYSIS_ID.in(ids)).orderBy(ANALYSIS_AUTHOR.MEMBER_ID)
                .forEach(r -> out.get(r.value1()).add(r.value2()));
        return out;
    }

    private String toJson(Map<Section, String> sections) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        sections.forEach((s, text) -> out.put(s.key(), text));
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Section, String> sections(JSONB stored) {
        Map<Section, String> out = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            out.put(s, "");
        }
        try {
            Map<String, String> read = json.readValue(stored == null ? "{}" : stored.data(), SECTIONS);
            read.forEach((k, v) -> {
                for (Section s : Section.values()) {
                    if (s.key().equals(k)) {
                        out.put(s, v == null ? "" : v);
                    }
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
