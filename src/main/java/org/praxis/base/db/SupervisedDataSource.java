package org.praxis.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool of the embedded server, which asks before it asks the pool. While the supervisor is
 * starting the server again, a caller waits a moment for it and is then told at once that the
 * database is away, instead of waiting on the pool: so no request hangs, and the pool never
 * backs off into long pauses between attempts that would delay it once the server is back.
 */
final class SupervisedDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Long enough to ride out a typical restart after a crash (a second or two). */
    static final long WAIT_FOR_RESTART_MS = 2000;

    private final HikariDataSource pool;
    private final DatabaseStatus status;
    private final Runnable onClose;

    SupervisedDataSource(HikariDataSource pool, DatabaseStatus status, Runnable onClose) {
        super(pool);
        this.pool = pool;
        this.status = status;
        this.onClose = onClose;
    }

    @Override
    public Connection getConnection() throws SQLException {
        awaitServer();
        return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        awaitServer();
        return super.getConnection(username, password);
    }

    private void awaitServer() throws SQLException {
        try {
            if (status.awaitAvailable(WAIT_FOR_RESTART_MS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLTransientConnectionException("The embedded database is starting again after it stopped", "08001");
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            onClose.run();
        }
    }
}
