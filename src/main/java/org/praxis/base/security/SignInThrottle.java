package org.praxis.base.security;

import static org.jooq.impl.DSL.max;
import static org.praxis.jooq.Tables.SIGN_IN_ATTEMPT;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins in PostgreSQL, so the limits hold across restarts and app nodes (see
 * {@link SignInProperties}). Failures of one account from one address count only since its last
 * successful sign-in from there. Attempts older than the window plus the retention are deleted.
 */
@Component
class SignInThrottle implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final DSLContext db;
    private final SignInProperties properties;
    private final Clock clock;
    private final ClusterLock clusterLock;
    private final TransactionTemplate transaction;
    private final AccountDirectory accounts;

    SignInThrottle(DSLContext db, SignInProperties properties, Clock clock, ClusterLock clusterLock,
            PlatformTransactionManager transactions, AccountDirectory accounts) {
        this.accounts = accounts;
        this.db = db;
        this.properties = properties;
        this.clock = clock;
        this.clusterLock = clusterLock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** How long the caller must wait before trying again, if at all. */
    Optional<Duration> retryAfter(String accountKey, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(properties.window());
        Condition pair = SIGN_IN_ATTEMPT.ACCOUNT_KEY.eq(accountKey).and(SIGN_IN_ATTEMPT.CLIENT_ADDRESS.eq(clientAddress));
        OffsetDateTime lastSuccessHere = db.select(max(SIGN_IN_ATTEMPT.ATTEMPTED_AT)).from(SIGN_IN_ATTEMPT)
                .where(pair).and(SIGN_IN_ATTEMPT.SUCCEEDED.isTrue())
                .fetchOne(0, OffsetDateTime.class);
        OffsetDateTime pairSince = lastSuccessHere != null && lastSuccessHere.isAfter(since) ? lastSuccessHere : since;

        Optional<Duration> wait = waitFor(pair, pairSince, properties.maxFailuresPerAccount(), now);
        // the owner's own addresses (they signed in from there before) are never held back by the ceiling
        if (lastSuccessHere == null) {
            wait = longer(wait, waitFor(SIGN_IN_ATTEMPT.ACCOUNT_KEY.eq(accountKey), since, properties.accountCeiling(), now));
        }
        return longer(wait, waitFor(SIGN_IN_ATTEMPT.CLIENT_ADDRESS.eq(clientAddress), since,
                properties.maxFailuresPerAddress(), now));
    }

    /**
     * With {@code limit} failures matching after {@code after}: blocked until the oldest of the
     * newest {@code limit} leaves the window.
     */
    private Optional<Duration> waitFor(Condition which, OffsetDateTime after, int limit, OffsetDateTime now) {
        OffsetDateTime oldestCounted = db.select(SIGN_IN_ATTEMPT.ATTEMPTED_AT).from(SIGN_IN_ATTEMPT)
                .where(which).and(SIGN_IN_ATTEMPT.SUCCEEDED.isFalse()).and(SIGN_IN_ATTEMPT.ATTEMPTED_AT.gt(after))
                .orderBy(SIGN_IN_ATTEMPT.ATTEMPTED_AT.desc())
                .offset(limit - 1).limit(1)
                .fetchOne(SIGN_IN_ATTEMPT.ATTEMPTED_AT);
        if (oldestCounted == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, oldestCounted.plus(properties.window()));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get()) >= 0 ? a : b;
        }
        return a.isPresent() ? a : b;
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

    @Scheduled(fixedDelayString = "${praxis.sign-in.prune-every:1h}",
            initialDelayString = "${praxis.scheduling.initial-delay:2m}")
    void scheduledPrune() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("Deleted {} sign-in attempts older than the retention period", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning sign-in attempts failed; will retry", e);
        }
    }

    /**
     * Deletes attempts older than the window plus the retention period, on one app node at a time;
     * returns how many.
     */
    int prune() {
        Integer deleted = transaction.execute(status -> {
            if (!clusterLock.tryLock("sign-in-attempt-prune")) {
                return 0;
            }
            OffsetDateTime before = OffsetDateTime.now(clock).minus(properties.window()).minus(properties.retention());
            return db.deleteFrom(SIGN_IN_ATTEMPT).where(SIGN_IN_ATTEMPT.ATTEMPTED_AT.lt(before)).execute();
        });
        return deleted == null ? 0 : deleted;
    }

    /** The history of sign-ins says when and from where, not what the member wrote. */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    /** A deleted account's attempts go: they carry its email address and the addresses it came from. */
    @Override
    public void erase(long memberId, boolean keepContributions) {
        accounts.email(memberId).ifPresent(email ->
                db.deleteFrom(SIGN_IN_ATTEMPT).where(SIGN_IN_ATTEMPT.ACCOUNT_KEY.eq(Accounts.key(email))).execute());
    }
}
