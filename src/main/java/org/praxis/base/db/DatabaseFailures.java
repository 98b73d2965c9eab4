package org.praxis.base.db;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database could not be reached (down, restarting, the connection
 * broken) from every other failure. Such a failure says nothing about the work: it may or may not
 * have been saved, and trying again later is the right answer, so views say "saving is paused"
 * rather than "that didn't work".
 */
public final class DatabaseFailures {

    /** Admin shutdown, crash shutdown, cannot connect now (starting up, shutting down, recovering). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a rollback on a broken connection fails too, and hides why the work failed
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && isUnavailable(tx.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof IOException && t.getClass().getName().startsWith("java.net.")) {
                return true;
            }
        }
        return false;
    }
}
