package org.praxis.base.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DataSource}: the configured PostgreSQL, or the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /**
     * Closes the pool, and then lets go of the embedded server, so PostgreSQL stops only after
     * every connection is returned (Spring destroys this bean in its context's shutdown).
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties) {
        HikariDataSource dataSource = properties.embedded() ? new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                EmbeddedPostgresServer.release();
            }
        } : new HikariDataSource();
        dataSource.setPoolName("praxis");
        dataSource.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 10);
        if (properties.embedded()) {
            dataSource.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(properties.embeddedDataDir(), properties.embeddedSettings()));
            dataSource.setUsername("postgres");
            dataSource.setPassword("postgres");
        } else {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.user());
            dataSource.setPassword(properties.password());
        }
        return dataSource;
    }
}
