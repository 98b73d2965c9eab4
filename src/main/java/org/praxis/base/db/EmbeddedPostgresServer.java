package org.praxis.base.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL that Praxis runs itself, on a data folder, and keeps running.
 *
 * <p><b>Durable.</b> It starts with {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on (zonky's test-minded defaults turn the first two off), so a commit
 * the user saw is on disk; only the test profile turns them off, through
 * {@code praxis.db.embedded-settings}. What the server actually runs with is read back and logged.
 *
 * <p><b>Supervised.</b> The postmaster is a child process of this JVM; when it exits without
 * being asked to, it is started again on the same data folder and port (PostgreSQL recovers
 * from its write-ahead log), and listeners hear that the database went away and came back.
 *
 * <p><b>Never left behind, never doubled.</b> While it runs, this JVM holds a lock on
 * {@code epg-lock} in the data folder (the file zonky's own servers lock, so the two exclude
 * each other). A second Praxis on the same folder is refused. A postmaster still running on the
 * folder while nobody holds that lock was left by a Praxis that died: it is stopped with a fast
 * shutdown before the new start, once {@link Postmasters#servesFolder} has confirmed that the
 * process named in {@code postmaster.pid} is a PostgreSQL serving exactly that folder. No other
 * process is ever signalled.
 *
 * <p>Spring may build several application contexts in one test JVM; those asking for the same
 * folder (or, like the tests, for a throw-away one) share one server. Each
 * {@linkplain #release() releases} it after its connection pool has closed; the last release
 * stops it, and a JVM shutdown hook stops whatever is left.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** PostgreSQL's own output, under a name of its own so it can be tuned apart. */
    private static final Logger postgresLog = LoggerFactory.getLogger("org.praxis.base.db.postgres");

    /** The settings that make an acknowledged commit survive a crash; they come first and can be overridden. */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");
    static final String LOCK_FILE = "epg-lock";

    private static final Map<String, EmbeddedPostgresServer> servers = new HashMap<>();
    private static boolean hookInstalled;

    enum State { UP, RESTARTING, STOPPED }

    private final Path dataDir;
    private final boolean temporary;
    private final Map<String, String> settings;
    private final String key;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService supervisor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "embedded-postgres-supervisor");
        t.setDaemon(true);
        return t;
    });
    private FileChannel lockChannel;
    private FileLock folderLock;
    private int port;
    private volatile Process postmaster;
    private volatile Process starting;
    private volatile State state = State.STOPPED;
    private volatile boolean stopping;
    private volatile Map<String, String> running = Map.of();
    private int users;

    private EmbeddedPostgresServer(String key, Path dataDir, boolean temporary, Map<String, String> settings) {
        this.key = key;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.settings = settings;
    }

    /**
     * The server for this data folder (blank: a throw-away folder, shared by everyone asking for
     * one), started first if needed. Each call must be matched by one {@link #release()}.
     */
    static synchronized EmbeddedPostgresServer acquire(String dataDir, Map<String, String> extraSettings) {
        boolean temporary = dataDir == null || dataDir.isBlank();
        String key = temporary ? "" : Path.of(dataDir).toAbsolutePath().normalize().toString();
        EmbeddedPostgresServer server = servers.get(key);
        if (server == null) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("max_connections", "100");
            settings.put("timezone", "UTC");
            settings.putAll(DURABLE);
            settings.putAll(extraSettings);
            try {
                Path folder = temporary ? Files.createTempDirectory("praxis-postgres-") : Path.of(key);
                server = new EmbeddedPostgresServer(key, folder, temporary, Map.copyOf(settings));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not make a folder for the embedded PostgreSQL", e);
            }
            server.start();
            servers.put(key, server);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAll, "embedded-postgres-stop"));
                hookInstalled = true;
            }
        } else if (!server.settings.entrySet().containsAll(extraSettings.entrySet())) {
            log.warn("Embedded PostgreSQL on {} already runs with {}; ignoring {}", server.describeFolder(),
                    server.settings, extraSettings);
        }
        server.users++;
        return server;
    }

    /** One user is done with the server; the last one stops it. */
    void release() {
        synchronized (EmbeddedPostgresServer.class) {
            users = Math.max(0, users - 1);
            if (users > 0) {
                return;
            }
            servers.remove(key, this);
        }
        stop();
    }

    /**
     * A safety net at JVM exit: Spring's own shutdown hook runs at the same time and releases
     * the server once its pool has closed, so give it a moment before pulling the plug.
     */
    private static void stopAll() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<EmbeddedPostgresServer> left;
        synchronized (EmbeddedPostgresServer.class) {
            while (servers.values().stream().anyMatch(s -> s.users > 0) && System.nanoTime() < deadline) {
                try {
                    EmbeddedPostgresServer.class.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            left = new ArrayList<>(servers.values());
            servers.clear();
        }
        left.forEach(EmbeddedPostgresServer::stop);
    }

    /**
     * The port of the embedded PostgreSQL that another running Praxis keeps on this folder, if
     * one does: then the folder's lock is held, and {@code postmaster.pid} names a PostgreSQL
     * serving the folder (its fourth line is the port).
     */
    static java.util.OptionalInt runningElsewhere(Path dataDir) throws IOException {
        Path folder = dataDir.toAbsolutePath().normalize();
        Path lock = folder.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return java.util.OptionalInt.empty();
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held != null) {
                held.release();
                return java.util.OptionalInt.empty();
            }
        } catch (OverlappingFileLockException e) {
            // held in this JVM
        }
        List<String> lines = Files.readAllLines(folder.resolve(Postmasters.PID_FILE));
        long pid = Long.parseLong(lines.get(0).strip());
        boolean serving = ProcessHandle.of(pid).filter(Postmasters::isRunning)
                .filter(p -> Postmasters.servesFolder(p, folder)).isPresent();
        if (!serving || lines.size() < 4) {
            throw new IllegalStateException("The data folder " + folder + " is locked, but no PostgreSQL serves it.");
        }
        return java.util.OptionalInt.of(Integer.parseInt(lines.get(3).strip()));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    boolean up() {
        return state == State.UP;
    }

    /** Waits at most this long for the server to be up; whether it is. */
    boolean awaitUp(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (state == State.RESTARTING) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            return state == State.UP;
        }
    }

    /** The settings as the running server reported them at its last start ({@code SHOW}). */
    Map<String, String> runningSettings() {
        return running;
    }

    /** Hears {@code false} when the postmaster is gone and {@code true} when it is back. */
    Runnable onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ------------------------------------------------------------------------------ starting

    private void start() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                // initdb wants an empty folder: the lock comes after it, as in zonky
                Files.deleteIfExists(dataDir.resolve(LOCK_FILE));
                Postmasters.run("initdb", "-A", "trust", "-U", "postgres", "-D", dataDir.toString(), "-E", "UTF-8");
            }
            lockFolder();
            Postmasters.stopLeftOver(dataDir);
            port = freePort();
            postmaster = launch();
            state = State.UP;
            running = readSettings();
        } catch (IOException | RuntimeException e) {
            unlockFolder();
            deleteIfTemporary();
            throw e instanceof RuntimeException r ? r
                    : new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
        log.info("Embedded PostgreSQL {} started on port {} in {} ms (data: {}); fsync={}, synchronous_commit={}, "
                        + "full_page_writes={}", running.get("server_version"), port,
                (System.nanoTime() - started) / 1_000_000, describeFolder(), running.get("fsync"),
                running.get("synchronous_commit"), running.get("full_page_writes"));
        if (!temporary && DURABLE.keySet().stream().anyMatch(k -> !"on".equals(running.get(k)))) {
            log.warn("The embedded PostgreSQL on {} is not durable: a crash can lose saved work or corrupt the "
                    + "database. Remove the fsync/synchronous_commit/full_page_writes overrides from "
                    + "praxis.db.embedded-settings.", dataDir);
        }
        watch(postmaster);
    }

    private String describeFolder() {
        return temporary ? "temporary" : dataDir.toString();
    }

    private void lockFolder() throws IOException {
        lockChannel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            folderLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            folderLock = null;
        }
        if (folderLock == null) {
            lockChannel.close();
            throw new IllegalStateException("The data folder " + dataDir + " is in use by another Praxis (or another "
                    + "embedded PostgreSQL). Stop it first, or give this one its own PRAXIS_DATA_DIR.");
        }
    }

    private void unlockFolder() {
        try {
            if (folderLock != null) {
                folderLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("Could not let go of the lock on {}", dataDir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the postmaster on the folder and port and waits until it takes connections. */
    private Process launch() throws IOException {
        List<String> args = new ArrayList<>(List.of("-D", dataDir.toString(), "-p", Integer.toString(port)));
        settings.forEach((name, value) -> {
            args.add("-c");
            args.add(name + "=" + value);
        });
        Postmasters.Output output = new Postmasters.Output(postgresLog);
        Process process = Postmasters.spawn("postgres", args, output);
        starting = process;
        try {
            awaitReady(process, output);
            return process;
        } catch (IOException | RuntimeException e) {
            Postmasters.shutDown(process);
            throw e;
        } finally {
            starting = null;
        }
    }

    /**
     * Waits for as long as the postmaster lives: after a crash it replays its write-ahead log
     * before it takes connections, which takes as long as it takes.
     */
    private void awaitReady(Process process, Postmasters.Output output) throws IOException {
        long started = System.nanoTime();
        long nextNote = started + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL stopped while starting (exit code " + process.exitValue() + "): "
                        + output.lastLines());
            }
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("select 1");
                return;
            } catch (SQLException notYet) {
                // starting up or recovering
            }
            if (stopping) {
                throw new IOException("stopping");
            }
            if (System.nanoTime() > nextNote) {
                log.info("Embedded PostgreSQL on {} is still starting after {} s (recovering its log?)", describeFolder(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL to start");
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", "postgres");
        p.setProperty("connectTimeout", "2");
        p.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    private Map<String, String> readSettings() {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet r = s.executeQuery("show " + name)) {
                    r.next();
                    values.put(name, r.getString(1));
                }
            }
        } catch (SQLException e) {
            log.warn("Could not read the embedded PostgreSQL's settings back", e);
        }
        return Map.copyOf(values);
    }

    // ---------------------------------------------------------------------------- supervising

    private void watch(Process process) {
        process.onExit().thenAcceptAsync(this::exited, supervisor);
    }

    private void exited(Process gone) {
        synchronized (this) {
            if (state == State.STOPPED || gone != postmaster) {
                return;
            }
            state = State.RESTARTING;
        }
        long since = System.nanoTime();
        log.error("The embedded PostgreSQL (pid {}) on {} stopped unexpectedly (exit code {}); starting it again on "
                + "the same data folder and port", gone.pid(), describeFolder(), gone.exitValue());
        tell(false);
        long pause = 100;
        while (state == State.RESTARTING) {
            try {
                Process next = launch();
                synchronized (this) {
                    if (state != State.RESTARTING) {
                        Postmasters.shutDown(next);
                        return;
                    }
                    postmaster = next;
                    state = State.UP;
                    notifyAll();
                }
                running = readSettings();
                log.info("The embedded PostgreSQL is back on port {} after {} ms", port,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
                watch(next);
                tell(true);
                return;
            } catch (IOException | RuntimeException e) {
                if (state != State.RESTARTING) {
                    return;
                }
                log.warn("The embedded PostgreSQL did not start again ({}); trying again in {} ms", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 2000);
            }
        }
    }

    private void tell(boolean up) {
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(up);
            } catch (RuntimeException e) {
                log.warn("A database status listener failed", e);
            }
        }
    }

    // ------------------------------------------------------------------------------- stopping

    private void stop() {
        Process process;
        synchronized (this) {
            if (state == State.STOPPED && postmaster == null) {
                return;
            }
            state = State.STOPPED;
            stopping = true;
            process = postmaster;
            postmaster = null;
            notifyAll();
        }
        supervisor.shutdownNow();
        Process half = starting;
        if (half != null) {
            Postmasters.shutDown(half);
        }
        if (process != null) {
            Postmasters.shutDown(process);
        }
        unlockFolder();
        deleteIfTemporary();
        log.info("Embedded PostgreSQL on {} stopped", describeFolder());
    }

    private void deleteIfTemporary() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", dataDir, e);
        }
    }
}
