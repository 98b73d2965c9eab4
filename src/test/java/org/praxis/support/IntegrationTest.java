package org.praxis.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a real PostgreSQL (the embedded one, or the server in
 * {@code PRAXIS_DB_URL}). All such tests share one Spring context. Each test makes its own rows
 * with unique names through {@link TestData}, so tests run in any order.
 */
@SpringBootTest
@Import(TestData.class)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @Autowired
    protected TestData data;

    @AfterEach
    void signOutOfTheTestThread() {
        SecurityContextHolder.clearContext();
    }
}
