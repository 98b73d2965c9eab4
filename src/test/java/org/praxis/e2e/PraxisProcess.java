package org.praxis.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.praxis.PraxisApplication;
import org.praxis.support.TestSmtp;

/**
 * A whole Praxis in a JVM of its own, as an operator starts it: on an external PostgreSQL (a
 * fresh server of its own, started here), with {@code PRAXIS_DEMO=false}, no test profile, and
 * its mail going to the tests' in-process SMTP server. Its log is kept in a file to read from.
 */
final class PraxisProcess implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private final Path folder;
    private final EmbeddedPostgres database;
    private final Process process;
    private final Path log;
    final int port;

    private PraxisProcess(Path folder, EmbeddedPostgres database, Process process, Path log, int port) {
        this.folder = folder;
        this.database = database;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the database and Praxis, and waits until Praxis answers. */
    static PraxisProcess start(Map<String, String> environment) throws Exception {
        Path folder = Files.createTempDirectory("praxis-fresh-");
        EmbeddedPostgres database = EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("external-postgres"))
                .setCleanDataDirectory(true)
                .start();
        int port = freePort();
        Path log = folder.resolve("praxis.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpraxis.test.smtp-port=" + TestSmtp.PORT,
                "-cp", System.getProperty("java.class.path"), PraxisApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PRAXIS_") || name.startsWith("SPRING_"));
        env.put("PORT", String.valueOf(port));
        env.put("PRAXIS_ADDRESS", "127.0.0.1");
        env.put("PRAXIS_DATA_DIR", folder.resolve("data").toString());
        env.put("PRAXIS_DB_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres");
        env.put("PRAXIS_DB_USER", "postgres");
        env.put("PRAXIS_DB_PASSWORD", "postgres");
        env.put("PRAXIS_DEMO", "false");
        env.put("PRAXIS_MAIL_HOST", "localhost");
        env.put("PRAXIS_MAIL_STARTTLS", "false");
        env.put("PRAXIS_BASE_URL", "http://localhost:" + port + "/");
        env.putAll(environment);
        PraxisProcess praxis = new PraxisProcess(folder, database, builder.start(), log, port);
        praxis.awaitLog(Pattern.compile("Started PraxisApplication"), START_PATIENCE);
        return praxis;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What the log says so far. */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The first group of the first log line that matches, waiting for it; fails when Praxis exits. */
    String awaitLog(Pattern pattern, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(log());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                throw new AssertionError("Praxis exited (" + process.exitValue() + ") before its log said "
                        + pattern + ":\n" + log());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Praxis's log did not say " + pattern + " within " + patience + ":\n" + log());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        database.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
