package org.praxis.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL per JVM, started on first use. Spring may build several application
 * contexts in one test JVM; they all share this server (each test owns its rows). Each context
 * {@linkplain #release() releases} it after its connection pool has closed, and the last release
 * stops the server; a JVM shutdown hook stops it too if a context was never closed.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static EmbeddedPostgres server;
    private static String dataDirectory;
    private static int users;

    private EmbeddedPostgresServer() {
    }

    /** The JDBC URL of the running server, starting it first if needed. */
    static synchronized String jdbcUrl(String dataDir, java.util.Map<String, String> settings) {
        users++;
        if (server == null) {
            server = start(dataDir, settings);
            dataDirectory = dataDir;
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "embedded-postgres-stop"));
        } else if (!String.valueOf(dataDir).equals(String.valueOf(dataDirectory))) {
            log.warn("Embedded PostgreSQL already runs on {}, ignoring {}", dataDirectory, dataDir);
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(String dataDir, java.util.Map<String, String> settings) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC");
            settings.forEach(builder::setServerConfig);
            if (dataDir != null && !dataDir.isBlank()) {
                Path directory = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL started on port {} in {} ms (data: {})", pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000,
                    dataDir == null || dataDir.isBlank() ? "temporary" : Path.of(dataDir).toAbsolutePath());
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** One context is done with the server; the last one stops it. */
    static synchronized void release() {
        users = Math.max(0, users - 1);
        if (users == 0) {
            stop();
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            server = null;
        }
    }
}
