package org.praxis.base.db;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar praxis.jar backup <file>} and {@code restore <file> [--replace]}: the
 * database, embedded or configured, to and from one file (see {@link DatabaseBackup}). The
 * settings are read as the app reads them ({@code PRAXIS_*} variables, {@code application.yml},
 * {@code --praxis.db.url=...} arguments). With the embedded database, a backup reads from the
 * running Praxis when one runs on the folder, or starts the server itself; a restore needs
 * Praxis stopped.
 */
public final class DatabaseCommand {

    private DatabaseCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Only the settings, none of the app: no web server, no migrations, no search index. */
    @EnableConfigurationProperties(DatabaseProperties.class)
    static class Settings {
    }

    /** Runs the command; the exit code (0 when it worked). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        List<String> springArgs = new ArrayList<>();
        String file = null;
        boolean replace = false;
        for (String arg : List.of(args).subList(1, args.length)) {
            if (arg.equals("--replace") && command.equals("restore")) {
                replace = true;
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else if (file == null) {
                file = arg;
            } else {
                err.println("Unexpected argument: " + arg);
                return 2;
            }
        }
        if (file == null) {
            err.println("Usage: java -jar praxis.jar backup <file>");
            err.println("       java -jar praxis.jar restore <file> [--replace]");
            return 2;
        }
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("logging.level.root=warn").run(springArgs.toArray(String[]::new))) {
            DatabaseProperties database = settings.getBean(DatabaseProperties.class);
            String indexDir = settings.getEnvironment().getProperty("praxis.search.index-dir");
            Path path = Path.of(file).toAbsolutePath();
            if (command.equals("backup")) {
                backup(database, path, out);
            } else {
                restore(database, path, replace, indexDir, out);
            }
            return 0;
        } catch (DatabaseBackup.Refused | IllegalStateException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println(command + " failed: " + e);
            return 1;
        }
    }

    private static void backup(DatabaseProperties database, Path file, PrintStream out) throws Exception {
        long started = System.nanoTime();
        DatabaseBackup.Manifest m;
        if (!database.embedded()) {
            m = new DatabaseBackup(database.url(), database.user(), database.password()).backup(file);
        } else {
            Path folder = Path.of(database.embeddedDataDir());
            if (!Files.exists(folder.resolve("PG_VERSION"))) {
                throw new DatabaseBackup.Refused("There is no database in " + folder.toAbsolutePath()
                        + " (set PRAXIS_DATA_DIR to the folder Praxis runs on).");
            }
            OptionalInt running = EmbeddedPostgresServer.runningElsewhere(folder);
            if (running.isPresent()) {
                m = new DatabaseBackup("jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres", "postgres",
                        "postgres").backup(file);
            } else {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(database.embeddedDataDir(),
                        database.embeddedSettings());
                try {
                    m = new DatabaseBackup(server.jdbcUrl(), "postgres", "postgres").backup(file);
                } finally {
                    server.release();
                }
            }
        }
        out.printf("Backed up %d tables (%,d rows) at schema version %s to %s (%,d KB) in %.1f s%n", m.tables().size(),
                m.rows(), m.schemaVersion(), file, Files.size(file) / 1024, (System.nanoTime() - started) / 1e9);
    }

    private static void restore(DatabaseProperties database, Path file, boolean replace, String indexDir,
            PrintStream out) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new DatabaseBackup.Refused("There is no backup at " + file + ".");
        }
        long started = System.nanoTime();
        DatabaseBackup.Manifest m;
        String where;
        if (!database.embedded()) {
            m = new DatabaseBackup(database.url(), database.user(), database.password()).restore(file, replace);
            where = database.url();
        } else {
            Path folder = Path.of(database.embeddedDataDir()).toAbsolutePath();
            if (EmbeddedPostgresServer.runningElsewhere(folder).isPresent()) {
                throw new DatabaseBackup.Refused("Praxis is running on " + folder + ": stop it before restoring.");
            }
            EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(folder.toString(),
                    database.embeddedSettings());
            try {
                m = new DatabaseBackup(server.jdbcUrl(), "postgres", "postgres").restore(file, replace);
            } finally {
                server.release();
            }
            where = folder.toString();
        }
        out.printf("Restored %d tables (%,d rows) at schema version %s into %s in %.1f s%n", m.tables().size(), m.rows(),
                m.schemaVersion(), where, (System.nanoTime() - started) / 1e9);
        out.println("Start Praxis as usual: it migrates to its own schema version and rebuilds the search index.");
        if (indexDir != null && !indexDir.isBlank() && hasFiles(Path.of(indexDir))) {
            out.println("The search index in " + Path.of(indexDir).toAbsolutePath() + " is from before the restore: "
                    + "delete that folder before starting Praxis (on every node), so it is rebuilt from the tables.");
        }
    }

    private static boolean hasFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }
}
