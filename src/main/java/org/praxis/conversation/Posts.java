package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.cohort.CohortAccess;
import org.praxis.jooq.tables.Post;

/**
 * Who may read a post, written once: the thread page, digests and (as the matching Lucene clause
 * in {@link ConversationSearch}) search all use it. A post is read by the members of its thread's
 * cohort; a facilitators-only one by the cohort's facilitators, its author, and — when it answers
 * a facilitators-only post — that post's author: a private exchange with the facilitators.
 * Conditions on {@code POST}, which the query must have in scope; whether the reader belongs to
 * the cohort at all the query decides (as {@link #visibleTo} does).
 */
public final class Posts {

    private Posts() {
    }

    /** Mark of a post every member of the cohort may read. */
    static final String OPEN = "open";
    /** Mark of a facilitators-only post. */
    static final String FACILITATORS_ONLY = "facilitators-only";

    /**
     * What someone who is not a facilitator of the cohort may read of it: posts for everyone,
     * their own, and the answers to their own facilitators-only posts.
     */
    public static Condition readableByPeer(Field<Long> memberId) {
        Post parent = POST.as("posts_parent");
        return POST.FACILITATORS_ONLY.isFalse().or(POST.AUTHOR_ID.eq(memberId))
                .or(DSL.exists(DSL.selectOne().from(parent).where(parent.ID.eq(POST.PARENT_ID))
                        .and(parent.AUTHOR_ID.eq(memberId)).and(parent.FACILITATORS_ONLY.isTrue())));
    }

    /** Whether the person may read the post: in its thread's cohort, and {@link #readableByPeer} or its facilitator. */
    public static Condition visibleTo(Field<Long> memberId) {
        var t = THREAD.as("posts_thread");
        return DSL.exists(DSL.selectOne().from(t).where(t.ID.eq(POST.THREAD_ID))
                .and(CohortAccess.memberOf(t.COHORT_ID, memberId))
                .and(readableByPeer(memberId).or(CohortAccess.facilitatorOf(t.COHORT_ID, memberId))));
    }
}
