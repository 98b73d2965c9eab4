package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.REACTION;

import org.jooq.DSLContext;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reactions to posts, by the words in {@link ReactionKind}, showing who reacted. */
@Service
public class ReactionService {

    private final DSLContext db;
    private final ThreadService threads;
    private final CurrentUser currentUser;

    private final RateLimiter limits;

    private final org.praxis.cohort.CohortAccess access;

    ReactionService(DSLContext db, ThreadService threads, CurrentUser currentUser, RateLimiter limits,
            org.praxis.cohort.CohortAccess access) {
        this.access = access;
        this.limits = limits;
        this.db = db;
        this.threads = threads;
        this.currentUser = currentUser;
    }

    /**
     * Adds the reader's reaction, or takes it back if they had given it. Only on posts they can
     * read; limited per person ({@link org.praxis.base.limit.RateLimitedException}).
     */
    @Transactional
    public void toggle(long postId, ReactionKind kind) {
        limits.hit(RateLimiter.Action.REACTION);
        Long threadId = db.select(POST.THREAD_ID).from(POST).where(POST.ID.eq(postId)).fetchOne(POST.THREAD_ID);
        if (threadId == null || threads.read(threadId, ThreadService.Sort.OLDEST_FIRST).posts().stream()
                .noneMatch(p -> p.id() == postId && p.state() == PostState.VISIBLE && !p.mine())) {
            // not readable, not shown, or one's own post (a reaction would put a hidden name on it)
            throw new AccessDeniedException("No post " + postId + " to react to");
        }
        access.requireOpen(threads.header(threadId).cohortId());
        long me = currentUser.require().id();
        int removed = db.deleteFrom(REACTION).where(REACTION.POST_ID.eq(postId)).and(REACTION.MEMBER_ID.eq(me))
                .and(REACTION.KIND.eq(kind.name())).execute();
        if (removed == 0) {
            db.insertInto(REACTION).set(REACTION.POST_ID, postId).set(REACTION.MEMBER_ID, me)
                    .set(REACTION.KIND, kind.name()).execute();
        }
    }
}
