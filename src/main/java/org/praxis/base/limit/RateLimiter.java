package org.praxis.base.limit;

import static org.praxis.jooq.Tables.RATE_LIMIT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts what one person, or one client address, does, in fixed windows kept in PostgreSQL, so a
 * limit holds whichever app node answers. The increment is one {@code INSERT … ON CONFLICT DO
 * UPDATE}, whose row lock makes attempts at the same moment, on any node, count one after the
 * other: they cannot all slip under the limit.
 *
 * <p>The count joins the caller's transaction: what the caller then rolls back (a post refused for
 * bad input) does not count, and nothing needs a second connection from the pool, so a flood of
 * attempts cannot exhaust it. A caller whose refused attempts must count too (an application
 * refused as a duplicate) counts before its own transaction starts.
 */
@Component
public class RateLimiter implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** What a signed-in person is limited in, each with its own count and limit from {@link RateLimitProperties}. */
    public enum Action {
        POST("post"), REPORT("report"), REACTION("reaction"), SEARCH("search"), INVITATION_REQUEST("invitation-request");

        private final String key;

        Action(String key) {
            this.key = key;
        }
    }

    private final DSLContext db;
    private final RateLimitProperties properties;
    private final CurrentUser currentUser;
    private final ClusterLock clusterLock;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RateLimiter(DSLContext db, RateLimitProperties properties, CurrentUser currentUser, ClusterLock clusterLock,
            Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clusterLock = clusterLock;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The subject of the signed-in person's counts. */
    public static String person(long memberId) {
        return "member:" + memberId;
    }

    /** The subject of a client address's counts, for what is done without signing in. */
    public static String address(String clientAddress) {
        return "address:" + (clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip());
    }

    /** Counts one attempt of the signed-in person; refuses it with {@link RateLimitedException} over the limit. */
    public void hit(Action action) {
        hit(action, person(currentUser.require().id()));
    }

    /** Counts one attempt of the subject (a person, or a client address) with the action's configured limit. */
    public void hit(Action action, String subject) {
        hit(action.key, subject, max(action), properties.window());
    }

    /** Counts one attempt with a limit the caller keeps ({@code max} within {@code window}). */
    public void hit(String action, String subject, int max, Duration window) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long windowMillis = Math.max(1, window.toMillis());
        long startMillis = Math.floorDiv(now.toInstant().toEpochMilli(), windowMillis) * windowMillis;
        OffsetDateTime start = OffsetDateTime.ofInstant(Instant.ofEpochMilli(startMillis), ZoneOffset.UTC);
        OffsetDateTime end = start.plus(Duration.ofMillis(windowMillis));
        Integer hits = transaction.execute(status -> db.insertInto(RATE_LIMIT)
                .set(RATE_LIMIT.SUBJECT, subject)
                .set(RATE_LIMIT.ACTION, action)
                .set(RATE_LIMIT.WINDOW_START, start)
                .set(RATE_LIMIT.HITS, 1)
                .set(RATE_LIMIT.EXPIRES_AT, end)
                .onConflict(RATE_LIMIT.SUBJECT, RATE_LIMIT.ACTION, RATE_LIMIT.WINDOW_START)
                .doUpdate().set(RATE_LIMIT.HITS, RATE_LIMIT.HITS.plus(1))
                .returning(RATE_LIMIT.HITS)
                .fetchOne(RATE_LIMIT.HITS));
        if (hits != null && hits > max) {
            Duration wait = Duration.between(now, end);
            log.info("Rate limit: {} refused for {} ({} in the window, limit {})", action, subject, hits, max);
            throw new RateLimitedException(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    private int max(Action action) {
        return switch (action) {
            case POST -> properties.posts();
            case REPORT -> properties.reports();
            case REACTION -> properties.reactions();
            case SEARCH -> properties.searches();
            case INVITATION_REQUEST -> properties.invitationRequests();
        };
    }

    @Scheduled(fixedDelayString = "${praxis.rate-limits.prune-every:10m}",
            initialDelayString = "${praxis.scheduling.initial-delay:2m}")
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning rate-limit counters failed; will retry", e);
        }
    }

    /** Deletes the counters whose window has passed, on one node at a time; returns how many. */
    public int prune() {
        Integer deleted = transaction.execute(status -> clusterLock.tryLock("rate-limit-prune")
                ? db.deleteFrom(RATE_LIMIT).where(RATE_LIMIT.EXPIRES_AT.lt(OffsetDateTime.now(clock))).execute()
                : 0);
        return deleted == null ? 0 : deleted;
    }

    /** Counters say how often, not what: nothing to take away. */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(RATE_LIMIT).where(RATE_LIMIT.SUBJECT.eq(person(memberId))).execute();
    }
}
