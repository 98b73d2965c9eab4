package org.praxis.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Only a database that cannot be reached reads as "saving is paused"; a real error stays an error. */
class DatabaseFailuresTest {

    @Test
    void a_broken_or_refused_connection_or_a_server_shutting_down_is_unavailability() {
        assertThat(DatabaseFailures.isUnavailable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"))))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void a_failed_rollback_on_a_broken_connection_is_judged_by_what_broke_the_work() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new RuntimeException(new SQLException("terminating connection", "57P01")));
        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();

        TransactionSystemException other = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        other.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseFailures.isUnavailable(other)).isFalse();
    }

    @Test
    void a_refused_row_or_a_bug_is_not_unavailability() {
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("division by zero", "22012"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new NullPointerException())).isFalse();
    }
}
