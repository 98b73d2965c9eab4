package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.RATE_LIMIT;
import static org.praxis.jooq.Tables.SIGN_IN_ATTEMPT;

import java.time.OffsetDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditProperties;
import org.praxis.audit.AuditService;
import org.praxis.base.limit.RateLimiter;
import org.praxis.support.IntegrationTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data kept about client addresses goes after its retention period: sign-in attempts after the
 * throttling window plus the audit period, rate-limit counters after their window, the address in
 * an audit event after its period. Each pruning runs on one app node at a time.
 */
class RetentionTest extends IntegrationTest {

    @Autowired
    SignInThrottle throttle;
    @Autowired
    SignInProperties signIn;
    @Autowired
    RateLimiter limits;
    @Autowired
    AuditService audit;
    @Autowired
    AuditProperties auditProperties;
    @Autowired
    PlatformTransactionManager transactions;

    private long attempt(String address, OffsetDateTime at) {
        return data.db().insertInto(SIGN_IN_ATTEMPT).set(SIGN_IN_ATTEMPT.ACCOUNT_KEY, TestData.unique("k"))
                .set(SIGN_IN_ATTEMPT.CLIENT_ADDRESS, address).set(SIGN_IN_ATTEMPT.SUCCEEDED, false)
                .set(SIGN_IN_ATTEMPT.ATTEMPTED_AT, at).returning(SIGN_IN_ATTEMPT.ID).fetchOne(SIGN_IN_ATTEMPT.ID);
    }

    private boolean attemptExists(long id) {
        return data.db().fetchExists(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.ID.eq(id));
    }

    @Test
    void sign_in_attempts_are_deleted_after_the_window_plus_the_retention_period() {
        OffsetDateTime edge = OffsetDateTime.now().minus(signIn.window()).minus(signIn.retention());
        long old = attempt(SignInAttempts.newAddress(), edge.minusMinutes(5));
        long kept = attempt(SignInAttempts.newAddress(), edge.plusMinutes(5));

        assertThat(throttle.prune()).isPositive();

        assertThat(attemptExists(old)).isFalse();
        assertThat(attemptExists(kept)).isTrue();
    }

    @Test
    void rate_limit_counters_are_deleted_once_their_window_has_passed() {
        String over = TestData.unique("member:");
        String running = TestData.unique("member:");
        OffsetDateTime now = OffsetDateTime.now();
        for (String subject : new String[] {over, running}) {
            data.db().insertInto(RATE_LIMIT).set(RATE_LIMIT.SUBJECT, subject).set(RATE_LIMIT.ACTION, "post")
                    .set(RATE_LIMIT.WINDOW_START, now.minusHours(2)).set(RATE_LIMIT.HITS, 3)
                    .set(RATE_LIMIT.EXPIRES_AT, subject.equals(over) ? now.minusMinutes(1) : now.plusMinutes(30)).execute();
        }

        assertThat(limits.prune()).isPositive();

        assertThat(data.db().fetchExists(RATE_LIMIT, RATE_LIMIT.SUBJECT.eq(over))).isFalse();
        assertThat(data.db().fetchExists(RATE_LIMIT, RATE_LIMIT.SUBJECT.eq(running))).isTrue();
    }

    @Test
    void an_audit_event_keeps_its_client_address_only_for_the_retention_period_and_the_event_stays() {
        String oldAddress = SignInAttempts.newAddress();
        String newAddress = SignInAttempts.newAddress();
        audit.record(null, "sign-in.failed", "account", null, oldAddress, "someone@test.example");
        audit.record(null, "sign-in.failed", "account", null, newAddress, "someone@test.example");
        data.db().update(AUDIT_EVENT).set(AUDIT_EVENT.OCCURRED_AT,
                OffsetDateTime.now().minus(auditProperties.addressRetention()).minusHours(1))
                .where(AUDIT_EVENT.CLIENT_ADDRESS.eq(oldAddress)).execute();
        long oldEvent = data.db().select(AUDIT_EVENT.ID).from(AUDIT_EVENT).where(AUDIT_EVENT.CLIENT_ADDRESS.eq(oldAddress))
                .fetchSingle(AUDIT_EVENT.ID);

        assertThat(audit.forgetOldAddresses()).isPositive();

        assertThat(data.db().fetchExists(AUDIT_EVENT, AUDIT_EVENT.CLIENT_ADDRESS.eq(oldAddress))).isFalse();
        assertThat(data.db().fetchExists(AUDIT_EVENT, AUDIT_EVENT.ID.eq(oldEvent).and(AUDIT_EVENT.ACTION.eq("sign-in.failed"))))
                .isTrue();
        assertThat(data.db().fetchExists(AUDIT_EVENT, AUDIT_EVENT.CLIENT_ADDRESS.eq(newAddress))).isTrue();
    }

    @Test
    void while_another_node_prunes_this_one_skips_and_deletes_nothing() throws Exception {
        long old = attempt(SignInAttempts.newAddress(), OffsetDateTime.now().minus(signIn.window())
                .minus(signIn.retention()).minusDays(1));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        try {
            // another node's pruning transaction, holding the job's lock
            Future<?> other = otherNode.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                data.db().execute("select pg_advisory_xact_lock(100, hashtext('sign-in-attempt-prune'))");
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(throttle.prune()).isZero();
            assertThat(attemptExists(old)).isTrue();

            release.countDown();
            other.get(30, TimeUnit.SECONDS);
            assertThat(throttle.prune()).isPositive();
            assertThat(attemptExists(old)).isFalse();
        } finally {
            release.countDown();
            otherNode.shutdownNow();
        }
    }
}
