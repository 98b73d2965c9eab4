package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.cohort.CohortAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened in the conversations for one person, for their email digest, which is built
 * while nobody is signed in: the person is given, and only what they may read is told.
 */
@Service
public class ThreadNews {

    private final DSLContext db;

    ThreadNews(DSLContext db) {
        this.db = db;
    }

    /** Replies by others in one thread: its title and how many. */
    public record Replies(String threadTitle, int count) {
    }

    /**
     * Replies by others since then in threads of their cohorts that the person started or posted
     * in, and may read; the threads with the latest reply first.
     */
    @Transactional(readOnly = true)
    public List<Replies> repliesFor(long memberId, OffsetDateTime since, int limit) {
        // the threads they follow: the one definition home uses too
        var inThread = ThreadReads.followedBy(THREAD.ID, DSL.val(memberId));
        return db.select(THREAD.TITLE, DSL.count()).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.CREATED_AT.gt(since)).and(POST.AUTHOR_ID.ne(memberId)).and(POST.DELETED_AT.isNull())
                .and(POST.HIDDEN_AT.isNull()).and(inThread)
                // in the thread's cohort, and the one facilitators-only rule
                .and(Posts.visibleTo(DSL.val(memberId)))
                .groupBy(THREAD.ID, THREAD.TITLE).orderBy(DSL.max(POST.CREATED_AT).desc()).limit(limit)
                .fetch(r -> new Replies(r.value1(), r.value2()));
    }

    /** The titles of those threads the person may read (threads of their cohorts), by id. */
    @Transactional(readOnly = true)
    public Map<Long, String> titlesReadableBy(long memberId, Collection<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return Map.of();
        }
        return db.select(THREAD.ID, THREAD.TITLE).from(THREAD).where(THREAD.ID.in(threadIds))
                .and(CohortAccess.memberOf(THREAD.COHORT_ID, DSL.val(memberId)))
                .fetchMap(THREAD.ID, THREAD.TITLE);
    }
}
