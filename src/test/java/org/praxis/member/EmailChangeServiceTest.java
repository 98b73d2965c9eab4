package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.EMAIL_CHANGE;
import static org.praxis.jooq.Tables.MEMBER;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.i18n.Messages;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.Tokens;
import org.praxis.support.IntegrationTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

class EmailChangeServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    EmailChangeService changes;
    @Autowired
    MailWorker mailWorker;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuthenticationManager authenticationManager;
    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AuditService audit;
    @Autowired
    Mailer mailer;
    @Autowired
    Messages messages;
    @Autowired
    RateLimiter limits;
    @Autowired
    AccountProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    Person me;
    String newEmail;

    @BeforeEach
    void aSignedInMember() {
        me = data.personIn(data.cohort(), Role.MEMBER);
        newEmail = TestData.unique("new") + "@example.org";
        data.signIn(me);
    }

    private static void assertInvalid(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).hasEntrySatisfying(field,
                        problem -> assertThat(problem.key()).isEqualTo(messageKey)));
    }

    private List<MimeMessage> mailTo(String address) {
        mailWorker.deliverDue();
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The decoded text (a long link is wrapped in the raw quoted-printable body). */
    static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String tokenMailedTo(String address) {
        List<MimeMessage> messages = mailTo(address);
        assertThat(messages).isNotEmpty();
        Matcher link = Pattern.compile("http://praxis\\.test/account/email/([A-Za-z0-9_-]+)")
                .matcher(text(messages.get(messages.size() - 1)));
        assertThat(link.find()).as(text(messages.get(messages.size() - 1))).isTrue();
        return link.group(1);
    }

    private String emailOf(long id) {
        return db.select(MEMBER.EMAIL).from(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle(MEMBER.EMAIL);
    }

    @Test
    void the_link_goes_to_the_new_address_changes_it_once_and_the_old_address_is_told() {
        PendingEmail pending = changes.request(" " + newEmail + " ", TestData.PASSWORD);
        assertThat(pending.email()).isEqualTo(newEmail);
        assertThat(changes.pending()).contains(pending);
        // nothing changes before the link is opened
        assertThat(emailOf(me.id())).isEqualTo(me.email());

        String token = tokenMailedTo(newEmail);
        assertThat(text(mailTo(newEmail).get(0))).contains("within 24 hours");
        // only the hash is kept; no column holds the link's token
        var row = db.selectFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.MEMBER_ID.eq(me.id())).fetchSingle();
        assertThat(row.getTokenHash()).isEqualTo(Tokens.hash(token));
        assertThat(Arrays.stream(row.intoArray()).map(String::valueOf)).noneMatch(v -> v.contains(token));
        assertThat(row.getExpiresAt()).isBetween(row.getCreatedAt().plusHours(24).minusSeconds(1),
                row.getCreatedAt().plusHours(24).plusSeconds(1));

        assertThat(changes.check(token)).isEqualTo(new EmailLink(EmailLink.State.VALID, newEmail));
        assertThat(changes.confirm(token)).isEqualTo(newEmail);

        assertThat(emailOf(me.id())).isEqualTo(newEmail);
        assertThat(currentUser.require().email()).isEqualTo(newEmail);
        assertThat(changes.pending()).isEmpty();
        List<MimeMessage> notice = mailTo(me.email());
        assertThat(notice).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("The email address of your Praxis account was changed");
            assertThat(text(m)).contains(me.email(), newEmail);
        });
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("member.email-changed"))
                .and(AUDIT_EVENT.TARGET_ID.eq(me.id())).fetchSingle(AUDIT_EVENT.DETAIL))
                .isEqualTo(me.email() + " → " + newEmail);

        // single use
        assertThat(changes.check(token).state()).isEqualTo(EmailLink.State.USED);
        assertInvalid(() -> changes.confirm(token), "token", "account.email.link.used");

        // sign-in takes the new address, no longer the old one
        SignInAttempts signIns = new SignInAttempts(authenticationManager);
        assertThat(signIns.attempt(newEmail.toUpperCase(), TestData.PASSWORD).getPrincipal())
                .isInstanceOfSatisfying(org.praxis.base.security.PraxisUser.class, u -> assertThat(u.id()).isEqualTo(me.id()));
        assertThatThrownBy(() -> signIns.attempt(me.email(), TestData.PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_malformed_address_the_current_one_a_wrong_password_and_a_taken_address_are_refused_in_place() {
        assertInvalid(() -> changes.request("not an address", TestData.PASSWORD), "newEmail", "validation.email");
        assertInvalid(() -> changes.request("", TestData.PASSWORD), "newEmail", "validation.required");
        assertInvalid(() -> changes.request(me.email().toUpperCase(), TestData.PASSWORD), "newEmail", "account.email.same");
        assertInvalid(() -> changes.request(newEmail, "not my password"), "password", "account.password.current-wrong");
        assertInvalid(() -> changes.request(newEmail, ""), "password", "validation.required");
        Person other = data.person(Role.MEMBER);
        assertInvalid(() -> changes.request(other.email().toUpperCase(), TestData.PASSWORD), "newEmail",
                "member.email.taken");
        // whether an address is taken is not told to someone without the password
        assertThatThrownBy(() -> changes.request(other.email(), "not my password"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("password"));

        assertThat(db.fetchCount(EMAIL_CHANGE, EMAIL_CHANGE.MEMBER_ID.eq(me.id()))).isZero();
        assertThat(mailTo(newEmail)).isEmpty();
        assertThat(emailOf(me.id())).isEqualTo(me.email());
    }

    @Test
    void an_address_another_account_takes_meanwhile_is_refused_when_the_link_is_opened() {
        changes.request(newEmail, TestData.PASSWORD);
        String token = tokenMailedTo(newEmail);
        Person other = data.person(Role.MEMBER);
        db.update(MEMBER).set(MEMBER.EMAIL, newEmail.toUpperCase()).where(MEMBER.ID.eq(other.id())).execute();

        assertInvalid(() -> changes.confirm(token), "token", "member.email.taken");
        assertThat(emailOf(me.id())).isEqualTo(me.email());
        assertThat(mailTo(me.email())).isEmpty();
        // the link is not used up by the refusal
        assertThat(db.select(EMAIL_CHANGE.USED_AT).from(EMAIL_CHANGE).where(EMAIL_CHANGE.MEMBER_ID.eq(me.id()))
                .fetchSingle(EMAIL_CHANGE.USED_AT)).isNull();
    }

    @Test
    void a_link_expires_after_its_time_on_a_clock_a_day_ahead() {
        changes.request(newEmail, TestData.PASSWORD);
        String token = tokenMailedTo(newEmail);
        EmailChangeService tomorrow = new EmailChangeService(db, currentUser, passwordEncoder, audit, mailer, messages,
                limits, properties, Clock.offset(Clock.systemUTC(), Duration.ofHours(24).plusMinutes(1)), transactions);
        EmailChangeService nearlyTomorrow = new EmailChangeService(db, currentUser, passwordEncoder, audit, mailer,
                messages, limits, properties, Clock.offset(Clock.systemUTC(), Duration.ofHours(23)), transactions);

        assertThat(nearlyTomorrow.check(token).state()).isEqualTo(EmailLink.State.VALID);
        assertThat(tomorrow.check(token).state()).isEqualTo(EmailLink.State.EXPIRED);
        assertThat(tomorrow.pending()).isEmpty();
        assertInvalid(() -> tomorrow.confirm(token), "token", "account.email.link.expired");
        assertThat(emailOf(me.id())).isEqualTo(me.email());
    }

    @Test
    void a_newer_request_or_a_cancel_ends_the_earlier_link() {
        changes.request(newEmail, TestData.PASSWORD);
        String first = tokenMailedTo(newEmail);
        String second = TestData.unique("second") + "@example.org";
        changes.request(second, TestData.PASSWORD);
        assertThat(changes.pending()).map(PendingEmail::email).contains(second);
        assertInvalid(() -> changes.confirm(first), "token", "account.email.link.cancelled");

        String token = tokenMailedTo(second);
        changes.cancel();
        assertThat(changes.pending()).isEmpty();
        assertThat(changes.check(token).state()).isEqualTo(EmailLink.State.CANCELLED);
        assertInvalid(() -> changes.confirm(token), "token", "account.email.link.cancelled");
        assertThat(emailOf(me.id())).isEqualTo(me.email());
    }

    @Test
    void another_account_cannot_use_the_link_and_a_made_up_one_is_unknown() {
        changes.request(newEmail, TestData.PASSWORD);
        String token = tokenMailedTo(newEmail);
        Person stranger = data.person(Role.MEMBER);
        data.signIn(stranger);
        assertThat(changes.check(token).state()).isEqualTo(EmailLink.State.OTHER_ACCOUNT);
        assertInvalid(() -> changes.confirm(token), "token", "account.email.link.other_account");
        assertThat(emailOf(stranger.id())).isEqualTo(stranger.email());
        assertThat(emailOf(me.id())).isEqualTo(me.email());

        assertThat(changes.check(Tokens.random()).state()).isEqualTo(EmailLink.State.UNKNOWN);
        assertThat(changes.check("'; drop table member; --").state()).isEqualTo(EmailLink.State.UNKNOWN);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> changes.confirm(token))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Autowired
    PersonalDataService personalData;

    @Test
    void deleting_the_account_deletes_its_change_requests_and_the_addresses_in_their_audit_events() {
        changes.request(newEmail, TestData.PASSWORD);
        data.signIn(data.person(Role.ADMIN));
        personalData.erase(me.id(), true);
        assertThat(db.fetchCount(EMAIL_CHANGE, EMAIL_CHANGE.MEMBER_ID.eq(me.id()))).isZero();
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq("member.email-change-requested")).and(AUDIT_EVENT.TARGET_ID.eq(me.id()))
                .fetchSingle(AUDIT_EVENT.DETAIL)).isNull();
    }

    @Test
    void asking_is_limited_per_person_counting_refused_asks() {
        EmailChangeService limited = new EmailChangeService(db, currentUser, passwordEncoder, audit, mailer, messages,
                limits, new AccountProperties(null, 3), Clock.systemUTC(), transactions);
        assertThat(new AccountProperties(null, null).emailChangesPerHour()).isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            assertInvalid(() -> limited.request(newEmail, "guessing " + System.nanoTime()), "password",
                    "account.password.current-wrong");
        }
        assertThatThrownBy(() -> limited.request(newEmail, TestData.PASSWORD)).isInstanceOf(RateLimitedException.class);
        assertThat(db.fetchCount(EMAIL_CHANGE, EMAIL_CHANGE.MEMBER_ID.eq(me.id()))).isZero();

        // another person has their own count
        data.signIn(data.person(Role.MEMBER));
        assertThat(limited.request(newEmail, TestData.PASSWORD).email()).isEqualTo(newEmail);
    }
}
