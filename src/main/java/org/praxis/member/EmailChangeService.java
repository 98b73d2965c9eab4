package org.praxis.member;

import static org.praxis.jooq.Tables.EMAIL_CHANGE;
import static org.praxis.jooq.Tables.MEMBER;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.i18n.Messages;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.Accounts;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Tokens;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person changes the email address they sign in with and get mail at. They give the new address
 * and their current password; a single-use link goes, through the mail outbox, to the new address
 * (only its SHA-256 is stored), and the address changes only when that link is opened by the same
 * person, signed in, within {@code praxis.account.email-change-ttl}. Then a notice goes to the old
 * address. Until then the old address stays in use, and the person may cancel. Asking is limited
 * per person, refused asks too. Every step is audited.
 *
 * <p>The link needs its account to be signed in (a signed-out visitor signs in first and comes
 * back): whoever reads the new address's mail is then also the account's owner, so a mistyped
 * address cannot hand the account to the stranger who owns it.
 */
@Service
public class EmailChangeService {

    static final String LIMIT = "email-change";
    /** The programme's time zone, for the time in the notice (people have no zone of their own). */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("America/Los_Angeles");

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Mailer mailer;
    private final Messages messages;
    private final RateLimiter limits;
    private final AccountProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EmailChangeService(DSLContext db, CurrentUser currentUser, PasswordEncoder passwordEncoder, AuditService audit,
            Mailer mailer, Messages messages, RateLimiter limits, AccountProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.db = db;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.mailer = mailer;
        this.messages = messages;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The signed-in person's new address waiting for confirmation, while its link still works. */
    public Optional<PendingEmail> pending() {
        long me = currentUser.require().id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transaction.execute(tx -> db.select(EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.EXPIRES_AT).from(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.MEMBER_ID.eq(me)).and(open()).and(EMAIL_CHANGE.EXPIRES_AT.gt(now))
                .fetchOptional(r -> new PendingEmail(r.value1(), r.value2())));
    }

    /**
     * Asks to change the signed-in person's address to {@code newEmail}, proven by their current
     * password: mails a link to the new address (an earlier request stops working). Refused, by
     * field ({@code newEmail}, {@code password}, {@code form} when asked too often), for a malformed
     * address, their current one, one another account uses, a wrong password, or no mail server.
     * Whether an address is taken is said only to someone who gave the right password.
     */
    public PendingEmail request(String newEmail, String password) {
        PraxisUser me = currentUser.require();
        // before the transaction, so that refused asks count too (a guessed password is one)
        limits.hit(LIMIT, RateLimiter.person(me.id()), properties.emailChangesPerHour(), Duration.ofHours(1));
        return transaction.execute(tx -> {
            var account = db.select(MEMBER.EMAIL, MEMBER.PASSWORD_HASH, MEMBER.DISPLAY_NAME).from(MEMBER)
                    .where(MEMBER.ID.eq(me.id())).forUpdate().fetchSingle();
            Validation v = new Validation().email("newEmail", newEmail);
            if (password == null || password.isEmpty()) {
                v.reject("password", "validation.required");
            } else if (!passwordEncoder.matches(password, account.value2())) {
                v.reject("password", "account.password.current-wrong");
            }
            if (!v.hasError("newEmail") && !v.hasError("password")) {
                String address = newEmail.strip();
                v.check(!Accounts.key(address).equals(Accounts.key(account.value1())), "newEmail", "account.email.same");
                if (!v.hasError("newEmail")) {
                    v.check(!takenByAnother(address, me.id()), "newEmail", "member.email.taken");
                }
                v.check(mailer.configured(), "newEmail", "account.email.no-mail");
            }
            v.throwIfInvalid();
            String address = newEmail.strip();
            // as PostgreSQL keeps it, so what is returned equals what is read back
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            db.update(EMAIL_CHANGE).set(EMAIL_CHANGE.CANCELLED_AT, now)
                    .where(EMAIL_CHANGE.MEMBER_ID.eq(me.id())).and(open()).execute();
            String token = Tokens.random();
            OffsetDateTime expires = now.plus(properties.emailChangeTtl());
            db.insertInto(EMAIL_CHANGE)
                    .set(EMAIL_CHANGE.MEMBER_ID, me.id())
                    .set(EMAIL_CHANGE.NEW_EMAIL, address)
                    .set(EMAIL_CHANGE.TOKEN_HASH, Tokens.hash(token))
                    .set(EMAIL_CHANGE.CREATED_AT, now)
                    .set(EMAIL_CHANGE.EXPIRES_AT, expires)
                    .execute();
            mailer.send(address, messages.text("mail.email-change.subject"),
                    messages.text("mail.email-change.body", account.value3(), mailer.link("account/email/" + token),
                            properties.emailChangeTtl().toHours()));
            audit.record(me.id(), "member.email-change-requested", "member", me.id(), null, address);
            return new PendingEmail(address, expires);
        });
    }

    /** The signed-in person withdraws their waiting change: its link stops working. */
    public void cancel() {
        PraxisUser me = currentUser.require();
        transaction.executeWithoutResult(tx -> {
            int cancelled = db.update(EMAIL_CHANGE).set(EMAIL_CHANGE.CANCELLED_AT, OffsetDateTime.now(clock))
                    .where(EMAIL_CHANGE.MEMBER_ID.eq(me.id())).and(open()).execute();
            if (cancelled > 0) {
                audit.record(me.id(), "member.email-change-cancelled", "member", me.id(), null, null);
            }
        });
    }

    /** What the link is worth to the signed-in person, for the page it opens (nothing changes). */
    public EmailLink check(String token) {
        PraxisUser me = currentUser.require();
        return transaction.execute(tx -> {
            var r = row(token, false);
            EmailLink.State state = state(r, me);
            return state == EmailLink.State.VALID ? new EmailLink(state, r.getNewEmail()) : EmailLink.of(state);
        });
    }

    /**
     * The signed-in person opened the link and confirms: their account's address becomes the new
     * one, once. Refused at {@code token} for a link unknown, used, cancelled, expired or of
     * another account, and for an address another account took meanwhile. Afterwards they sign in
     * with the new address; a notice goes to the old one. Returns the new address.
     */
    public String confirm(String token) {
        PraxisUser me = currentUser.require();
        String[] changed = new String[2];
        String email = transaction.execute(tx -> {
            var r = row(token, true);
            EmailLink.State state = state(r, me);
            if (state != EmailLink.State.VALID) {
                throw InvalidInputException.of("token", "account.email.link." + state.name().toLowerCase(Locale.ROOT));
            }
            String address = r.getNewEmail();
            if (takenByAnother(address, me.id())) {
                throw InvalidInputException.of("token", "member.email.taken");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            var account = db.select(MEMBER.EMAIL, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.eq(me.id()))
                    .forUpdate().fetchSingle();
            db.update(EMAIL_CHANGE).set(EMAIL_CHANGE.USED_AT, now).where(EMAIL_CHANGE.ID.eq(r.getId())).execute();
            try {
                db.update(MEMBER).set(MEMBER.EMAIL, address).set(MEMBER.UPDATED_AT, now)
                        .where(MEMBER.ID.eq(me.id())).execute();
            } catch (DataIntegrityViolationException e) {
                // another account took it between the check and this update
                if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("member_email_key")) {
                    throw InvalidInputException.of("token", "member.email.taken");
                }
                throw e;
            }
            String when = new java.time.format.DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))
                    .appendLiteral(' ').appendZoneText(java.time.format.TextStyle.SHORT)
                    .toFormatter(Locale.ENGLISH).format(now.atZoneSameInstant(ZONE));
            mailer.send(account.value1(), messages.text("mail.email-changed.subject"),
                    messages.text("mail.email-changed.body", account.value2(), account.value1(), address, when,
                            mailer.link("")));
            audit.record(me.id(), "member.email-changed", "member", me.id(), null, account.value1() + " → " + address);
            changed[0] = address;
            changed[1] = account.value2();
            return address;
        });
        currentUser.refresh(changed[0], changed[1]);
        return email;
    }

    private org.praxis.jooq.tables.records.EmailChangeRecord row(String token, boolean lock) {
        if (!Tokens.plausible(token)) {
            return null;
        }
        var query = db.selectFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.TOKEN_HASH.eq(Tokens.hash(token)));
        return lock ? query.forUpdate().fetchOne() : query.fetchOne();
    }

    private EmailLink.State state(org.praxis.jooq.tables.records.EmailChangeRecord r, PraxisUser me) {
        if (r == null) {
            return EmailLink.State.UNKNOWN;
        }
        if (r.getMemberId() != me.id()) {
            return EmailLink.State.OTHER_ACCOUNT;
        }
        if (r.getUsedAt() != null) {
            return EmailLink.State.USED;
        }
        if (r.getCancelledAt() != null) {
            return EmailLink.State.CANCELLED;
        }
        if (!r.getExpiresAt().isAfter(OffsetDateTime.now(clock))) {
            return EmailLink.State.EXPIRED;
        }
        return EmailLink.State.VALID;
    }

    private boolean takenByAnother(String address, long me) {
        return db.fetchExists(MEMBER, MEMBER.EMAIL.lower().eq(Accounts.key(address)).and(MEMBER.ID.ne(me)));
    }

    private static org.jooq.Condition open() {
        return EMAIL_CHANGE.USED_AT.isNull().and(EMAIL_CHANGE.CANCELLED_AT.isNull());
    }
}
