package org.praxis.base.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of a Praxis database in one file, through the JDBC driver alone, so it works with any
 * PostgreSQL version Praxis runs on and needs no {@code pg_dump} of the matching version.
 *
 * <p>The file is a zip: {@value #MANIFEST} (format, the Flyway schema version, and every table
 * with its columns and row count, in an order that satisfies the foreign keys) and one entry per
 * table in PostgreSQL's {@code COPY} text format. Everything is read in one repeatable-read,
 * read-only transaction, so the backup is one consistent moment even while Praxis runs.
 *
 * <p>A restore goes into an empty database (or replaces everything with {@code replace}):
 * Flyway builds the schema of the backup's version from the migrations in this Praxis, then the
 * rows are copied back in the manifest's order in one transaction, and the identity sequences
 * continue after the highest id. The search index is not in the backup: Praxis rebuilds it from
 * the tables.
 */
final class DatabaseBackup {

    static final String MANIFEST = "praxis-backup.json";
    static final int FORMAT = 1;
    private static final String HISTORY = "flyway_schema_history";

    /** A table as the manifest describes it. */
    record Table(String name, List<String> columns, List<String> identity, long rows) {
    }

    record Manifest(int format, String schemaVersion, String createdAt, String postgres, boolean cyclic,
            List<Table> tables) {

        long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    /** A backup or restore that cannot go on, with a message for the person running it. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final String url;
    private final Properties credentials = new Properties();
    private final ObjectMapper json = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    DatabaseBackup(String url, String user, String password) {
        this.url = url;
        if (user != null && !user.isBlank()) {
            credentials.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            credentials.setProperty("password", password);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    // --------------------------------------------------------------------------------- backup

    Manifest backup(Path file) throws IOException, SQLException {
        Path target = file.toAbsolutePath();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Manifest manifest;
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            String version = schemaVersion(c);
            if (version == null) {
                throw new Refused("This database has no Praxis schema (no Flyway history): nothing to back up.");
            }
            Schema schema = schema(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<Table> tables = new ArrayList<>();
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part)))) {
                for (Table t : schema.tables()) {
                    zip.putNextEntry(new ZipEntry(entry(t.name())));
                    long rows = copy.copyOut("COPY " + quoted(t.name()) + " (" + columnList(t) + ") TO STDOUT",
                            new FilterOutputStream(zip) {
                                @Override
                                public void write(byte[] b, int off, int len) throws IOException {
                                    out.write(b, off, len);
                                }

                                @Override
                                public void close() {
                                    // the zip stays open for the next table
                                }
                            });
                    zip.closeEntry();
                    tables.add(new Table(t.name(), t.columns(), t.identity(), rows));
                }
                manifest = new Manifest(FORMAT, version, OffsetDateTime.now().toString(), serverVersion(c),
                        schema.cyclic(), tables);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            c.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        // on disk before it takes the name, so a crash never leaves a half backup under that name
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    private static String entry(String table) {
        return "tables/" + table + ".copy";
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select exists (select 1 from pg_tables where schemaname = 'public' and tablename = '" + HISTORY + "')")) {
            r.next();
            if (!r.getBoolean(1)) {
                return null;
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select version from public." + HISTORY
                + " where success and version is not null order by installed_rank desc limit 1")) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    private record Schema(List<Table> tables, boolean cyclic) {
    }

    /**
     * Every table of the schema but Flyway's own, with its stored columns (generated ones are
     * computed again on restore), parents before the tables that refer to them.
     */
    private static Schema schema(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        Map<String, List<String>> identity = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select c.relname, a.attname, "
                + "a.attidentity <> '' from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped "
                + "and a.attgenerated = '' where n.nspname = 'public' and c.relkind = 'r' "
                + "and c.relname <> '" + HISTORY + "' order by c.relname, a.attnum")) {
            while (r.next()) {
                columns.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                if (r.getBoolean(3)) {
                    identity.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        Map<String, Set<String>> parents = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select child.relname, parent.relname
                from pg_constraint k
                join pg_class child on child.oid = k.conrelid
                join pg_class parent on parent.oid = k.confrelid
                join pg_namespace n on n.oid = child.relnamespace
                where k.contype = 'f' and n.nspname = 'public'""")) {
            while (r.next()) {
                if (!r.getString(1).equals(r.getString(2))) {
                    parents.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(columns.keySet());
        while (!left.isEmpty()) {
            List<String> ready = left.stream()
                    .filter(t -> parents.getOrDefault(t, Set.of()).stream().noneMatch(left::contains)).toList();
            if (ready.isEmpty()) {
                break;
            }
            order.addAll(ready);
            ready.forEach(left::remove);
        }
        boolean cyclic = !left.isEmpty();
        order.addAll(left);
        List<Table> tables = order.stream()
                .map(t -> new Table(t, columns.get(t), identity.getOrDefault(t, List.of()), 0)).toList();
        return new Schema(tables, cyclic);
    }

    private static String quoted(String identifier) {
        return "public.\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String columnList(Table t) {
        return String.join(", ", t.columns().stream().map(col -> "\"" + col.replace("\"", "\"\"") + "\"").toList());
    }

    // -------------------------------------------------------------------------------- restore

    Manifest manifest(Path file) throws IOException {
        ZipFile opened;
        try {
            opened = new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new Refused(file + " is not a Praxis backup (not a zip file).");
        }
        try (ZipFile zip = opened) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new Refused(file + " is not a Praxis backup (it has no " + MANIFEST + ").");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Manifest m = json.readValue(in, Manifest.class);
                if (m.format() != FORMAT) {
                    throw new Refused(file + " is a backup in format " + m.format() + "; this Praxis reads format "
                            + FORMAT + ".");
                }
                return m;
            }
        }
    }

    /** How many tables the database already has (zero: an empty database, ready for a restore). */
    int tablesPresent() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            r.next();
            return r.getInt(1);
        }
    }

    Manifest restore(Path file, boolean replace) throws IOException, SQLException {
        Manifest m = manifest(file);
        int present = tablesPresent();
        if (present > 0 && !replace) {
            throw new Refused("The database is not empty (" + present + " tables). Restore into an empty database, "
                    + "or add --replace to delete everything in it first.");
        }
        Flyway flyway = Flyway.configure().dataSource(url, credentials.getProperty("user"),
                credentials.getProperty("password")).locations("classpath:db/migration")
                .target(m.schemaVersion()).load();
        MigrationInfo[] known = flyway.info().all();
        boolean knows = java.util.Arrays.stream(known)
                .anyMatch(i -> i.getVersion() != null && i.getVersion().getVersion().equals(m.schemaVersion()));
        if (!knows) {
            throw new Refused("The backup has schema version " + m.schemaVersion() + ", which this Praxis does not "
                    + "know: restore it with the Praxis version it came from, or a newer one.");
        }
        if (present > 0) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("drop schema public cascade");
                s.execute("create schema public");
            }
        }
        flyway.migrate();
        try (Connection c = connect(); ZipFile zip = new ZipFile(file.toFile())) {
            c.setAutoCommit(false);
            Schema now = schema(c);
            Map<String, Table> tables = new LinkedHashMap<>();
            now.tables().forEach(t -> tables.put(t.name(), t));
            for (Table t : m.tables()) {
                Table here = tables.get(t.name());
                if (here == null || !here.columns().containsAll(t.columns())) {
                    throw new Refused("The backup's table " + t.name() + " does not match schema version "
                            + m.schemaVersion() + " of this Praxis.");
                }
            }
            try (Statement s = c.createStatement()) {
                // rows the migrations themselves insert (settings, defaults) come back from the backup instead
                s.execute("truncate " + String.join(", ", m.tables().stream().map(t -> quoted(t.name())).toList()));
                if (m.cyclic()) {
                    // tables that refer to each other in a circle: no order satisfies the foreign keys
                    // row by row, so they are not checked while loading (needs a superuser)
                    s.execute("set local session_replication_role = replica");
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (Table t : m.tables()) {
                ZipEntry entry = zip.getEntry(entry(t.name()));
                if (entry == null) {
                    throw new Refused("The backup is incomplete: it has no rows for " + t.name() + ".");
                }
                long rows;
                try (InputStream in = zip.getInputStream(entry)) {
                    rows = copy.copyIn("COPY " + quoted(t.name()) + " (" + columnList(t) + ") FROM STDIN", in);
                }
                if (rows != t.rows()) {
                    throw new Refused("The backup is damaged: " + t.name() + " has " + rows + " rows, its manifest says "
                            + t.rows() + ".");
                }
                for (String column : t.identity()) {
                    try (PreparedStatement p = c.prepareStatement("select setval(pg_get_serial_sequence(?, ?), "
                            + "coalesce(max(\"" + column.replace("\"", "\"\"") + "\"), 0) + 1, false) from "
                            + quoted(t.name()))) {
                        p.setString(1, quoted(t.name()));
                        p.setString(2, column);
                        p.execute();
                    }
                }
            }
            c.commit();
        }
        return m;
    }
}
