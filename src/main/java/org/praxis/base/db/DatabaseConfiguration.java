package org.praxis.base.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link DataSource}: the configured PostgreSQL, or the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataSource dataSource(DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("praxis");
        dataSource.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 10);
        if (properties.embedded()) {
            dataSource.setJdbcUrl(EmbeddedPostgresServer.jdbcUrl(properties.embeddedDataDir()));
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
