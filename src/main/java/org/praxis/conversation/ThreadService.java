package org.praxis.conversation;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_DRAFT;
import static org.praxis.jooq.Tables.POST_REVISION;
import static org.praxis.jooq.Tables.REACTION;
import static org.praxis.jooq.Tables.THREAD;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.text.Markdown;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Membership;
import org.praxis.member.MemberService;
import org.praxis.member.Members;
import org.praxis.search.SearchOutbox;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threads and their posts. Only people in the thread's cohort read or write; a facilitators-only
 * reply is read by its author and the cohort's facilitators alone; a hidden name is known to the
 * author and facilitators alone. Every write records its search outbox row in the same
 * transaction.
 */
@Service
public class ThreadService {

    public static final int TITLE_MAX = 200;
    public static final int CONTENT_NOTE_MAX = 500;
    public static final int BODY_MAX = 20_000;

    /** Order of the top-level posts; replies always read oldest first under their parent. */
    public enum Sort { OLDEST_FIRST, NEWEST_FIRST }

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final AgreementService agreements;
    private final Markdown markdown;
    private final SearchOutbox outbox;
    private final AuditService audit;
    private final ConversationProperties properties;
    private final Clock clock;
    private final ThreadEvents events;
    private final org.praxis.notification.NotificationService notifications;
    private final RateLimiter limits;
    private final ThreadOrigins origins;
    private final MemberService members;
    private final ThreadFollowService follows;
    private final MentionNames mentionNames;
    private final org.springframework.beans.factory.ObjectProvider<PostingGate> gates;

    ThreadService(DSLContext db, CohortAccess access, CurrentUser currentUser, AgreementService agreements,
            Markdown markdown, SearchOutbox outbox, AuditService audit, ConversationProperties properties, Clock clock,
            ThreadEvents events, org.praxis.notification.NotificationService notifications, RateLimiter limits,
            ThreadOrigins origins, MemberService members, ThreadFollowService follows, MentionNames mentionNames,
            org.springframework.beans.factory.ObjectProvider<PostingGate> gates) {
        this.gates = gates;
        this.follows = follows;
        this.mentionNames = mentionNames;
        this.origins = origins;
        this.members = members;
        this.limits = limits;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.agreements = agreements;
        this.markdown = markdown;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.notifications = notifications;
    }

    /** The thread with every post the reader may see, in two queries whatever its size. */
    @Transactional(readOnly = true)
    public ThreadPage read(long threadId, Sort sort) {
        ThreadHeader header = header(threadId);
        PraxisUser me = currentUser.require();
        boolean facilitator = header.facilitator();
        // the header has checked that they are in the cohort; the rest is the one rule of Posts
        var visible = facilitator ? org.jooq.impl.DSL.noCondition()
                : Posts.readableByPeer(org.jooq.impl.DSL.val(me.id()));
        List<PostItem> flat = db.select(POST.ID, POST.PARENT_ID, POST.DEPTH, POST.AUTHOR_ID, AUTHOR_NAME,
                        POST.NAME_HIDDEN, POST.BODY_HTML, POST.BODY_MARKDOWN, POST.HIDDEN_AT, POST.HIDDEN_REASON,
                        POST.DELETED_AT, POST.FACILITATORS_ONLY, POST.CREATED_AT, POST.EDITED_AT)
                .from(POST)
                .where(POST.THREAD_ID.eq(threadId)).and(visible)
                .orderBy(POST.CREATED_AT, POST.ID)
                .fetch(r -> toItem(r, me.id(), facilitator));
        flat = withMentionNames(header.cohortId(), flat);
        return new ThreadPage(header, inReadingOrder(flat, sort), reactionsTo(flat, me.id()));
    }

    /**
     * How many posts after {@code afterPostId} the reader may read in the thread and did not write
     * themselves: what an open page of the thread announces as new. Counted with that reader's
     * own rights (the one rule of {@link Posts#visibleTo}), so it is safe to call from the thread
     * that relays another node's event, where nobody is signed in.
     */
    @Transactional(readOnly = true)
    public int newPostsSince(long threadId, long afterPostId, long readerId) {
        return db.fetchCount(db.selectOne().from(POST)
                .where(POST.THREAD_ID.eq(threadId)).and(POST.ID.gt(afterPostId))
                .and(POST.AUTHOR_ID.ne(readerId)).and(POST.DELETED_AT.isNull())
                .and(Posts.visibleTo(org.jooq.impl.DSL.val(readerId))));
    }

