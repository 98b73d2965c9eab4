package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;
import static org.praxis.jooq.Tables.THREAD_READ;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.base.security.CurrentUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.jooq.tables.Post;
import org.praxis.member.Members;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each person has read each thread, and what lists of threads and home show of it: the
 * last activity (when, and by whom, a hidden name kept hidden) and how many posts are unread —
 * posts the reader may read ({@link Posts}), by someone else, newer than the newest one they were
 * shown. Removed and moderator-hidden posts count for neither. Each list is one query.
 *
 * <p>Which threads a person follows is defined once, by {@link #followedBy}: home's "replies in
 * your conversations" and the email digest both use it (follow and mute included).
 */
@Service
public class ThreadReads {

    /** What a list shows of a thread for its reader. {@code lastBy}: null when the name is hidden from them. */
    public record Activity(long threadId, OffsetDateTime lastAt, String lastBy, boolean lastByMe, int unread,
            boolean opened) {

        /** No post the reader may see yet. */
        public boolean quiet() {
            return lastAt == null;
        }
    }

    /**
     * New replies in a thread the reader follows: how many since then, the first of them (to open
     * the thread at), and the latest.
     */
    public record NewReplies(long threadId, String title, int count, long firstPostId, OffsetDateTime lastAt,
            String lastBy) {
    }

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    ThreadReads(DSLContext db, CohortAccess access, CurrentUser currentUser, Clock clock) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The threads a person follows: those they follow by {@link ThreadFollowService} (posting
     * follows), never one they muted; and, where they never chose either, those they opened or
     * posted in (threads from before follows were kept). The one definition home and the digest use.
     */
    static Condition followedBy(Field<Long> threadId, Field<Long> memberId) {
        var f = org.praxis.jooq.Tables.THREAD_FOLLOW.as("followed_f");
        Post own = POST.as("followed_own");
        var t = THREAD.as("followed_t");
        Condition chosen = DSL.exists(DSL.selectOne().from(f).where(f.THREAD_ID.eq(threadId)).and(f.MEMBER_ID.eq(memberId)));
        Condition following = DSL.exists(DSL.selectOne().from(f).where(f.THREAD_ID.eq(threadId))
                .and(f.MEMBER_ID.eq(memberId)).and(f.MUTED.isFalse()));
        Condition tookPart = DSL.exists(DSL.selectOne().from(own).where(own.THREAD_ID.eq(threadId)).and(own.AUTHOR_ID.eq(memberId)))
                .or(DSL.exists(DSL.selectOne().from(t).where(t.ID.eq(threadId)).and(t.CREATED_BY.eq(memberId))));
        return following.or(DSL.not(chosen).and(tookPart));
    }

    /**
     * Posts that count as activity for the reader: not removed, not hidden, and theirs to read (the
     * rule of {@link Posts}). On {@code POST}: each query below reads posts through its own
     * subquery of {@code POST}, so that the rule applies to the right one.
     */
    private static Condition countable(long me, boolean facilitator) {
        Condition readable = facilitator ? DSL.noCondition() : Posts.readableByPeer(DSL.val(me));
        return POST.DELETED_AT.isNull().and(POST.HIDDEN_AT.isNull()).and(readable);
    }

    /** The reader's name for a post's author (on {@code POST}): hidden from peers when the author hid it. */
    private static Field<String> authorFor(long me, boolean facilitator) {
        Field<String> name = Members.displayName(POST.AUTHOR_ID);
        return facilitator ? name
                : DSL.when(POST.NAME_HIDDEN.isFalse().or(POST.AUTHOR_ID.eq(me)), name).else_(DSL.inline((String) null));
    }

    /**
     * Last activity and unread posts of these threads of the cohort, for the signed-in reader, in
     * one query; threads of other cohorts are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, Activity> activity(long cohortId, Collection<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return Map.of();
        }
        boolean facilitator = access.requireMember(cohortId) == CohortRole.FACILITATOR;
        long me = currentUser.require().id();
        var latest = DSL.lateral(DSL.select(POST.CREATED_AT.as("at"), POST.AUTHOR_ID.as("author"),
                        authorFor(me, facilitator).as("by"))
                .from(POST).where(POST.THREAD_ID.eq(THREAD.ID)).and(countable(me, facilitator))
                .orderBy(POST.CREATED_AT.desc(), POST.ID.desc()).limit(1)).as("latest");
        Field<OffsetDateTime> lastAt = latest.field("at", OffsetDateTime.class);
        Field<Long> lastAuthor = latest.field("author", Long.class);
        Field<String> lastBy = latest.field("by", String.class);
        Field<Integer> unreadCount = DSL.field(DSL.selectCount().from(POST).where(POST.THREAD_ID.eq(THREAD.ID))
                .and(countable(me, facilitator)).and(POST.AUTHOR_ID.ne(me))
                .and(POST.ID.gt(DSL.coalesce(THREAD_READ.LAST_READ_POST_ID, DSL.inline(0L)))));
        Map<Long, Activity> out = new HashMap<>();
        db.select(THREAD.ID, lastAt, lastAuthor, lastBy, unreadCount, THREAD_READ.MEMBER_ID)
                .from(THREAD)
                .leftJoin(THREAD_READ).on(THREAD_READ.THREAD_ID.eq(THREAD.ID)).and(THREAD_READ.MEMBER_ID.eq(me))
                .leftJoin(latest).on(DSL.trueCondition())
                .where(THREAD.ID.in(threadIds)).and(THREAD.COHORT_ID.eq(cohortId))
                .forEach(r -> out.put(r.value1(), new Activity(r.value1(), r.value2(), r.value4(),
                        r.value3() != null && r.value3() == me, r.value5(), r.value6() != null)));
        return out;
    }

    /**
     * The reader was shown the thread up to this post: posts up to it are read. Never moves back
     * (an older tab opened again does not unread what a newer one showed).
     */
    @Transactional
    public void markRead(long threadId, long upToPostId) {
        Long cohortId = db.select(THREAD.COHORT_ID).from(THREAD).where(THREAD.ID.eq(threadId))
                .fetchOne(THREAD.COHORT_ID);
        if (cohortId == null) {
            throw new AccessDeniedException("No thread " + threadId);
        }
        access.requireMember(cohortId);
        long me = currentUser.require().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(THREAD_READ).set(THREAD_READ.MEMBER_ID, me).set(THREAD_READ.THREAD_ID, threadId)
                .set(THREAD_READ.LAST_READ_POST_ID, upToPostId).set(THREAD_READ.READ_AT, now)
                .onConflict(THREAD_READ.MEMBER_ID, THREAD_READ.THREAD_ID).doUpdate()
                .set(THREAD_READ.LAST_READ_POST_ID, DSL.greatest(THREAD_READ.LAST_READ_POST_ID,
                        DSL.excluded(THREAD_READ.LAST_READ_POST_ID)))
                .set(THREAD_READ.READ_AT, now)
                .execute();
    }

    /**
     * For home: threads of the cohort the reader follows ({@link #followedBy}) with posts by others
     * since then that they have not read yet, the latest first.
     */
    @Transactional(readOnly = true)
    public List<NewReplies> newRepliesSince(long cohortId, OffsetDateTime since, int limit) {
        boolean facilitator = access.requireMember(cohortId) == CohortRole.FACILITATOR;
        long me = currentUser.require().id();
        Field<Long> firstId = DSL.min(POST.ID);
        Field<OffsetDateTime> lastAt = DSL.max(POST.CREATED_AT);
        // a subquery of its own POST: the latest post by someone else, and the reader's name for its author
        Field<String> lastBy = DSL.field(DSL.select(authorFor(me, facilitator)).from(POST)
                .where(POST.THREAD_ID.eq(THREAD.ID)).and(countable(me, facilitator)).and(POST.AUTHOR_ID.ne(me))
                .orderBy(POST.CREATED_AT.desc(), POST.ID.desc()).limit(1));
        return db.select(THREAD.ID, THREAD.TITLE, DSL.count(), firstId, lastAt, lastBy)
                .from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .leftJoin(THREAD_READ).on(THREAD_READ.THREAD_ID.eq(THREAD.ID)).and(THREAD_READ.MEMBER_ID.eq(me))
                .where(THREAD.COHORT_ID.eq(cohortId)).and(followedBy(THREAD.ID, DSL.val(me)))
                .and(POST.CREATED_AT.gt(since)).and(POST.AUTHOR_ID.ne(me)).and(countable(me, facilitator))
                .and(POST.ID.gt(DSL.coalesce(THREAD_READ.LAST_READ_POST_ID, DSL.inline(0L))))
                .groupBy(THREAD.ID, THREAD.TITLE)
                .orderBy(lastAt.desc(), THREAD.ID.desc())
                .limit(limit)
                .fetch(r -> new NewReplies(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
