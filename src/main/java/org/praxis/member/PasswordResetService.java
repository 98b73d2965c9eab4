package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.PASSWORD_RESET;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.i18n.Messages;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.Mailer;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.Accounts;
import org.praxis.base.security.SignedInSessions;
import org.praxis.base.security.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password?": a single-use link by mail, kept only as the SHA-256 of its token,
 * working for {@link PasswordResetProperties#linkTtl()} (30 minutes). Asking answers the same,
 * and takes about as long, whether an account has the address or not; a deactivated or deleted
 * account gets no link. Asking is limited per client address and per email address typed (the
 * person is told how long to wait: that says nothing about any account) and per account (silently:
 * past the limit no more mail goes, and the answer stays the same). Choosing the new password
 * uses the link up, ends every other session of the person on every app node, clears the demand
 * to replace a temporary password, and is audited.
 */
@Service
public class PasswordResetService implements PersonalData {

    /** What a reset link is worth, for its page. */
    public enum State { VALID, USED, EXPIRED, UNKNOWN }

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Mailer mailer;
    private final Messages messages;
    private final RateLimiter limits;
    private final SignedInSessions sessions;
    private final ClusterLock clusterLock;
    private final PasswordResetProperties properties;
    private final Clock clock;

    PasswordResetService(DSLContext db, TransactionTemplate transactions, PasswordEncoder passwordEncoder,
            AuditService audit, Mailer mailer, Messages messages, RateLimiter limits, SignedInSessions sessions,
            ClusterLock clusterLock, PasswordResetProperties properties, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.mailer = mailer;
        this.messages = messages;
        this.limits = limits;
        this.sessions = sessions;
        this.clusterLock = clusterLock;
        this.properties = properties;
        this.clock = clock;
    }

    public PasswordResetProperties properties() {
        return properties;
    }

    /**
     * Someone who is not signed in asks for a link for {@code email}: mailed when an active account
     * has that address, nothing otherwise; the caller shows the same answer either way. Refused with
     * {@link RateLimitedException} when the client address or the email address asked too often
     * (counted before anything else, so refused asks count too). The answer never comes sooner
     * than {@link PasswordResetProperties#answerTime()}, whatever happened.
     */
    public void request(String email, String clientAddress) {
        long started = System.nanoTime();
        try {
            Validation v = new Validation().email("email", email);
            v.throwIfInvalid();
            String key = Accounts.key(email);
            limits.hit("password-reset-client", RateLimiter.address(clientAddress), properties.perClient(),
                    properties.window());
            // the address typed is kept as a hash: the counter names nobody
            limits.hit("password-reset-address", "email:" + Tokens.hash(key), properties.perAddress(),
                    properties.window());
            transactions.executeWithoutResult(tx -> mailLink(key));
        } finally {
            waitUntil(started + properties.answerTime().toNanos());
        }
    }

    private void mailLink(String key) {
        var account = db.select(MEMBER.ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME).from(MEMBER)
                .where(MEMBER.EMAIL.lower().eq(key)).and(MEMBER.ACTIVE.isTrue()).and(MEMBER.ERASED_AT.isNull())
                .fetchOne();
        if (account == null) {
            return;
        }
        long memberId = account.value1();
        try {
            limits.hit("password-reset-account", RateLimiter.person(memberId), properties.perAddress(),
                    properties.window());
        } catch (RateLimitedException e) {
            // the answer must not differ from that for an address with no account: no mail, same words
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // only the newest link works
        db.update(PASSWORD_RESET).set(PASSWORD_RESET.EXPIRES_AT, now).where(PASSWORD_RESET.MEMBER_ID.eq(memberId))
                .and(PASSWORD_RESET.USED_AT.isNull()).and(PASSWORD_RESET.EXPIRES_AT.gt(now)).execute();
        String token = Tokens.random();
        db.insertInto(PASSWORD_RESET).set(PASSWORD_RESET.MEMBER_ID, memberId)
                .set(PASSWORD_RESET.TOKEN_HASH, Tokens.hash(token)).set(PASSWORD_RESET.CREATED_AT, now)
                .set(PASSWORD_RESET.EXPIRES_AT, now.plus(properties.linkTtl())).execute();
        boolean queued = mailer.send(account.value2(), messages.text("mail.password-reset.subject"),
                messages.text("mail.password-reset.body", account.value3(), mailer.link("reset-password/" + token),
                        properties.linkTtl().toMinutes()));
        if (!queued) {
            log.warn("A password reset link was asked for, but no SMTP server is configured (PRAXIS_MAIL_HOST)");
        }
        audit.record(memberId, "member.password-reset-requested", "member", memberId, null, null);
    }

    /** What the link is worth; nobody needs to be signed in. A deactivated account's link is expired. */
    public State check(String token) {
        return transactions.execute(tx -> {
            var r = row(token);
            if (r == null) {
                return State.UNKNOWN;
            }
            if (r.get(PASSWORD_RESET.USED_AT) != null) {
                return State.USED;
            }
            return usable(r) ? State.VALID : State.EXPIRED;
        });
    }

    /**
     * Sets the new password (typed twice, by {@link Passwords}' rules) and uses the link up;
     * returns the email address to sign in with. A link that is unknown, used, expired or whose
     * account was deactivated is refused at field {@code token}; a bad password at its field, and
     * the link still works then. After the commit this node's sessions of the person end at once;
     * other nodes end theirs at their next request.
     */
    public String reset(String token, String password, String repeated) {
        return transactions.execute(tx -> {
            var r = row(token);
            if (r == null || r.get(PASSWORD_RESET.USED_AT) != null || !usable(r)) {
                throw InvalidInputException.of("token", "reset.link-invalid");
            }
            long memberId = r.get(PASSWORD_RESET.MEMBER_ID);
            String email = r.get(MEMBER.EMAIL);
            Validation v = new Validation();
            Passwords.check(v, "password", "repeated", password, repeated, email, null);
            v.throwIfInvalid();
            OffsetDateTime now = OffsetDateTime.now(clock);
            // single use, even against two tabs at once: only one update finds it unused
            int claimed = db.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, now)
                    .where(PASSWORD_RESET.ID.eq(r.get(PASSWORD_RESET.ID))).and(PASSWORD_RESET.USED_AT.isNull())
                    .and(PASSWORD_RESET.EXPIRES_AT.gt(now)).execute();
            if (claimed == 0) {
                throw InvalidInputException.of("token", "reset.link-invalid");
            }
            db.update(PASSWORD_RESET).set(PASSWORD_RESET.EXPIRES_AT, now).where(PASSWORD_RESET.MEMBER_ID.eq(memberId))
                    .and(PASSWORD_RESET.USED_AT.isNull()).and(PASSWORD_RESET.EXPIRES_AT.gt(now)).execute();
            db.update(MEMBER)
                    .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(password))
                    .set(MEMBER.PASSWORD_MUST_CHANGE, false)
                    .set(MEMBER.SESSIONS_ENDED_AT, now)
                    .set(MEMBER.UPDATED_AT, now)
                    .where(MEMBER.ID.eq(memberId))
                    .execute();
            audit.record(memberId, "member.password-reset-by-link", "member", memberId, null, null);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sessions.endSessionsOf(memberId);
                }
            });
            return email;
        });
    }

    private boolean usable(org.jooq.Record r) {
        return r.get(PASSWORD_RESET.EXPIRES_AT).isAfter(OffsetDateTime.now(clock)) && Boolean.TRUE.equals(r.get(MEMBER.ACTIVE))
                && r.get(MEMBER.ERASED_AT) == null;
    }

    private org.jooq.Record row(String token) {
        if (!Tokens.plausible(token)) {
            return null;
        }
        return db.select(PASSWORD_RESET.ID, PASSWORD_RESET.MEMBER_ID, PASSWORD_RESET.USED_AT, PASSWORD_RESET.EXPIRES_AT,
                        MEMBER.EMAIL, MEMBER.ACTIVE, MEMBER.ERASED_AT)
                .from(PASSWORD_RESET).join(MEMBER).on(MEMBER.ID.eq(PASSWORD_RESET.MEMBER_ID))
                .where(PASSWORD_RESET.TOKEN_HASH.eq(Tokens.hash(token))).fetchOne();
    }

    private static void waitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(left).toMillis(), (int) (left % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Scheduled(fixedDelayString = "${praxis.password-reset.prune-every:1h}",
            initialDelayString = "${praxis.scheduling.initial-delay:2m}")
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning password reset links failed; will retry", e);
        }
    }

    /** Deletes links that expired or were used a day ago or more, on one node at a time; returns how many. */
    public int prune() {
        Integer deleted = transactions.execute(tx -> clusterLock.tryLock("password-reset-prune")
                ? db.deleteFrom(PASSWORD_RESET).where(PASSWORD_RESET.EXPIRES_AT.lt(OffsetDateTime.now(clock).minusDays(1)))
                        .execute()
                : 0);
        return deleted == null ? 0 : deleted;
    }

    /** A link says nothing the person wrote. */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(PASSWORD_RESET).where(PASSWORD_RESET.MEMBER_ID.eq(memberId)).execute();
    }
}
