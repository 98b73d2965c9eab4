package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.SETUP_TOKEN;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.Role;
import org.praxis.base.security.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start on an empty database. No account and no default password exist; instead, each
 * start that finds no account at all prints a one-time link in the log ({@link #LOG_PREFIX} and
 * the address), which opens the page that creates the first admin. Only the SHA-256 of the link's
 * token is stored; it works for {@link SetupProperties#linkTtl()} (24 hours) and once.
 *
 * <p>Links printed at earlier starts keep working until they expire: with several app nodes,
 * each prints its own, and whichever the operator opens works. All of them stop the moment any
 * account exists, since the first admin's creation deletes them, and the page refuses whenever
 * an account exists anyway. The creation is one transaction under a PostgreSQL advisory lock
 * that then checks that no account exists, so two people (or two nodes) finishing the form at
 * once make one admin: the second is told the link is no longer valid.
 */
@Service
public class SetupService {

    /** What the log line starts with, followed by the link: easy to find by eye, by grep and from a test. */
    public static final String LOG_PREFIX = "Praxis setup: open ";

    private static final Logger log = LoggerFactory.getLogger(SetupService.class);
    /** The advisory lock class of the first admin's creation (apart from ClusterLock's 100 and throttling's 1 and 2). */
    private static final int LOCK_CLASS = 101;

    /** What a setup link is worth, for its page: whether it works, and the email the form starts with. */
    public record Check(boolean valid, String email) {
    }

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Mailer mailer;
    private final SetupProperties properties;
    private final Clock clock;

    SetupService(DSLContext db, TransactionTemplate transactions, PasswordEncoder passwordEncoder, AuditService audit,
            Mailer mailer, SetupProperties properties, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    public SetupProperties properties() {
        return properties;
    }

    /** Once the app serves (after the demo, if any, has seeded its people): a link when there is no account. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        announce();
    }

    /**
     * When no account exists: makes a new setup link, prints it in the log and returns its
     * address; otherwise nothing. Expired links are deleted on the way.
     */
    public Optional<String> announce() {
        Optional<String> link = transactions.execute(tx -> {
            lock();
            OffsetDateTime now = OffsetDateTime.now(clock);
            db.deleteFrom(SETUP_TOKEN).where(SETUP_TOKEN.EXPIRES_AT.le(now)).execute();
            if (anyAccount()) {
                return Optional.<String>empty();
            }
            String token = Tokens.random();
            db.insertInto(SETUP_TOKEN).set(SETUP_TOKEN.TOKEN_HASH, Tokens.hash(token)).set(SETUP_TOKEN.CREATED_AT, now)
                    .set(SETUP_TOKEN.EXPIRES_AT, now.plus(properties.linkTtl())).execute();
            return Optional.of(mailer.link("setup/" + token));
        });
        link.ifPresent(url -> log.info("\n\nThere is no account yet. To create the first admin account,\n{}{}\n"
                + "(the link works once, for {} hours; a restart prints a new one)\n", LOG_PREFIX, url,
                properties.linkTtl().toHours()));
        return link;
    }

    /** Whether the link can still create the first admin. Nobody needs to be signed in. */
    public Check check(String token) {
        boolean valid = Boolean.TRUE.equals(transactions.execute(tx -> usable(token) != null && !anyAccount()));
        return new Check(valid, valid ? properties.adminEmail() : "");
    }

    /**
     * Creates the first admin with the name, email and password given (the password typed twice,
     * by {@link Passwords}' rules) and uses the link up; returns the email to sign in with. A link
     * that is unknown, used or expired, or any account already there, is refused at field
     * {@code token}, and every problem of the form at its field; nothing is written then.
     */
    public String createFirstAdmin(String token, String displayName, String email, String password, String repeated) {
        return transactions.execute(tx -> {
            lock();
            Long tokenId = usable(token);
            if (tokenId == null || anyAccount()) {
                throw InvalidInputException.of("token", "setup.link-invalid");
            }
            Validation v = new Validation().required("displayName", displayName, MemberService.DISPLAY_NAME_MAX)
                    .email("email", email);
            Passwords.check(v, "password", "repeated", password, repeated, email, null);
            v.throwIfInvalid();
            OffsetDateTime now = OffsetDateTime.now(clock);
            String address = email.strip();
            long id = db.insertInto(MEMBER)
                    .set(MEMBER.EMAIL, address)
                    .set(MEMBER.DISPLAY_NAME, displayName.strip())
                    .set(MEMBER.ROLE, Role.ADMIN.name())
                    .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(password))
                    .returning(MEMBER.ID).fetchOne(MEMBER.ID);
            // this link is used, and no other can make a second admin
            db.deleteFrom(SETUP_TOKEN).execute();
            audit.record(id, "member.first-admin", "member", id, null, Role.ADMIN.name());
            log.info("Praxis setup: the first admin account was created; setup links no longer work");
            return address;
        });
    }

    /** Holds the first admin's creation to one transaction at a time, across app nodes. */
    private void lock() {
        db.fetchValue("select pg_advisory_xact_lock(?, 0)", LOCK_CLASS);
    }

    private boolean anyAccount() {
        return db.fetchExists(MEMBER);
    }

    /** The id of the link's row while it is unused and unexpired; null otherwise. */
    private Long usable(String token) {
        if (!Tokens.plausible(token)) {
            return null;
        }
        return db.select(SETUP_TOKEN.ID).from(SETUP_TOKEN).where(SETUP_TOKEN.TOKEN_HASH.eq(Tokens.hash(token)))
                .and(SETUP_TOKEN.USED_AT.isNull()).and(SETUP_TOKEN.EXPIRES_AT.gt(OffsetDateTime.now(clock)))
                .fetchOne(SETUP_TOKEN.ID);
    }
}
