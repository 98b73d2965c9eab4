package org.praxis.base.security;

import static org.praxis.jooq.Tables.SIGN_IN_ATTEMPT;
import static org.jooq.impl.DSL.max;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins in PostgreSQL, so the limits hold across restarts and app nodes. An
 * account's failures count only since its last successful sign-in.
 */
@Component
class SignInThrottle {

    private final DSLContext db;
    private final SignInProperties properties;
    private final Clock clock;

    SignInThrottle(DSLContext db, SignInProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if at all. */
    Optional<Duration> retryAfter(String accountKey, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(properties.window());
        OffsetDateTime lastSuccess = db.select(max(SIGN_IN_ATTEMPT.ATTEMPTED_AT)).from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.ACCOUNT_KEY.eq(accountKey))
                .and(SIGN_IN_ATTEMPT.SUCCEEDED.isTrue())
                .fetchOne(0, OffsetDateTime.class);
        OffsetDateTime accountSince = lastSuccess != null && lastSuccess.isAfter(since) ? lastSuccess : since;
        List<OffsetDateTime> accountFailures = db.select(SIGN_IN_ATTEMPT.ATTEMPTED_AT)
                .from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.ACCOUNT_KEY.eq(accountKey))
                .and(SIGN_IN_ATTEMPT.SUCCEEDED.isFalse())
                .and(SIGN_IN_ATTEMPT.ATTEMPTED_AT.gt(accountSince))
                .orderBy(SIGN_IN_ATTEMPT.ATTEMPTED_AT.desc())
                .limit(properties.maxFailuresPerAccount())
                .fetch(SIGN_IN_ATTEMPT.ATTEMPTED_AT);
        Optional<Duration> accountWait = waitFor(accountFailures, properties.maxFailuresPerAccount(), now);

        List<OffsetDateTime> addressFailures = db.select(SIGN_IN_ATTEMPT.ATTEMPTED_AT)
                .from(SIGN_IN_ATTEMPT)
                .where(SIGN_IN_ATTEMPT.CLIENT_ADDRESS.eq(clientAddress))
                .and(SIGN_IN_ATTEMPT.SUCCEEDED.isFalse())
                .and(SIGN_IN_ATTEMPT.ATTEMPTED_AT.gt(since))
                .orderBy(SIGN_IN_ATTEMPT.ATTEMPTED_AT.desc())
                .limit(properties.maxFailuresPerAddress())
                .fetch(SIGN_IN_ATTEMPT.ATTEMPTED_AT);
        Optional<Duration> addressWait = waitFor(addressFailures, properties.maxFailuresPerAddress(), now);

        if (accountWait.isPresent() && addressWait.isPresent()) {
            return Optional.of(accountWait.get().compareTo(addressWait.get()) > 0 ? accountWait.get() : addressWait.get());
        }
        return accountWait.isPresent() ? accountWait : addressWait;
    }

    /** With the newest {@code limit} failures given newest first: blocked until the oldest leaves the window. */
    private Optional<Duration> waitFor(List<OffsetDateTime> newestFirst, int limit, OffsetDateTime now) {
        if (newestFirst.size() < limit) {
            return Optional.empty();
        }
        OffsetDateTime oldest = newestFirst.get(newestFirst.size() - 1);
        Duration wait = Duration.between(now, oldest.plus(properties.window()));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Serialises attempts on one account and from one address until the caller's transaction
     * ends, so parallel guesses cannot all pass the check before any failure is recorded.
     */
    void lock(String accountKey, String clientAddress) {
        db.execute("select pg_advisory_xact_lock(1, hashtext(?))", accountKey);
        db.execute("select pg_advisory_xact_lock(2, hashtext(?))", clientAddress);
    }

    void record(String accountKey, String clientAddress, boolean succeeded) {
        db.insertInto(SIGN_IN_ATTEMPT)
                .set(SIGN_IN_ATTEMPT.ACCOUNT_KEY, accountKey)
                .set(SIGN_IN_ATTEMPT.CLIENT_ADDRESS, clientAddress)
                .set(SIGN_IN_ATTEMPT.SUCCEEDED, succeeded)
                .set(SIGN_IN_ATTEMPT.ATTEMPTED_AT, OffsetDateTime.now(clock))
                .execute();
    }
}
