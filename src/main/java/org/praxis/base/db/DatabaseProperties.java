package org.praxis.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url}, Praxis starts an embedded PostgreSQL; with an empty
 * {@code embeddedDataDir} that server's data is thrown away at exit (as in tests).
 */
@ConfigurationProperties("praxis.db")
public record DatabaseProperties(String url, String user, String password, String embeddedDataDir, int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
