package org.praxis.conversation;

import static org.praxis.jooq.Tables.THREAD;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.jooq.tables.Thread;

/**
 * What other features may show of a thread inside their own queries, as fields correlated on a
 * thread id they hold ({@code ANALYSIS_THREAD.THREAD_ID}): null where the id is null or names no
 * thread. They hold no rights check: the query they go into decides who reads the row.
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
}
