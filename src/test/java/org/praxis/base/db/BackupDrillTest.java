package org.praxis.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.POST;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.PraxisApplication;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The backup drill, through the jar's own commands: back up the running test database, restore
 * it into a fresh embedded data folder, start Praxis on that folder, and find every post there
 * and by search (the index is rebuilt from the tables; it is not in the backup).
 */
class BackupDrillTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    private record Ran(int exit, String out, String err) {
    }

    private static Ran command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DatabaseCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Arguments that point the command at the database this test runs on (embedded or configured). */
    private String[] theTestDatabase() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return new String[] {"--praxis.db.url=" + pool.getJdbcUrl(), "--praxis.db.user=" + pool.getUsername(),
                "--praxis.db.password=" + (pool.getPassword() == null ? "" : pool.getPassword())};
    }

    private static String[] with(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void a_backup_restored_into_a_fresh_data_folder_starts_with_every_post_present_and_searchable() throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        List<String> words = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String word = "drill" + Long.toString(System.nanoTime(), 36);
            words.add(word);
            posts.add(threads.reply(thread, null, "A post with the word " + word + " in it", false, false));
        }
        long postsInTheDatabase = data.db().fetchCount(POST);
        Path backup = folder.resolve("praxis-backup.zip");

        Ran backedUp = command(with(new String[] {"backup", backup.toString()}, theTestDatabase()));

        assertThat(backedUp.exit()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).contains("Backed up").contains("schema version " + newestMigration());
        assertThat(backup).isRegularFile();
        assertThat(folder.resolve("praxis-backup.zip.part")).doesNotExist();

        Path restored = folder.resolve("restored");
        Ran restoring = command("restore", backup.toString(), "--praxis.db.url=",
                "--praxis.db.embedded-data-dir=" + restored.resolve("postgres"));

        assertThat(restoring.exit()).as(restoring.err()).isZero();
        assertThat(restoring.out()).contains("Restored").contains("rebuilds the search index");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PraxisApplication.class)
                .profiles("test")
                .run("--praxis.db.url=", "--praxis.db.embedded-data-dir=" + restored.resolve("postgres"),
                        "--praxis.search.index-dir=" + restored.resolve("index"), "--server.port=0",
                        "--vaadin.productionMode=true", "--spring.main.banner-mode=off")) {
            DSLContext db = app.getBean(DSLContext.class);
            assertThat(db.fetchCount(POST)).isEqualTo(postsInTheDatabase);
            for (int i = 0; i < posts.size(); i++) {
                assertThat(db.select(POST.BODY_MARKDOWN).from(POST).where(POST.ID.eq(posts.get(i))).fetchOne(POST.BODY_MARKDOWN))
                        .contains(words.get(i));
            }

            Indexer indexer = app.getBean(Indexer.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (indexer.rebuilding()) {
                assertThat(System.nanoTime()).as("the search index is rebuilt").isLessThan(deadline);
                Thread.sleep(100);
            }
            PraxisUser user = new PraxisUser(member.id(), member.email(), member.name(), member.role(), true, null);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SearchService search = app.getBean(SearchService.class);
            for (int i = 0; i < posts.size(); i++) {
                long post = posts.get(i);
                String word = words.get(i);
                awaitFound(search, word, post);
            }

            // new rows continue after the restored ones
            long next = app.getBean(ThreadService.class).reply(thread, null, "After the restore", false, false);
            assertThat(next).isGreaterThan(posts.get(posts.size() - 1));
        }
    }

    private static void awaitFound(SearchService search, String word, long post) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (search.search(word, 10).stream().noneMatch(h -> h.type().equals("post") && h.id() == post)) {
            assertThat(System.nanoTime()).as("post %d is found by %s", post, word).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void a_backup_restores_into_an_empty_database_on_a_configured_server() throws Exception {
        Path backup = folder.resolve("praxis-backup.zip");
        assertThat(command(with(new String[] {"backup", backup.toString()}, theTestDatabase())).exit()).isZero();
        long posts = data.db().fetchCount(POST);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        String name = "praxis_restore_" + Long.toString(System.nanoTime(), 36);
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            org.junit.jupiter.api.Assumptions.abort("this server does not let the tests create a database: " + e);
        }
        String url = pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            Ran restoring = command("restore", backup.toString(), "--praxis.db.url=" + url,
                    "--praxis.db.user=" + pool.getUsername(),
                    "--praxis.db.password=" + (pool.getPassword() == null ? "" : pool.getPassword()));

            assertThat(restoring.exit()).as(restoring.err()).isZero();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, pool.getUsername(), pool.getPassword());
                    java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet r = s.executeQuery("select count(*) from post")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(posts);
            }
        } finally {
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("drop database " + name + " with (force)");
            }
        }
    }

    @Test
    void a_restore_over_a_database_that_is_not_empty_is_refused_and_changes_nothing() throws Exception {
        Path backup = folder.resolve("praxis-backup.zip");
        assertThat(command(with(new String[] {"backup", backup.toString()}, theTestDatabase())).exit()).isZero();
        long posts = data.db().fetchCount(POST);

        Ran refused = command(with(new String[] {"restore", backup.toString()}, theTestDatabase()));

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("not empty").contains("--replace");
        assertThat(data.db().fetchCount(POST)).isEqualTo(posts);
    }

    @Test
    void a_restore_into_a_fresh_folder_then_again_with_replace_gives_the_same_rows_and_a_plain_file_is_refused()
            throws Exception {
        Path backup = folder.resolve("praxis-backup.zip");
        assertThat(command(with(new String[] {"backup", backup.toString()}, theTestDatabase())).exit()).isZero();
        String dataDir = "--praxis.db.embedded-data-dir=" + folder.resolve("again").resolve("postgres");
        assertThat(command("restore", backup.toString(), "--praxis.db.url=", dataDir).exit()).isZero();

        Ran secondTime = command("restore", backup.toString(), "--praxis.db.url=", dataDir);
        assertThat(secondTime.exit()).isEqualTo(1);
        Ran replaced = command("restore", backup.toString(), "--replace", "--praxis.db.url=", dataDir);
        assertThat(replaced.exit()).as(replaced.err()).isZero();

        Path notABackup = Files.writeString(folder.resolve("notes.zip"), "just text");
        Ran junk = command("restore", notABackup.toString(), "--praxis.db.url=",
                "--praxis.db.embedded-data-dir=" + folder.resolve("junk").resolve("postgres"));
        assertThat(junk.exit()).isEqualTo(1);
        assertThat(junk.err()).contains("is not a Praxis backup").doesNotContain("Exception");
    }

    /** The highest {@code V<n>__} of {@code db/migration}: the schema version a backup records. */
    private static int newestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("db", "migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }
}
