package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.SIGN_IN_ATTEMPT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.support.IntegrationTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Throttling as the login view meets it: through the application's {@link AuthenticationManager}.
 * Every test uses fresh accounts and fresh client addresses, so their counts never mix.
 */
class SignInThrottleTest extends IntegrationTest {

    @Autowired
    AuthenticationManager authenticationManager;

    @Autowired
    SignInProperties properties;

    private SignInAttempts signIns;

    @BeforeEach
    void setUp() {
        signIns = new SignInAttempts(authenticationManager);
    }

    private void failOnce(String email, String address) {
        assertThatThrownBy(() -> signIns.attempt(email, "wrong password", address))
                .isInstanceOf(BadCredentialsException.class);
    }

    private void fail(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            failOnce(email, address);
        }
    }

    private void assertThrottled(String email, String password, String address) {
        assertThatThrownBy(() -> signIns.attempt(email, password, address))
                .isInstanceOfSatisfying(SignInThrottledException.class, e -> assertThat(e.retryAfter())
                        .isPositive()
                        .isLessThanOrEqualTo(properties.window()));
    }

    private void assertSignsIn(String email, String password, String address) {
        assertThat(signIns.attempt(email, password, address).isAuthenticated()).isTrue();
    }

    private void recordFailureAt(String accountKey, String address, OffsetDateTime when) {
        data.db().insertInto(SIGN_IN_ATTEMPT)
                .set(SIGN_IN_ATTEMPT.ACCOUNT_KEY, accountKey)
                .set(SIGN_IN_ATTEMPT.CLIENT_ADDRESS, address)
                .set(SIGN_IN_ATTEMPT.SUCCEEDED, false)
                .set(SIGN_IN_ATTEMPT.ATTEMPTED_AT, when)
                .execute();
    }

    private int auditEvents(String action, String address, String detail) {
        return data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action)
                .and(AUDIT_EVENT.CLIENT_ADDRESS.eq(address))
                .and(AUDIT_EVENT.DETAIL.eq(detail)));
    }

    @Test
    void the_limits_are_five_per_account_and_address_a_hundred_per_account_and_twenty_per_address_in_fifteen_minutes() {
        assertThat(properties.maxFailuresPerAccount()).isEqualTo(5);
        assertThat(properties.accountCeiling()).isEqualTo(100);
        assertThat(properties.maxFailuresPerAddress()).isEqualTo(20);
        assertThat(properties.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(properties.retention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void five_failures_for_one_account_from_one_address_pause_that_address_even_with_the_right_password() {
        Person member = data.person(Role.MEMBER);
        String address = SignInAttempts.newAddress();
        fail(member.email(), address, 5);

        assertThrottled(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void an_attacker_from_other_addresses_cannot_lock_the_owner_out_below_the_ceiling() {
        Person facilitator = data.person(Role.FACILITATOR);
        String attacker = SignInAttempts.newAddress();
        fail(facilitator.email(), attacker, 5);
        // and more guesses spread over other addresses, all below the account's ceiling
        for (int i = 0; i < 3; i++) {
            fail(facilitator.email(), SignInAttempts.newAddress(), 4);
        }

        // the attacker's address is paused for this account, whatever password it tries
        assertThrottled(facilitator.email(), TestData.PASSWORD, attacker);
        // the owner, from an address never used before, signs in
        assertSignsIn(facilitator.email(), TestData.PASSWORD, SignInAttempts.newAddress());
    }

    @Test
    void at_the_ceiling_strangers_are_paused_but_the_owner_signs_in_from_an_address_they_used_before() {
        Person facilitator = data.person(Role.FACILITATOR);
        String home = SignInAttempts.newAddress();
        assertSignsIn(facilitator.email(), TestData.PASSWORD, home);
        String key = Accounts.key(facilitator.email());
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < properties.accountCeiling(); i++) {
            recordFailureAt(key, SignInAttempts.newAddress(), now.minusSeconds(i));
        }

        assertThrottled(facilitator.email(), TestData.PASSWORD, SignInAttempts.newAddress());
        assertSignsIn(facilitator.email(), TestData.PASSWORD, home);
    }

    @Test
    void one_failure_fewer_than_the_ceiling_does_not_pause_the_account() {
        Person member = data.person(Role.MEMBER);
        String key = Accounts.key(member.email());
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < properties.accountCeiling() - 1; i++) {
            recordFailureAt(key, SignInAttempts.newAddress(), now.minusSeconds(i));
        }

        assertSignsIn(member.email(), TestData.PASSWORD, SignInAttempts.newAddress());
    }

    @Test
    void four_failures_do_not_throttle_the_account() {
        Person member = data.person(Role.MEMBER);
        String address = SignInAttempts.newAddress();
        fail(member.email(), address, 4);

        assertSignsIn(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void failures_count_for_the_account_whatever_the_case_or_spaces_of_the_email() {
        Person member = data.person(Role.MEMBER);
        String address = SignInAttempts.newAddress();
        fail(member.email(), address, 2);
        fail(member.email().toUpperCase(), address, 2);
        fail("  " + member.email() + " ", address, 1);

        assertThrottled(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void an_unknown_account_is_throttled_like_a_real_one() {
        String nobody = TestData.unique("nobody") + "@test.example";
        String address = SignInAttempts.newAddress();
        fail(nobody, address, 5);

        assertThrottled(nobody, "any password", address);
    }

    @Test
    void a_success_before_the_limit_resets_the_count_of_that_address() {
        Person member = data.person(Role.MEMBER);
        String address = SignInAttempts.newAddress();
        fail(member.email(), address, 4);
        assertSignsIn(member.email(), TestData.PASSWORD, address);

        fail(member.email(), address, 4);
        assertSignsIn(member.email(), TestData.PASSWORD, address);

        // the count restarted at the last success: five more failures are needed, not one
        fail(member.email(), address, 5);
        assertThrottled(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void twenty_failures_from_one_address_across_accounts_throttle_that_address_but_not_another() {
        String address = SignInAttempts.newAddress();
        for (int i = 0; i < 20; i++) {
            // twenty different accounts, so no account reaches its own limit
            failOnce(TestData.unique("guess") + "@test.example", address);
        }
        Person member = data.person(Role.MEMBER);

        assertThrottled(member.email(), TestData.PASSWORD, address);
        assertSignsIn(member.email(), TestData.PASSWORD, SignInAttempts.newAddress());
    }

    @Test
    void nineteen_failures_from_one_address_do_not_throttle_it() {
        String address = SignInAttempts.newAddress();
        for (int i = 0; i < 19; i++) {
            failOnce(TestData.unique("guess") + "@test.example", address);
        }
        Person member = data.person(Role.MEMBER);

        assertSignsIn(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void a_success_does_not_reset_the_count_of_an_address() {
        String address = SignInAttempts.newAddress();
        for (int i = 0; i < 19; i++) {
            failOnce(TestData.unique("guess") + "@test.example", address);
        }
        Person member = data.person(Role.MEMBER);
        assertSignsIn(member.email(), TestData.PASSWORD, address);
        failOnce(TestData.unique("guess") + "@test.example", address);

        assertThrottled(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        Person member = data.person(Role.MEMBER);
        String key = Accounts.key(member.email());
        String address = SignInAttempts.newAddress();
        OffsetDateTime longAgo = OffsetDateTime.now().minus(properties.window()).minusMinutes(1);
        for (int i = 0; i < 5; i++) {
            recordFailureAt(key, address, longAgo.minusSeconds(i));
        }

        assertSignsIn(member.email(), TestData.PASSWORD, address);
    }

    @Test
    void the_wait_lasts_until_the_oldest_counted_failure_leaves_the_window() {
        Person member = data.person(Role.MEMBER);
        String key = Accounts.key(member.email());
        String address = SignInAttempts.newAddress();
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < 5; i++) {
            // the oldest of the five is ten minutes old, so the address is free in about five minutes
            recordFailureAt(key, address, now.minusMinutes(10).plusMinutes(i));
        }

        assertThatThrownBy(() -> signIns.attempt(member.email(), TestData.PASSWORD, address))
                .isInstanceOfSatisfying(SignInThrottledException.class, e -> assertThat(e.retryAfter())
                        .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    }

    @Test
    void every_attempt_is_recorded_with_its_account_key_and_address() {
        Person member = data.person(Role.MEMBER);
        String key = Accounts.key(member.email());
        String address = SignInAttempts.newAddress();

        failOnce(member.email().toUpperCase(), address);
        assertSignsIn(member.email(), TestData.PASSWORD, address);

        assertThat(data.db().select(SIGN_IN_ATTEMPT.ACCOUNT_KEY, SIGN_IN_ATTEMPT.SUCCEEDED)
                .from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.CLIENT_ADDRESS.eq(address))
                .orderBy(SIGN_IN_ATTEMPT.ID)
                .fetch(r -> r.value1() + ":" + r.value2()))
                .containsExactly(key + ":false", key + ":true");
    }

    @Test
    void failures_and_throttling_are_audited_with_the_account_and_address() {
        Person member = data.person(Role.MEMBER);
        String key = Accounts.key(member.email());
        String address = SignInAttempts.newAddress();
        for (int i = 0; i < 5; i++) {
            failOnce(member.email(), address);
        }
        assertThrottled(member.email(), TestData.PASSWORD, address);

        assertThat(auditEvents("sign-in.failed", address, key)).isEqualTo(5);
        assertThat(auditEvents("sign-in.throttled", address, key)).isOne();
        // a throttled attempt is refused before the password is checked, and is not itself a failure
        assertThat(data.db().fetchCount(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.CLIENT_ADDRESS.eq(address))).isEqualTo(5);
    }

    @Test
    void guesses_made_at_the_same_moment_cannot_get_past_the_account_limit() throws Exception {
        Person member = data.person(Role.MEMBER);
        String address = SignInAttempts.newAddress();
        int guesses = 12;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Class<?>>> outcomes = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String guess = "wrong guess " + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        signIns.attempt(member.email(), guess, address);
                        return Void.class;
                    } catch (RuntimeException e) {
                        return e.getClass();
                    }
                }));
            }
            start.countDown();
            int passwordsChecked = 0;
            for (Future<Class<?>> outcome : outcomes) {
                if (outcome.get() == BadCredentialsException.class) {
                    passwordsChecked++;
                }
            }

            // without serialising check and record, parallel guesses would all pass the check
            assertThat(passwordsChecked).as("password guesses checked").isLessThanOrEqualTo(properties.maxFailuresPerAccount());
        } finally {
            pool.shutdownNow();
        }
    }
}
