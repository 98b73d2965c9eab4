package org.praxis.base.db;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets scheduled work run on one app node at a time: a PostgreSQL advisory lock held until the
 * caller's transaction ends. A node that does not get it skips the run; another node is doing it.
 */
@Component
public class ClusterLock {

    /** Keeps these locks apart from the row-level advisory locks of sign-in throttling (classes 1 and 2). */
    private static final int JOBS = 100;

    private final DSLContext db;

    ClusterLock(DSLContext db) {
        this.db = db;
    }

    /** True when this transaction now holds the job's lock; false when another node holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryLock(String job) {
        return Boolean.TRUE.equals(db.fetchValue("select pg_try_advisory_xact_lock(?, hashtext(?))", JOBS, job));
    }
}
