package org.praxis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.praxis.base.db.DatabaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an embedded PostgreSQL of its own, configured as the app runs in
 * production: no test profile, so the durable settings of {@code application.yml} (never the
 * test profile's fast ones), a data folder that is kept, and supervision. The tests here kill
 * that server; the other tests' shared server is never touched.
 */
@SpringBootTest(properties = {
        // always the embedded server, even when the other tests run against PRAXIS_DB_URL
        "praxis.db.url=",
        "praxis.demo=false",
        "praxis.conversation.min-time-between-posts=0s",
        // the crash tests post a run of replies as one person
        "praxis.rate-limits.posts=100000",
        "praxis.mail.host=",
        "praxis.scheduling.initial-delay=1000d",
        "logging.level.root=warn",
        "logging.level.org.praxis=info"})
@Import(TestData.class)
public abstract class DurableDatabaseTest {

    private static final Path FOLDER = Path.of("target", "durable-database-" + ProcessHandle.current().pid())
            .toAbsolutePath();

    @DynamicPropertySource
    static void ownFolders(DynamicPropertyRegistry registry) {
        registry.add("praxis.db.embedded-data-dir", () -> FOLDER.resolve("postgres").toString());
        registry.add("praxis.search.index-dir", () -> FOLDER.resolve("index").toString());
    }

    @Autowired
    protected TestData data;
    @Autowired
    protected DataSource dataSource;
    @Autowired
    protected DatabaseStatus database;
    @Autowired
    protected HealthEndpoint health;

    @AfterEach
    void signOutOfTheTestThread() throws Exception {
        SecurityContextHolder.clearContext();
        awaitThat("the database is back for the next test", database::available);
    }

    protected Status healthStatus() {
        return health.health().getStatus();
    }

    /** The folder the server runs on, as it says itself. */
    protected Path dataDirectory() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show data_directory")) {
            r.next();
            return Path.of(r.getString(1));
        }
    }

    protected static long postmasterPid(Path dataDirectory) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    /** {@code kill -9} of the postmaster, found as an operator would find it; returns once it is dead. */
    protected static long kill(Path dataDirectory) throws Exception {
        long pid = postmasterPid(dataDirectory);
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        return pid;
    }

    protected static void awaitThat(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * The database killed and kept away until {@link #end()}: before the kill, {@code postmaster.pid}
     * is made to name a living process that is not PostgreSQL, so PostgreSQL refuses every restart
     * (as it must) until the file is gone. Supervision keeps trying, as it would for any outage.
     */
    protected final class Outage implements AutoCloseable {

        private final Path pidFile;
        private final Process stranger;
        private boolean ended;

        public Outage() throws Exception {
            Path dir = dataDirectory();
            pidFile = dir.resolve("postmaster.pid");
            stranger = new ProcessBuilder("sleep", "600").start();
            Path fake = dir.resolve("postmaster.pid.outage");
            Files.write(fake, List.of(Long.toString(stranger.pid()), dir.toString(), "0", "1", "", "localhost", "",
                    "ready"));
            long pid = postmasterPid(dir);
            Files.move(fake, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            awaitThat("the app knows the database is gone", () -> !database.available());
        }

        /** Lets the next restart succeed and waits for it. */
        public void end() throws Exception {
            if (ended) {
                return;
            }
            ended = true;
            Files.deleteIfExists(pidFile);
            stranger.destroyForcibly();
            awaitThat("the database is back", database::available);
        }

        @Override
        public void close() throws Exception {
            end();
        }
    }
}
