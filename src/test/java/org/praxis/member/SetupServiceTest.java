package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.SETUP_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.Role;
import org.praxis.base.security.Tokens;
import org.praxis.support.EmptyDatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The first start: the setup link in the log and the first admin's creation, on a database with no account. */
@ExtendWith(OutputCaptureExtension.class)
class SetupServiceTest extends EmptyDatabaseTest {

    private static final String PASSWORD = "a long first password";

    @Autowired
    SetupService setup;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AuditService audit;
    @Autowired
    Mailer mailer;
    @Autowired
    SetupProperties properties;

    private static String token(String link) {
        assertThat(link).startsWith("http://praxis.test/setup/");
        return link.substring("http://praxis.test/setup/".length());
    }

    private String newLink() {
        return setup.announce().orElseThrow();
    }

    @Test
    void a_start_with_no_account_prints_a_link_whose_token_is_stored_only_as_its_hash(CapturedOutput output) {
        String link = newLink();

        assertThat(output.getAll()).contains(SetupService.LOG_PREFIX + link);
        String token = token(link);
        assertThat(Tokens.plausible(token)).isTrue();
        List<String> stored = data.db().select(SETUP_TOKEN.TOKEN_HASH).from(SETUP_TOKEN).fetch(SETUP_TOKEN.TOKEN_HASH);
        assertThat(stored).containsExactly(Tokens.hash(token));
        assertThat(data.db().fetchCount(SETUP_TOKEN, SETUP_TOKEN.TOKEN_HASH.eq(token))).isZero();
        assertThat(setup.check(token)).isEqualTo(new SetupService.Check(true, ADMIN_EMAIL));
        // no default password: nothing to sign in with until someone uses the link
        assertThat(data.db().fetchCount(MEMBER)).isZero();
    }

    @Test
    void the_link_creates_one_admin_with_the_chosen_password_once() {
        String token = token(newLink());

        String email = setup.createFirstAdmin(token, "  Ada Admin ", " ada@example.org ", PASSWORD, PASSWORD);

        assertThat(email).isEqualTo("ada@example.org");
        var admin = data.db().selectFrom(MEMBER).fetchSingle();
        assertThat(admin.getDisplayName()).isEqualTo("Ada Admin");
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN.name());
        assertThat(admin.getPasswordMustChange()).isFalse();
        assertThat(passwordEncoder.matches(PASSWORD, admin.getPasswordHash())).isTrue();
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.first-admin")
                .and(AUDIT_EVENT.TARGET_ID.eq(admin.getId())))).isEqualTo(1);
        // used up, and every other link with it
        assertThat(data.db().fetchCount(SETUP_TOKEN)).isZero();
        assertThat(setup.check(token).valid()).isFalse();
        assertThatThrownBy(() -> setup.createFirstAdmin(token, "Eve", "eve@example.org", PASSWORD, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("token"));
        assertThat(data.db().fetchCount(MEMBER)).isEqualTo(1);
    }

    @Test
    void once_an_account_exists_no_link_is_printed_and_earlier_links_are_refused(CapturedOutput output) {
        String earlier = token(newLink());
        data.person(Role.MEMBER);
        int printedBefore = output.getAll().split(SetupService.LOG_PREFIX, -1).length;

        assertThat(setup.announce()).isEmpty();

        assertThat(output.getAll().split(SetupService.LOG_PREFIX, -1).length).isEqualTo(printedBefore);
        assertThat(setup.check(earlier)).isEqualTo(new SetupService.Check(false, ""));
        assertThatThrownBy(() -> setup.createFirstAdmin(earlier, "Eve", "eve@example.org", PASSWORD, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("token"));
        assertThat(data.db().fetchCount(MEMBER, MEMBER.ROLE.eq(Role.ADMIN.name()))).isZero();
    }

    @Test
    void each_start_prints_a_fresh_link_and_the_earlier_ones_keep_working_until_one_is_used() {
        String first = token(newLink());
        String second = token(newLink());

        assertThat(second).isNotEqualTo(first);
        assertThat(setup.check(first).valid()).isTrue();
        assertThat(setup.check(second).valid()).isTrue();
        setup.createFirstAdmin(second, "Ada Admin", "ada@example.org", PASSWORD, PASSWORD);
        assertThat(setup.check(first).valid()).isFalse();
    }

    @Test
    void a_link_works_for_24_hours() {
        MovableClock clock = new MovableClock();
        SetupService later = new SetupService(data.db(), transactions, passwordEncoder, audit, mailer, properties, clock);
        String token = token(later.announce().orElseThrow());

        clock.set(Duration.ofHours(24).minusSeconds(1));
        assertThat(later.check(token).valid()).isTrue();
        clock.set(Duration.ofHours(24));
        assertThat(later.check(token).valid()).isFalse();
        assertThatThrownBy(() -> later.createFirstAdmin(token, "Ada", "ada@example.org", PASSWORD, PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("token"));
        assertThat(data.db().fetchCount(MEMBER)).isZero();
        // the next start clears it away and prints a new one that works
        String fresh = token(later.announce().orElseThrow());
        assertThat(data.db().fetchCount(SETUP_TOKEN)).isEqualTo(1);
        assertThat(later.check(fresh).valid()).isTrue();
    }

    @Test
    void bad_input_is_refused_field_by_field_and_leaves_the_link_working() {
        String token = token(newLink());

        assertThatThrownBy(() -> setup.createFirstAdmin(token, " ", "not-an-address", "short", "other"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("displayName", "email", "password"));
        assertThatThrownBy(() -> setup.createFirstAdmin(token, "Ada", "ada@example.org", PASSWORD, PASSWORD + "!"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("repeated"));
        assertThatThrownBy(() -> setup.createFirstAdmin(token, "Ada", "ada@example.org", "ada@example.org",
                "ada@example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("password"));
        assertThat(data.db().fetchCount(MEMBER)).isZero();
        assertThat(setup.check(token).valid()).isTrue();
    }

    @Test
    void unknown_and_malformed_tokens_are_refused() {
        newLink();
        assertThat(setup.check(Tokens.random()).valid()).isFalse();
        assertThat(setup.check("x' or 1=1 --").valid()).isFalse();
        assertThat(setup.check("").valid()).isFalse();
    }

    @Test
    void two_setups_finishing_at_once_make_one_admin() throws Exception {
        List<String> tokens = List.of(token(newLink()), token(newLink()), token(newLink()));
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                String email = "admin" + i + "@example.org";
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return setup.createFirstAdmin(token, "Admin " + email, email, PASSWORD, PASSWORD);
                    } catch (InvalidInputException e) {
                        assertThat(e.problems()).containsOnlyKeys("token");
                        return null;
                    }
                }));
            }
            go.countDown();
            int made = 0;
            for (Future<String> result : results) {
                if (result.get(30, TimeUnit.SECONDS) != null) {
                    made++;
                }
            }
            assertThat(made).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.db().fetchCount(MEMBER)).isEqualTo(1);
        assertThat(data.db().fetchCount(SETUP_TOKEN)).isZero();
    }

    /** A clock the test moves: {@link #set} puts it that long after the test's start. */
    static final class MovableClock extends Clock {

        private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private volatile Instant now = start;

        void set(Duration sinceStart) {
            now = start.plus(sinceStart);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
