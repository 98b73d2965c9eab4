package org.praxis.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url}, Praxis starts an embedded PostgreSQL; with an empty
 * {@code embeddedDataDir} that server's data is thrown away at exit (as in tests).
 * {@code embeddedSettings} are extra {@code postgresql.conf} settings for the embedded server
 * (for example {@code shared_buffers}), as a benchmark or a larger install may want; they come
 * after the durable defaults ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes}
 * on), so the test profile can trade those for speed.
 */
@ConfigurationProperties("praxis.db")
public record DatabaseProperties(String url, String user, String password, String embeddedDataDir, int poolSize,
        java.util.Map<String, String> embeddedSettings) {

    public DatabaseProperties {
        embeddedSettings = embeddedSettings == null ? java.util.Map.of() : java.util.Map.copyOf(embeddedSettings);
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
