package org.praxis.base.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DataSource}: the configured PostgreSQL, or the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /**
     * How long a request waits for a connection. Short, so nothing hangs while the database is
     * away, yet long enough that a click during the second or two the embedded server needs to
     * come back after a crash simply waits and succeeds.
     */
    static final long CONNECTION_TIMEOUT_MS = 3000;

    /** Starts the embedded server when no server is configured, and watches it. */
    @Bean
    DatabaseStatus databaseStatus(DatabaseProperties properties) {
        return new DatabaseStatus(properties.embedded()
                ? EmbeddedPostgresServer.acquire(properties.embeddedDataDir(), properties.embeddedSettings())
                : null);
    }

    /**
     * Closes the pool, and then lets go of the embedded server, so PostgreSQL stops only after
     * every connection is returned (Spring destroys this bean in its context's shutdown).
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties, DatabaseStatus status) {
        EmbeddedPostgresServer server = status.server();
        DatabaseStatus.Subscription[] recovery = new DatabaseStatus.Subscription[1];
        HikariDataSource dataSource = server != null ? new HikariDataSource() {
            @Override
            public void close() {
                recovery[0].cancel();
                super.close();
                server.release();
            }
        } : new HikariDataSource();
        dataSource.setPoolName("praxis");
        dataSource.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 10);
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        dataSource.setValidationTimeout(1000);
        if (server != null) {
            dataSource.setJdbcUrl(server.jdbcUrl());
            dataSource.setUsername("postgres");
            dataSource.setPassword("postgres");
            // connections from before a restart are dead: replace them at once rather than on first use
            recovery[0] = status.onChange(up -> {
                HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
                if (up && pool != null) {
                    pool.softEvictConnections();
                }
            });
        } else {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.user());
            dataSource.setPassword(properties.password());
        }
        return dataSource;
    }

    /**
     * Replaces Spring Boot's {@code db} health check: DOWN at once while the embedded server is
     * away (without waiting on the pool), otherwise a round trip bounded by the pool's timeout.
     */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseStatus status, DataSource dataSource) {
        return () -> {
            if (!status.available()) {
                return Health.down().withDetail("database", "restarting").build();
            }
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(1) ? Health.up().build() : Health.down().build();
            } catch (SQLException e) {
                return Health.down(e).build();
            }
        };
    }
}
