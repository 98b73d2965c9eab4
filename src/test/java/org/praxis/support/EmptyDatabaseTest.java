package org.praxis.support;

import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.SETUP_TOKEN;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an embedded PostgreSQL of its own that holds no account, as at a first
 * start: the other tests' shared database always has people in it. Each test starts with no
 * account and no setup link; only these tests write here. Test classes extending this share one
 * application context (and server).
 */
@SpringBootTest(properties = {
        // always the embedded server, even when the other tests run against PRAXIS_DB_URL
        "praxis.db.url=",
        "praxis.setup.admin-email=first.admin@example.org"})
@Import(TestData.class)
@ActiveProfiles("test")
public abstract class EmptyDatabaseTest {

    public static final String ADMIN_EMAIL = "first.admin@example.org";

    private static final Path FOLDER = Path.of("target", "empty-database-" + ProcessHandle.current().pid())
            .toAbsolutePath();

    @DynamicPropertySource
    static void ownFolder(DynamicPropertyRegistry registry) {
        // a folder of its own is a server of its own (the shared test server has an empty folder name)
        registry.add("praxis.db.embedded-data-dir", () -> FOLDER.resolve("postgres").toString());
    }

    @Autowired
    protected TestData data;

    @BeforeEach
    @AfterEach
    void noAccountNoLink() {
        SecurityContextHolder.clearContext();
        data.db().execute("delete from audit_event");
        data.db().deleteFrom(MEMBER).execute();
        data.db().deleteFrom(SETUP_TOKEN).execute();
    }
}
