package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.jooq.tables.Post;
import org.praxis.jooq.tables.Thread;

/**
 * What other features may show of a thread inside their own queries, as fields correlated on an
 * id they hold (a prompt's id, a thread's id such as {@code ANALYSIS_THREAD.THREAD_ID}); null where
 * the id names no thread. They hold no rights check: the query they go into
 * decides who reads the row.
 */
public final class Threads {

    private Threads() {
    }

    /** The thread's title. */
    public static Field<String> title(Field<Long> threadId) {
        Thread t = THREAD.as("threads_t");
        return DSL.field(DSL.select(t.TITLE).from(t).where(t.ID.eq(threadId)));
    }

    /** The cohort the thread belongs to. */
    public static Field<Long> cohortId(Field<Long> threadId) {
        Thread t = THREAD.as("threads_c");
        return DSL.field(DSL.select(t.COHORT_ID).from(t).where(t.ID.eq(threadId)));
    }

    /** The id of the prompt's thread. */
    public static Field<Long> ofPrompt(Field<Long> promptId) {
        Thread t = THREAD.as("threads_p");
        return DSL.field(DSL.select(t.ID).from(t).where(t.PROMPT_ID.eq(promptId)));
    }

    /** Whether the thread is locked. */
    public static Field<Boolean> locked(Field<Long> threadId) {
        Thread t = THREAD.as("threads_l");
        return DSL.field(DSL.select(t.LOCKED).from(t).where(t.ID.eq(threadId)));
    }

    /** How many posts everyone in the cohort reads there: not removed, not facilitators-only. */
    public static Field<Integer> sharedPostCount(Field<Long> threadId) {
        Post p = POST.as("threads_n");
        return DSL.field(DSL.selectCount().from(p).where(p.THREAD_ID.eq(threadId)).and(p.DELETED_AT.isNull())
                .and(p.FACILITATORS_ONLY.isFalse()));
    }
}
