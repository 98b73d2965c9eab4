package org.praxis.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded PostgreSQL as Praxis runs it: durable with the app's configuration, started
 * again when its process dies, and never left behind by a Praxis that was killed — without ever
 * touching a process that is not its own.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path folder;

    private final List<EmbeddedPostgresServer> acquired = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        acquired.forEach(EmbeddedPostgresServer::release);
        started.forEach(Process::destroyForcibly);
    }

    private EmbeddedPostgresServer acquire(Path dataDir, Map<String, String> settings) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(dataDir.toString(), settings);
        acquired.add(server);
        return server;
    }

    /** praxis.db as the app binds it from application.yml (and, for tests, application-test.yml). */
    private static DatabaseProperties configured(String... profiles) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        yaml.load("application", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        for (String profile : profiles) {
            yaml.load("application-" + profile, new ClassPathResource("application-" + profile + ".yml"))
                    .forEach(source -> environment.getPropertySources().addFirst(source));
        }
        return Binder.get(environment).bind("praxis.db", DatabaseProperties.class).get();
    }

    private static Map<String, String> show(EmbeddedPostgresServer server, String... names) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet r = s.executeQuery("show " + name)) {
                    r.next();
                    values.put(name, r.getString(1));
                }
            }
        }
        return values;
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres");
    }

    private static long pidIn(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(Postmasters::isRunning).orElse(false);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void with_the_apps_configuration_every_commit_is_flushed_and_fully_written_and_it_says_so() throws Exception {
        DatabaseProperties app = configured();
        EmbeddedPostgresServer server = acquire(folder.resolve("postgres"), app.embeddedSettings());

        Map<String, String> shown = show(server, "fsync", "synchronous_commit", "full_page_writes");
        assertThat(shown).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");
        assertThat(server.runningSettings()).as("what the start read back and logged").containsAllEntriesOf(shown);
    }

    @Test
    void the_test_profile_trades_durability_for_speed_by_configuration_only() throws Exception {
        DatabaseProperties tests = configured("test");
        assertThat(tests.embeddedSettings()).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off")
                .containsEntry("full_page_writes", "off");
        EmbeddedPostgresServer server = acquire(folder.resolve("postgres"), tests.embeddedSettings());

        assertThat(show(server, "fsync", "synchronous_commit", "full_page_writes"))
                .containsEntry("fsync", "off").containsEntry("synchronous_commit", "off")
                .containsEntry("full_page_writes", "off");
    }

    @Test
    void a_killed_postmaster_is_started_again_on_the_same_folder_and_port_with_every_commit() throws Exception {
        Path dataDir = folder.resolve("postgres");
        EmbeddedPostgresServer server = acquire(dataDir, Map.of());
        List<Boolean> heard = Collections.synchronizedList(new ArrayList<>());
        server.onChange(heard::add);
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("create table note (id int primary key)");
            for (int i = 1; i <= 200; i++) {
                s.execute("insert into note values (" + i + ")");
            }
        }
        long pid = pidIn(dataDir);
        int port = server.port();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await("the database to go and come back", () -> heard.equals(List.of(false, true)));
        assertThat(server.up()).isTrue();
        assertThat(server.port()).isEqualTo(port);
        assertThat(pidIn(dataDir)).isNotEqualTo(pid);
        try (Connection c = connect(server); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*), max(id) from note")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(200);
            assertThat(r.getInt(2)).isEqualTo(200);
        }
    }

    private Process child(Path dataDir, String note) throws Exception {
        Path output = folder.resolve("child-" + started.size() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Path.of("db/codegen-logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServerChild.class.getName(),
                dataDir.toString(), note)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        started.add(process);
        await("the child to start its database", () -> {
            try {
                assertThat(process.isAlive()).as("the child is running: %s", Files.readString(output)).isTrue();
                return Files.readString(output, StandardCharsets.UTF_8).contains("READY");
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    @Test
    void after_a_praxis_is_killed_the_next_start_on_its_folder_stops_the_postgres_it_left_and_succeeds_at_once()
            throws Exception {
        Path dataDir = folder.resolve("postgres");
        Process first = child(dataDir, "written before the kill");
        long leftBehind = pidIn(dataDir);

        assertThatThrownBy(() -> acquire(dataDir, Map.of()))
                .as("a second Praxis on a folder in use is refused")
                .hasMessageContaining("in use by another Praxis");
        assertThat(running(leftBehind)).as("and the first one's database is untouched").isTrue();

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running(leftBehind)).as("the postmaster outlives the killed JVM").isTrue();

        EmbeddedPostgresServer server = acquire(dataDir, Map.of());

        assertThat(running(leftBehind)).isFalse();
        assertThat(pidIn(dataDir)).isNotEqualTo(leftBehind);
        try (Connection c = connect(server); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select note from kept")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("written before the kill");
        }
    }

    @Test
    void a_postgres_serving_another_folder_named_in_postmaster_pid_is_never_touched() throws Exception {
        Path other = folder.resolve("other");
        EmbeddedPostgresServer otherServer = acquire(other, Map.of());
        long otherPid = pidIn(other);
        Path mine = folder.resolve("mine");
        EmbeddedPostgresServer.acquire(mine.toString(), Map.of()).release();
        Files.copy(other.resolve("postmaster.pid"), mine.resolve("postmaster.pid"));

        assertThatThrownBy(() -> acquire(mine, Map.of()))
                .as("PostgreSQL itself refuses the folder").hasMessageContaining("postmaster.pid");

        assertThat(running(otherPid)).isTrue();
        assertThat(show(otherServer, "data_directory").get("data_directory")).isEqualTo(other.toString());
        Files.delete(mine.resolve("postmaster.pid"));
    }

    @Test
    void a_process_that_is_not_postgres_named_in_postmaster_pid_is_never_touched() throws Exception {
        Path mine = folder.resolve("mine");
        EmbeddedPostgresServer.acquire(mine.toString(), Map.of()).release();
        Process stranger = new ProcessBuilder("sleep", "120").start();
        started.add(stranger);
        List<String> lines = new ArrayList<>(List.of(Long.toString(stranger.pid()), mine.toString(), "0", "5432"));
        Files.write(mine.resolve("postmaster.pid"), lines);

        assertThatThrownBy(() -> acquire(mine, Map.of())).hasMessageContaining("postmaster.pid");

        assertThat(stranger.waitFor(Duration.ofMillis(300).toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stranger.isAlive()).isTrue();
        Files.delete(mine.resolve("postmaster.pid"));
    }
}
