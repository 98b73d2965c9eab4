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
     * How long a request waits for a connection: short, so nothing hangs while the database is
     * away (the embedded server is awaited apart from this, by {@link SupervisedDataSource}).
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
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("praxis");
        pool.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 10);
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        pool.setValidationTimeout(1000);
        EmbeddedPostgresServer server = status.server();
        if (server == null) {
            pool.setJdbcUrl(properties.url());
            pool.setUsername(properties.user());
            pool.setPassword(properties.password());
            return pool;
        }
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        // no connections kept open for their own sake: a pool that keeps some would keep trying
        // to reopen them while the server is away, pausing longer each time, and so be slow to
        // notice that it is back
        pool.setMinimumIdle(0);
        // connections from before a restart are dead: replace them at once rather than on first use
        DatabaseStatus.Subscription recovery = status.onChange(up -> {
            HikariPoolMXBean mx = pool.getHikariPoolMXBean();
            if (up && mx != null) {
                mx.softEvictConnections();
            }
        });
        return new SupervisedDataSource(pool, status, () -> {
            recovery.cancel();
            server.release();
        });
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