    /** Each post's mentions as the people's current names: highlighted in its text, plain in its Markdown. */
    private List<PostItem> withMentionNames(long cohortId, List<PostItem> posts) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        posts.forEach(p -> ids.addAll(Mentions.ids(p.markdown())));
        if (ids.isEmpty()) {
            return posts;
        }
        var shown = mentionNames.shown(cohortId, ids);
        Map<Long, String> editable = mentionNames.editable(cohortId, ids);
        return posts.stream().map(p -> p.markdown().indexOf("@[") < 0 ? p
                : new PostItem(p.id(), p.parentId(), p.depth(), p.authorName(), p.nameHidden(), p.mine(), p.state(),
                        Mentions.html(p.html(), shown), Mentions.editable(p.markdown(), editable), p.hiddenReason(),
                        p.facilitatorsOnly(), p.createdAt(), p.editedAt())).toList();
    }

    /** The author's current name, from the member feature. */
    private static final Field<String> AUTHOR_NAME = Members.displayName(POST.AUTHOR_ID).as("author_name");

    /** Who reacted how, to the posts the reader sees with their text; one query. */
    private Reactions reactionsTo(List<PostItem> posts, long me) {
        List<Long> visible = posts.stream().filter(p -> p.state() == PostState.VISIBLE).map(PostItem::id).toList();
        Map<Long, Map<ReactionKind, List<String>>> byPost = new HashMap<>();
        Map<Long, List<ReactionKind>> mine = new HashMap<>();
        if (visible.isEmpty()) {
            return new Reactions(byPost, mine);
        }
        db.select(REACTION.POST_ID, REACTION.KIND, REACTION.MEMBER_ID, Members.displayName(REACTION.MEMBER_ID))
                .from(REACTION)
                .where(REACTION.POST_ID.in(visible))
                .orderBy(REACTION.CREATED_AT)
                .forEach(r -> {
                    ReactionKind kind = ReactionKind.valueOf(r.value2());
                    byPost.computeIfAbsent(r.value1(), k -> new java.util.EnumMap<>(ReactionKind.class))
                            .computeIfAbsent(kind, k -> new ArrayList<>()).add(r.value4());
                    if (r.value3() == me) {
                        mine.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(kind);
                    }
                });
        return new Reactions(byPost, mine);
    }

    private static PostItem toItem(Record r, long me, boolean facilitator) {
        boolean mine = r.get(POST.AUTHOR_ID) == me;
        boolean nameHidden = r.get(POST.NAME_HIDDEN);
        String name = !nameHidden || mine || facilitator ? r.get(AUTHOR_NAME) : null;
        PostState state = r.get(POST.DELETED_AT) != null ? PostState.REMOVED
                : r.get(POST.HIDDEN_AT) != null ? PostState.HIDDEN : PostState.VISIBLE;
        boolean mayReadText = state == PostState.VISIBLE || (state == PostState.HIDDEN && (mine || facilitator));
        boolean mayKnowReason = state == PostState.HIDDEN && (mine || facilitator);
        return new PostItem(r.get(POST.ID), r.get(POST.PARENT_ID), r.get(POST.DEPTH), name, nameHidden, mine, state,
                mayReadText ? r.get(POST.BODY_HTML) : "", mayReadText ? r.get(POST.BODY_MARKDOWN) : "",
                mayKnowReason ? r.get(POST.HIDDEN_REASON) : null, r.get(POST.FACILITATORS_ONLY),
                r.get(POST.CREATED_AT), r.get(POST.EDITED_AT));
    }

    /** Parents before their replies; top-level posts in the chosen order, replies oldest first. */
    static List<PostItem> inReadingOrder(List<PostItem> oldestFirst, Sort sort) {
        Map<Long, List<PostItem>> children = new HashMap<>();
        List<PostItem> roots = new ArrayList<>();
        java.util.Set<Long> present = new java.util.HashSet<>();
        oldestFirst.forEach(p -> present.add(p.id()));
        for (PostItem p : oldestFirst) {
            // a reply whose parent the reader may not see is shown at the top level
            if (p.parentId() == null || !present.contains(p.parentId())) {
                roots.add(p);
            } else {
                children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            }
        }
        if (sort == Sort.NEWEST_FIRST) {
            roots.sort(Comparator.comparing(PostItem::createdAt).thenComparing(PostItem::id).reversed());
        }
        List<PostItem> ordered = new ArrayList<>(oldestFirst.size());
        java.util.ArrayDeque<PostItem> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            PostItem p = stack.pop();
            ordered.add(p);
            List<PostItem> kids = children.getOrDefault(p.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return ordered;
    }

    @Transactional(readOnly = true)
    public ThreadHeader header(long threadId) {
        var t = db.selectFrom(THREAD)
                .where(THREAD.ID.eq(threadId))
                .fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("No thread " + threadId));
        CohortRole role = access.requireMember(t.get(THREAD.COHORT_ID));
        ThreadOrigins.Origin origin = t.getSessionId() == null ? ThreadOrigins.Origin.NONE
                : origins.of(t.getSessionId(), t.getPromptId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime opens = origin.opensAt();
        OffsetDateTime closes = origin.closesAt();
        boolean promptClosed = (opens != null && now.isBefore(opens)) || (closes != null && !now.isBefore(closes));
        boolean cohortClosed = access.closedAt(t.get(THREAD.COHORT_ID)).isPresent();
        boolean facilitator = role == CohortRole.FACILITATOR;
        long me = currentUser.require().id();
        // the one rule of who may write here now, when a feature runs the thread on its own terms
        PostingGate.Text closedByGate = gates.orderedStream().map(g -> g.refusal(threadId, me, facilitator))
                .flatMap(Optional::stream).findFirst().orElse(null);
        PostingGate.Back back = gates.orderedStream().map(g -> g.back(threadId)).flatMap(Optional::stream)
                .findFirst().orElse(null);
        return new ThreadHeader(threadId, t.get(THREAD.COHORT_ID), t.get(THREAD.SESSION_ID), origin.sessionTitle(),
                t.get(THREAD.PROMPT_ID), t.get(THREAD.TITLE), t.get(THREAD.CONTENT_NOTE), t.get(THREAD.LOCKED),
                t.get(THREAD.PINNED), t.get(THREAD.SLOW_MODE_MINUTES), t.get(THREAD.NAMES_HIDEABLE),
                t.get(THREAD.LOCKED) || promptClosed || cohortClosed, facilitator, cohortClosed, closedByGate, back);
    }

    /** Refuses at the body field when a {@link PostingGate} keeps the writer out of this thread now. */
    private static void requireGateOpen(ThreadHeader thread) {
        if (!thread.readOnly() && thread.postingClosed() != null) {
            throw InvalidInputException.of("body", thread.postingClosed().key(), thread.postingClosed().arguments());
        }
    }

    /** The cohort's free-standing threads (the commons), pinned first, then by latest activity. */
    @Transactional(readOnly = true)
    public List<ThreadSummary> commons(long cohortId) {
        access.requireMember(cohortId);
        return db.select(THREAD.ID, THREAD.TITLE, THREAD.CONTENT_NOTE, THREAD.PINNED, THREAD.LOCKED,
                        field(selectCount().from(POST).where(POST.THREAD_ID.eq(THREAD.ID))
                                .and(POST.DELETED_AT.isNull()).and(POST.FACILITATORS_ONLY.isFalse())),
                        THREAD.LAST_POST_AT)
                .from(THREAD)
                .where(THREAD.COHORT_ID.eq(cohortId)).and(THREAD.SESSION_ID.isNull())
                .orderBy(THREAD.PINNED.desc(), THREAD.LAST_POST_AT.desc().nullsLast(), THREAD.ID.desc())
                .fetch(r -> new ThreadSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /**
     * The cohort's threads, newest first, id to title, for another feature's service that lets a
     * facilitator link something to one (no rights check: the caller has one).
     */
    @Transactional(readOnly = true)
    public Map<Long, String> recentTitles(long cohortId, int limit) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        db.select(THREAD.ID, THREAD.TITLE).from(THREAD).where(THREAD.COHORT_ID.eq(cohortId))
                .orderBy(THREAD.ID.desc()).limit(limit).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /**
     * A facilitator opens a free-standing thread in the cohort's commons; so may a member when the
     * cohort's facilitators allow it ({@link CohortAccess#membersOpenThreads(long)}).
     */
    @Transactional
    public long openThread(long cohortId, String title, String contentNote, boolean namesHideable) {
        if (!mayOpenThread(cohortId)) {
            throw new AccessDeniedException("Members may not open threads in cohort " + cohortId);
        }
        PraxisUser me = currentUser.require();
        access.requireOpen(cohortId);
        new Validation()
                .required("title", title, TITLE_MAX)
                .maxLength("contentNote", contentNote, CONTENT_NOTE_MAX)
                .throwIfInvalid();
        long id = db.insertInto(THREAD)
                .set(THREAD.COHORT_ID, cohortId)
                .set(THREAD.TITLE, title.strip())
                .set(THREAD.CONTENT_NOTE, Validation.clean(contentNote))
                .set(THREAD.NAMES_HIDEABLE, namesHideable)
                .set(THREAD.CREATED_BY, me.id())
                .returning(THREAD.ID).fetchOne(THREAD.ID);
        outbox.upsert(SearchOutbox.Type.THREAD, id);
        audit.record(me.id(), "thread.opened", "thread", id, null, null);
        return id;
    }

    /** Whether the signed-in person may open a thread in the cohort's commons; refuses anyone outside it. */
    @Transactional(readOnly = true)
    public boolean mayOpenThread(long cohortId) {
        return access.requireMember(cohortId) == CohortRole.FACILITATOR || access.membersOpenThreads(cohortId);
    }

    /**
     * A thread for peer review of something a member shared with the cohort (a policy
     * analysis): any member may open one; it lives in the commons like any other thread.
     */
    @Transactional
    public long openForReview(long cohortId, String title) {
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        // the thread carries the title of what it reviews (stored data, so no wording of the UI in it)
        String titled = title.strip();
        long id = db.insertInto(THREAD)
                .set(THREAD.COHORT_ID, cohortId)
                .set(THREAD.TITLE, titled.length() > TITLE_MAX ? titled.substring(0, TITLE_MAX) : titled)
                .set(THREAD.CREATED_BY, me.id())
                .returning(THREAD.ID).fetchOne(THREAD.ID);
        outbox.upsert(SearchOutbox.Type.THREAD, id);
        audit.record(me.id(), "thread.opened", "thread", id, null, null);
        return id;
    }

    // ---- threads other features open for what they own (a session's prompt)

    /**
     * A thread another feature shows on a page of its own and runs through a {@link PostingGate}
     * (a peer consultation): any member of the open cohort opens it in the transaction that makes
     * what it discusses. Its title is that thing's own (stored data, no wording of the UI).
     */
    @Transactional
    public long openFor(long cohortId, String title, boolean namesHideable) {
        access.requireMember(cohortId);
        access.requireOpen(cohortId);
        PraxisUser me = currentUser.require();
        long id = db.insertInto(THREAD)
                .set(THREAD.COHORT_ID, cohortId)
                .set(THREAD.TITLE, fitted(title))
                .set(THREAD.NAMES_HIDEABLE, namesHideable)
                .set(THREAD.CREATED_BY, me.id())
                .returning(THREAD.ID).fetchOne(THREAD.ID);
        outbox.upsert(SearchOutbox.Type.THREAD, id);
        audit.record(me.id(), "thread.opened", "thread", id, null, null);
        return id;
    }

    /**
     * A facilitator of the cohort opens the thread of a session's prompt; the session feature
     * calls this in the transaction that adds the prompt. Returns the thread's id.
     */
    @Transactional
    public long openForPrompt(long cohortId, long sessionId, long promptId, String title) {
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        long id = db.insertInto(THREAD)
                .set(THREAD.COHORT_ID, cohortId)
                .set(THREAD.SESSION_ID, sessionId)
                .set(THREAD.PROMPT_ID, promptId)
                .set(THREAD.TITLE, fitted(title))
                .set(THREAD.CREATED_BY, me.id())
                .returning(THREAD.ID).fetchOne(THREAD.ID);
        outbox.upsert(SearchOutbox.Type.THREAD, id);
        return id;
    }

    /**
     * A facilitator of the cohort renames the prompt's thread (the prompt was reworded). Its posts
     * carry the thread's title in search, so they are indexed again with it.
     */
    @Transactional
    public void renameForPrompt(long promptId, String title) {
        var t = db.select(THREAD.ID, THREAD.COHORT_ID).from(THREAD).where(THREAD.PROMPT_ID.eq(promptId)).fetchOne();
        if (t == null) {
            throw new AccessDeniedException("No thread of prompt " + promptId);
        }
        access.requireFacilitator(t.value2());
        access.requireOpen(t.value2());
        rename(t.value1(), fitted(title));
    }

    /**
     * Deletes a thread with its posts, for something taken away that it discussed (a commitment
     * no longer shared with the cohort): by the one who opened it or a facilitator of its cohort.
     * Its posts and itself leave search in the same transaction.
     */
    @Transactional
    public void remove(long threadId) {
        var t = db.select(THREAD.COHORT_ID, THREAD.CREATED_BY).from(THREAD).where(THREAD.ID.eq(threadId)).fetchOne();
        if (t == null) {
            return;
        }
        long me = currentUser.require().id();
        if (!java.util.Objects.equals(t.value2(), me)) {
            access.requireFacilitator(t.value1());
        } else {
            access.requireMember(t.value1());
        }
        access.requireOpen(t.value1());
        db.select(POST.ID).from(POST).where(POST.THREAD_ID.eq(threadId)).fetch(POST.ID)
                .forEach(post -> outbox.delete(SearchOutbox.Type.POST, post));
        outbox.delete(SearchOutbox.Type.THREAD, threadId);
        db.deleteFrom(THREAD).where(THREAD.ID.eq(threadId)).execute();
    }

    private void rename(long threadId, String title) {
        db.update(THREAD).set(THREAD.TITLE, title).where(THREAD.ID.eq(threadId)).execute();
        outbox.upsert(SearchOutbox.Type.THREAD, threadId);
        db.select(POST.ID).from(POST).where(POST.THREAD_ID.eq(threadId)).and(POST.DELETED_AT.isNull())
                .and(POST.HIDDEN_AT.isNull()).fetch(POST.ID)
                .forEach(post -> outbox.upsert(SearchOutbox.Type.POST, post));
    }

    /** A title on one line, cut to {@link #TITLE_MAX} (stored data, so no wording of the UI in it). */
    private static String fitted(String title) {
        String t = title.strip().replaceAll("\\s+", " ");
        return t.length() <= TITLE_MAX ? t : t.substring(0, TITLE_MAX - 1) + "…";
    }

    /**
     * Removes a thread opened with {@link #openForReview} and its posts, and takes them out of
     * search: when what it discussed is no longer shared with the cohort (a commitment taken back).
     * The feature that opened it has checked that the caller may; the audit is theirs too.
     */
    @Transactional
    public void removeReview(long threadId) {
        db.select(POST.ID).from(POST).where(POST.THREAD_ID.eq(threadId)).fetch(POST.ID)
                .forEach(post -> outbox.delete(SearchOutbox.Type.POST, post));
        outbox.delete(SearchOutbox.Type.THREAD, threadId);
        db.deleteFrom(THREAD).where(THREAD.ID.eq(threadId)).execute();
    }

    /**
     * Posts a reply to the thread, or to one of its posts. Refused with a message at the body
     * field when empty, too long, too soon after the member's last post, or the thread is
     * read-only; throws {@link AgreementRequiredException} until the agreements are acknowledged,
     * and {@link org.praxis.base.limit.RateLimitedException} when the member posted too often.
     */
    @Transactional
    public long reply(long threadId, Long parentId, String body, boolean facilitatorsOnly, boolean hideName) {
        return reply(threadId, parentId, body, facilitatorsOnly, hideName, null);
    }

    /**
     * Posts a reply as {@link #reply(long, Long, String, boolean, boolean)} does, once per
     * {@code idempotencyKey}: the same submit sent again (a double click, or a retry after the
     * connection broke and it was not known whether the first one was saved) answers with the
     * post it already made, whatever has changed since, and adds nothing.
     */
    @Transactional
    public long reply(long threadId, Long parentId, String body, boolean facilitatorsOnly, boolean hideName,
            UUID idempotencyKey) {
        ThreadHeader thread = header(threadId);
        PraxisUser me = currentUser.require();
        if (idempotencyKey != null) {
            Optional<Long> made = postMadeWith(me, threadId, idempotencyKey);
            if (made.isPresent()) {
                return made.get();
            }
        }
        access.requireOpen(thread.cohortId());
        // a retry of a submit already saved (above) does not count again
        limits.hit(RateLimiter.Action.POST);
        agreements.requireAcknowledged(thread.cohortId());
        if (thread.readOnly()) {
            throw InvalidInputException.of("body", thread.locked() ? "thread.locked" : "thread.prompt-closed");
        }
        requireGateOpen(thread);
        new Validation().check(body != null && !body.isBlank(), "body", "post.empty")
                .maxLength("body", body, BODY_MAX)
                .check(!hideName || thread.namesHideable(), "hideName", "post.names-not-hideable")
                .throwIfInvalid();
        int depth = 0;
        if (parentId != null) {
            var parent = db.select(POST.THREAD_ID, POST.DEPTH, POST.FACILITATORS_ONLY, POST.AUTHOR_ID).from(POST)
                    .where(POST.ID.eq(parentId)).fetchOne();
            if (parent == null || parent.value1() != threadId || (parent.value3() && !thread.facilitator()
                    && read(threadId, Sort.OLDEST_FIRST).posts().stream().noneMatch(p -> p.id() == parentId))) {
                throw new AccessDeniedException("No post " + parentId + " in thread " + threadId);
            }
            depth = parent.value2() + 1;
            // an answer to something said to the facilitators stays with the facilitators
            facilitatorsOnly = facilitatorsOnly || parent.value3();
        }
        checkPace(me, thread);
        Long parentAuthor = parentId == null ? null : privateParentAuthor(parentId);
        String stored = Mentions.resolve(body.strip(), mentionNames.people(thread.cohortId())).text();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long id = db.insertInto(POST)
                .set(POST.THREAD_ID, threadId)
                .set(POST.PARENT_ID, parentId)
                .set(POST.DEPTH, depth)
                .set(POST.AUTHOR_ID, me.id())
                .set(POST.BODY_MARKDOWN, stored)
                .set(POST.BODY_HTML, markdown.toSafeHtml(stored))
                .set(POST.FACILITATORS_ONLY, facilitatorsOnly)
                .set(POST.NAME_HIDDEN, hideName)
                .set(POST.CREATED_AT, now)
                .set(POST.IDEMPOTENCY_KEY, idempotencyKey)
                .onConflict(POST.AUTHOR_ID, POST.IDEMPOTENCY_KEY).doNothing()
                .returning(POST.ID).fetchOptional(POST.ID).orElse(null);
        if (id == null) {
            // the same submit, sent at the same moment, committed first
            return postMadeWith(me, threadId, idempotencyKey).orElseThrow();
        }
        db.update(THREAD).set(THREAD.LAST_POST_AT, now).where(THREAD.ID.eq(threadId)).execute();
        db.deleteFrom(POST_DRAFT).where(POST_DRAFT.MEMBER_ID.eq(me.id())).and(POST_DRAFT.THREAD_ID.eq(threadId))
                .and(POST_DRAFT.PARENT_KEY.eq(parentId == null ? 0L : parentId)).execute();
        outbox.upsert(SearchOutbox.Type.POST, id);
        notifyMentioned(thread, me, id, Mentions.ids(stored), facilitatorsOnly, parentAuthor, hideName);
        notifyReplied(thread, me, id, hideName);
        events.publishAfterCommit(new ThreadEvents.NewPost(threadId, id, me.id(), facilitatorsOnly));
        return id;
    }

    private Optional<Long> postMadeWith(PraxisUser me, long threadId, UUID idempotencyKey) {
        var made = db.select(POST.ID, POST.THREAD_ID).from(POST)
                .where(POST.AUTHOR_ID.eq(me.id())).and(POST.IDEMPOTENCY_KEY.eq(idempotencyKey)).fetchOne();
        if (made != null && made.value2() != threadId) {
            throw new IllegalArgumentException("Submit " + idempotencyKey + " was made in another thread");
        }
        return Optional.ofNullable(made).map(r -> r.value1());
    }

    /**
     * The people mentioned who may read the post hear about it; a hidden name stays hidden. Who
     * may not (someone of another cohort; a member, for a post to the facilitators) is not told,
     * and the writer was warned of it before posting ({@link #checkMentions}).
     */
    private void notifyMentioned(ThreadHeader thread, PraxisUser me, long postId, java.util.Set<Long> mentioned,
            boolean facilitatorsOnly, Long parentAuthor, boolean hideName) {
        if (mentioned.isEmpty()) {
            return;
        }
        Audience audience = audience(thread.cohortId(), mentioned, facilitatorsOnly, parentAuthor, me.id());
        if (!audience.notified().isEmpty()) {
            notifications.mentioned(audience.notified(), hideName ? null : me.id(), thread.id(), postId);
        }
    }

    /**
     * The writer follows the thread; the author of the post answered and the thread's followers
     * hear of the reply, by {@link ThreadFollowService}'s rules (after the mentions, so that a
     * mentioned person is told once).
     */
    private void notifyReplied(ThreadHeader thread, PraxisUser me, long postId, boolean hideName) {
        follows.posted(thread.id(), me.id(), postId, hideName);
    }

    /** Whom a post's mentions reach: who will be notified, who cannot read it (by name), how many are not in the cohort. */
    private record Audience(List<Long> notified, List<String> cannotRead, int notInCohort) {
    }

    private Audience audience(long cohortId, java.util.Set<Long> mentioned, boolean facilitatorsOnly, Long parentAuthor,
            long me) {
        Map<Long, CohortRole> roles = mentionNames.rolesIn(cohortId, mentioned);
        Map<Long, String> active = members.activeNames(roles.keySet());
        Map<Long, String> named = members.names(roles.keySet());
        List<Long> notified = new ArrayList<>();
        List<String> cannotRead = new ArrayList<>();
        int outside = 0;
        for (long id : mentioned) {
            if (id == me) {
                continue;
            }
            CohortRole role = roles.get(id);
            if (role == null) {
                outside++;
            } else if (!active.containsKey(id)
                    || (facilitatorsOnly && role != CohortRole.FACILITATOR && !java.util.Objects.equals(id, parentAuthor))) {
                cannotRead.add(named.getOrDefault(id, mentionNames.formerMember()));
            } else {
                notified.add(id);
            }
        }
        return new Audience(notified, cannotRead, outside);
    }

    /** The author of a facilitators-only post, who reads the answers to it; null for any other post. */
    private Long privateParentAuthor(long parentId) {
        var parent = db.select(POST.AUTHOR_ID, POST.FACILITATORS_ONLY).from(POST).where(POST.ID.eq(parentId)).fetchOne();
        return parent != null && parent.value2() ? parent.value1() : null;
    }

    /**
     * The cohort's people the writer may mention in this thread (everyone with an active account
     * but the writer), by name, for the composer's suggestions.
     */
    @Transactional(readOnly = true)
    public List<MentionPerson> mentionable(long threadId) {
        ThreadHeader thread = header(threadId);
        long me = currentUser.require().id();
        return mentionNames.people(thread.cohortId()).stream().filter(p -> p.id() != me).toList();
    }

    /**
     * What the writer should know before posting this reply about whom it mentions: typed names
     * that fit several people or nobody, and people who will not be notified because they cannot
     * read it. Changes nothing; {@link #reply} resolves and notifies the same way.
     */
    @Transactional(readOnly = true)
    public MentionCheck checkMentions(long threadId, Long parentId, String body, boolean facilitatorsOnly) {
        ThreadHeader thread = header(threadId);
        boolean toFacilitators = facilitatorsOnly;
        Long parentAuthor = null;
        if (parentId != null) {
            var parent = db.select(POST.THREAD_ID, POST.FACILITATORS_ONLY, POST.AUTHOR_ID).from(POST)
                    .where(POST.ID.eq(parentId)).fetchOne();
            if (parent != null && parent.value1() == threadId && parent.value2()) {
                toFacilitators = true;
                parentAuthor = parent.value3();
            }
        }
        return check(thread.cohortId(), body, toFacilitators, parentAuthor);
    }

    /** As {@link #checkMentions}, for the author's new text of their post. */
    @Transactional(readOnly = true)
    public MentionCheck checkEdit(long postId, String body) {
        var post = ownPost(postId);
        ThreadHeader thread = header(post.get(POST.THREAD_ID));
        Long parentId = post.get(POST.PARENT_ID);
        return check(thread.cohortId(), body, post.get(POST.FACILITATORS_ONLY),
                parentId == null ? null : privateParentAuthor(parentId));
    }

    private MentionCheck check(long cohortId, String body, boolean facilitatorsOnly, Long parentAuthor) {
        Mentions.Resolved resolved = Mentions.resolve(body == null ? "" : body, mentionNames.people(cohortId));
        Audience audience = audience(cohortId, resolved.ids(), facilitatorsOnly, parentAuthor,
                currentUser.require().id());
        return new MentionCheck(audience.cannotRead(), audience.notInCohort(), resolved.ambiguous(), resolved.unknown());
    }

    private void checkPace(PraxisUser me, ThreadHeader thread) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime lastAnywhere = db.select(org.jooq.impl.DSL.max(POST.CREATED_AT)).from(POST)
                .where(POST.AUTHOR_ID.eq(me.id())).fetchOne(0, OffsetDateTime.class);
        Duration gap = properties.minTimeBetweenPosts();
        if (lastAnywhere != null && lastAnywhere.plus(gap).isAfter(now)) {
            long wait = Math.max(1, Duration.between(now, lastAnywhere.plus(gap)).toSeconds());
            throw InvalidInputException.of("body", "post.too-fast", wait);
        }
        if (thread.slowModeMinutes() != null && !thread.facilitator()) {
            OffsetDateTime lastHere = db.select(org.jooq.impl.DSL.max(POST.CREATED_AT)).from(POST)
                    .where(POST.AUTHOR_ID.eq(me.id())).and(POST.THREAD_ID.eq(thread.id()))
                    .fetchOne(0, OffsetDateTime.class);
            Duration slow = Duration.ofMinutes(thread.slowModeMinutes());
            if (lastHere != null && lastHere.plus(slow).isAfter(now)) {
                long minutes = Math.max(1, (Duration.between(now, lastHere.plus(slow)).toSeconds() + 59) / 60);
                throw InvalidInputException.of("body", "post.slow-mode", thread.slowModeMinutes(), minutes);
            }
        }
    }

    /**
     * The author changes their post; the text before is kept as a revision. Not while the post is
     * hidden (its hidden words would reach peers through the history once shown again), nor in a
     * read-only thread, nor before the current agreements are acknowledged.
     */
    @Transactional
    public void edit(long postId, String body) {
        var post = ownPost(postId);
        ThreadHeader thread = header(post.get(POST.THREAD_ID));
        access.requireOpen(thread.cohortId());
        if (post.get(POST.DELETED_AT) != null) {
            throw new AccessDeniedException("Post " + postId + " was removed");
        }
        if (post.get(POST.HIDDEN_AT) != null) {
            throw InvalidInputException.of("body", "post.hidden-no-edit");
        }
        if (thread.readOnly()) {
            throw InvalidInputException.of("body", thread.locked() ? "thread.locked" : "thread.prompt-closed");
        }
        requireGateOpen(thread);
        agreements.requireAcknowledged(thread.cohortId());
        new Validation().check(body != null && !body.isBlank(), "body", "post.empty")
                .maxLength("body", body, BODY_MAX).throwIfInvalid();
        String stored = Mentions.resolve(body.strip(), mentionNames.people(thread.cohortId())).text();
        String before = post.get(POST.BODY_MARKDOWN);
        if (before.equals(stored)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(POST_REVISION)
                .set(POST_REVISION.POST_ID, postId)
                .set(POST_REVISION.BODY_MARKDOWN, post.get(POST.BODY_MARKDOWN))
                .set(POST_REVISION.REPLACED_AT, now)
                .execute();
        db.update(POST)
                .set(POST.BODY_MARKDOWN, stored)
                .set(POST.BODY_HTML, markdown.toSafeHtml(stored))
                .set(POST.EDITED_AT, now)
                .where(POST.ID.eq(postId))
                .execute();
        outbox.upsert(SearchOutbox.Type.POST, postId);
        // only those the new text mentions for the first time hear of it
        java.util.Set<Long> added = Mentions.ids(stored);
        added.removeAll(Mentions.ids(before));
        Long parentId = post.get(POST.PARENT_ID);
        notifyMentioned(thread, currentUser.require(), postId, added, post.get(POST.FACILITATORS_ONLY),
                parentId == null ? null : privateParentAuthor(parentId), post.get(POST.NAME_HIDDEN));
    }

    /** The author removes their post; it stays as "removed by its author" so replies keep their place. */
    @Transactional
    public void delete(long postId) {
        var post = ownPost(postId);
        access.requireOpen(header(post.get(POST.THREAD_ID)).cohortId());
        if (post.get(POST.DELETED_AT) != null) {
            return;
        }
        db.update(POST).set(POST.DELETED_AT, OffsetDateTime.now(clock)).where(POST.ID.eq(postId)).execute();
        outbox.delete(SearchOutbox.Type.POST, postId);
    }

    /** Earlier texts of a post, newest first, for anyone who may read the post's text. */
    @Transactional(readOnly = true)
    public List<Revision> revisions(long postId) {
        long threadId = threadOfPost(postId);
        ThreadPage page = read(threadId, Sort.OLDEST_FIRST);
        PostItem post = page.posts().stream().filter(p -> p.id() == postId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("No post " + postId));
        if (post.state() == PostState.REMOVED || (post.state() == PostState.HIDDEN && !post.mine()
                && !page.header().facilitator())) {
            return List.of();
        }
        List<Revision> stored = db.selectFrom(POST_REVISION).where(POST_REVISION.POST_ID.eq(postId))
                .orderBy(POST_REVISION.ID.desc())
                .fetch(r -> new Revision(r.getId(), r.getBodyMarkdown(), r.getReplacedAt()));
        java.util.Set<Long> ids = new java.util.HashSet<>();
        stored.forEach(r -> ids.addAll(Mentions.ids(r.markdown())));
        // earlier texts name whom they mention as the thread does: by current name
        Map<Long, String> names = mentionNames.editable(page.header().cohortId(), ids);
        return stored.stream().map(r -> new Revision(r.id(), Mentions.editable(r.markdown(), names), r.replacedAt()))
                .toList();
    }

    /** Safe HTML of a text being written, for the preview; its mentions shown as they will be. */
    @Transactional(readOnly = true)
    public String preview(long threadId, String body) {
        long cohortId = header(threadId).cohortId();
        String text = body == null ? "" : body.length() > BODY_MAX ? body.substring(0, BODY_MAX) : body;
        String stored = Mentions.resolve(text, mentionNames.people(cohortId)).text();
        return Mentions.html(markdown.toSafeHtml(stored), mentionNames.shown(cohortId, Mentions.ids(stored)));
    }

    /** Safe HTML of a text being written, for the preview. */
    public String preview(String body) {
        return markdown.toSafeHtml(body == null ? "" : body.length() > BODY_MAX ? body.substring(0, BODY_MAX) : body);
    }

    /** Keeps an unsent reply (to the thread, or to a post) for the member across reloads and sign-outs. */
    @Transactional
    public void saveDraft(long threadId, Long parentId, String body) {
        access.requireOpen(header(threadId).cohortId());
        long me = currentUser.require().id();
        long key = parentId == null ? 0L : parentId;
        if (body == null || body.isBlank()) {
            db.deleteFrom(POST_DRAFT).where(POST_DRAFT.MEMBER_ID.eq(me)).and(POST_DRAFT.THREAD_ID.eq(threadId))
                    .and(POST_DRAFT.PARENT_KEY.eq(key)).execute();
            return;
        }
        String kept = body.length() > BODY_MAX ? body.substring(0, BODY_MAX) : body;
        db.insertInto(POST_DRAFT)
                .set(POST_DRAFT.MEMBER_ID, me)
                .set(POST_DRAFT.THREAD_ID, threadId)
                .set(POST_DRAFT.PARENT_KEY, key)
                .set(POST_DRAFT.BODY, kept)
                .onConflict(POST_DRAFT.MEMBER_ID, POST_DRAFT.THREAD_ID, POST_DRAFT.PARENT_KEY)
                .doUpdate().set(POST_DRAFT.BODY, kept).set(POST_DRAFT.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    @Transactional(readOnly = true)
    public Optional<String> draft(long threadId, Long parentId) {
        header(threadId);
        long me = currentUser.require().id();
        return db.select(POST_DRAFT.BODY).from(POST_DRAFT).where(POST_DRAFT.MEMBER_ID.eq(me))
                .and(POST_DRAFT.THREAD_ID.eq(threadId)).and(POST_DRAFT.PARENT_KEY.eq(parentId == null ? 0L : parentId))
                .fetchOptional(POST_DRAFT.BODY);
    }

    private Record ownPost(long postId) {
        var post = db.selectFrom(POST).where(POST.ID.eq(postId)).fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("No post " + postId));
        header(post.getThreadId());
        if (post.getAuthorId() != currentUser.require().id()) {
            throw new AccessDeniedException("Only the author may change post " + postId);
        }
        return post;
    }

    private long threadOfPost(long postId) {
        Long threadId = db.select(POST.THREAD_ID).from(POST).where(POST.ID.eq(postId)).fetchOne(POST.THREAD_ID);
        if (threadId == null) {
            throw new AccessDeniedException("No post " + postId);
        }
        return threadId;
    }
}
