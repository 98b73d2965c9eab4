import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from the Flyway migrations, against a real PostgreSQL.
 *
 * <p>Run by the build (exec-maven-plugin, generate-sources) as a single-file program:
 * {@code java -cp <test classpath> db/JooqCodegen.java <migrations> <output dir> <scratch dir>}.
 * It starts an embedded PostgreSQL unless {@code PRAXIS_CODEGEN_DB_URL} names a server (whose
 * database it migrates), so building never needs an installed database. When the migrations
 * and this program are unchanged since the last run, it does nothing.
 */
public class JooqCodegen {

    private static final String PACKAGE = "org.praxis.jooq";

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path scratch = Path.of(args[2]).toAbsolutePath();
        Path stamp = output.resolve(".migrations.sha256");

        String fingerprint = fingerprint(migrations);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)) {
            System.out.println("[jooq-codegen] migrations unchanged, keeping " + output);
            return;
        }

        long started = System.nanoTime();
        String url = System.getenv("PRAXIS_CODEGEN_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("PRAXIS_CODEGEN_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("PRAXIS_CODEGEN_DB_PASSWORD", "");
            generate(url, user, password, migrations, output);
        } else {
            deleteRecursively(scratch);
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(scratch)
                    .setCleanDataDirectory(true)
                    .start()) {
                generate(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", migrations, output);
            }
        }
        Files.writeString(stamp, fingerprint);
        System.out.printf("[jooq-codegen] generated %s in %d ms%n", output, (System.nanoTime() - started) / 1_000_000);
    }

    private static void generate(String url, String user, String password, Path migrations, Path output)
            throws Exception {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("filesystem:" + migrations)
                .load()
                .migrate();

        deleteRecursively(output);
        Configuration configuration = new Configuration()
                .withLogging(Logging.WARN)
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser(user).withPassword(password))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludes(".*")
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false)
                                // the code queries with explicit joins; path methods only clash
                                .withImplicitJoinPathsToMany(false)
                                .withComments(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(output.toString())
                                .withClean(true)));
        GenerationTool.generate(configuration);
    }

    /** A hash of every migration's name and content, and of this program. */
    private static String fingerprint(Path migrations) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Path> files;
        try (Stream<Path> stream = Files.list(migrations)) {
            files = stream.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        digest.update(Files.readAllBytes(migrations.getParent().resolve("JooqCodegen.java")));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
