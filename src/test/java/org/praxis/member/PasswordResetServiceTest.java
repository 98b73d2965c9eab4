package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.PASSWORD_RESET;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.i18n.Messages;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.Mailer;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.base.security.Tokens;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Forgotten passwords, against PostgreSQL and an SMTP server in the test JVM. */
class PasswordResetServiceTest extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new sentence";
    private static final Pattern LINK = Pattern.compile("http://praxis\\.test/reset-password/([A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    PasswordResetService resets;
    @Autowired
    MailWorker mailWorker;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignedInSessions sessions;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditService audit;
    @Autowired
    Mailer mailer;
    @Autowired
    Messages messages;
    @Autowired
    RateLimiter limits;
    @Autowired
    ClusterLock clusterLock;
    @Autowired
    PersonalDataService personalData;

    /** A service as the app's, with its own clock and limits (the window longer than any test). */
    private PasswordResetService service(SetupServiceTest.MovableClock clock, int perAddress) {
        return new PasswordResetService(data.db(), transactions, passwordEncoder, audit, mailer, messages, limits,
                sessions, clusterLock, new PasswordResetProperties(null, Duration.ofDays(100000), perAddress, 1000,
                        Duration.ZERO), clock);
    }

    private List<MimeMessage> mailTo(String email) {
        mailWorker.deliverDue();
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String tokenMailedTo(String email) {
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).isNotEmpty();
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mails.get(mails.size() - 1)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private int links(long memberId) {
        return data.db().fetchCount(PASSWORD_RESET, PASSWORD_RESET.MEMBER_ID.eq(memberId));
    }

    @Test
    void a_link_is_mailed_to_the_account_and_only_its_hash_is_stored() throws Exception {
        Person member = data.person(Role.MEMBER);

        resets.request(" " + member.email().toUpperCase() + " ", "203.0.113.7");

        String token = tokenMailedTo(member.email());
        MimeMessage message = mailTo(member.email()).get(0);
        assertThat(message.getSubject()).isEqualTo("Choose a new Praxis password");
        assertThat(GreenMailUtil.getBody(message)).contains("Dear " + member.name()).contains("for 30 minutes");
        var row = data.db().selectFrom(PASSWORD_RESET).where(PASSWORD_RESET.MEMBER_ID.eq(member.id())).fetchSingle();
        assertThat(row.getTokenHash()).isEqualTo(Tokens.hash(token)).isNotEqualTo(token);
        assertThat(Duration.between(row.getCreatedAt(), row.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
        assertThat(resets.check(token)).isEqualTo(PasswordResetService.State.VALID);
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.password-reset-requested")
                .and(AUDIT_EVENT.TARGET_ID.eq(member.id())))).isEqualTo(1);
    }

    @Test
    void an_unknown_or_deactivated_address_gets_the_same_answer_and_nothing_is_sent() {
        String unknown = TestData.unique("nobody") + "@example.org";
        Person gone = data.person(Role.MEMBER);
        data.db().update(MEMBER).set(MEMBER.ACTIVE, false).where(MEMBER.ID.eq(gone.id())).execute();

        // the same as for an account: no exception, nothing to tell them apart
        resets.request(unknown, "203.0.113.8");
        resets.request(gone.email(), "203.0.113.8");

        assertThat(mailTo(unknown)).isEmpty();
        assertThat(mailTo(gone.email())).isEmpty();
        assertThat(links(gone.id())).isZero();
    }

    @Test
    void the_new_password_works_the_link_once_and_the_temporary_password_demand_goes() {
        Person member = data.person(Role.MEMBER);
        data.db().update(MEMBER).set(MEMBER.PASSWORD_MUST_CHANGE, true).where(MEMBER.ID.eq(member.id())).execute();
        resets.request(member.email(), "203.0.113.9");
        String token = tokenMailedTo(member.email());

        assertThat(resets.reset(token, NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(member.email());

        var account = data.db().selectFrom(MEMBER).where(MEMBER.ID.eq(member.id())).fetchSingle();
        assertThat(passwordEncoder.matches(NEW_PASSWORD, account.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches(TestData.PASSWORD, account.getPasswordHash())).isFalse();
        assertThat(account.getPasswordMustChange()).isFalse();
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.password-reset-by-link")
                .and(AUDIT_EVENT.TARGET_ID.eq(member.id())))).isEqualTo(1);
        assertThat(resets.check(token)).isEqualTo(PasswordResetService.State.USED);
        assertThatThrownBy(() -> resets.reset(token, "yet another sentence", "yet another sentence"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("token"));
        assertThat(passwordEncoder.matches(NEW_PASSWORD, data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(member.id())).fetchSingle(MEMBER.PASSWORD_HASH))).isTrue();
    }

    @Test
    void a_bad_new_password_is_refused_at_its_field_and_the_link_still_works() {
        Person member = data.person(Role.MEMBER);
        resets.request(member.email(), "203.0.113.10");
        String token = tokenMailedTo(member.email());

        assertThatThrownBy(() -> resets.reset(token, "short", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("password"));
        assertThatThrownBy(() -> resets.reset(token, member.email(), member.email()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("password"));
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD, NEW_PASSWORD + "."))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("repeated"));

        assertThat(resets.check(token)).isEqualTo(PasswordResetService.State.VALID);
        assertThat(passwordEncoder.matches(TestData.PASSWORD, data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(member.id())).fetchSingle(MEMBER.PASSWORD_HASH))).isTrue();
    }

    @Test
    void a_link_works_for_30_minutes() {
        Person member = data.person(Role.MEMBER);
        SetupServiceTest.MovableClock clock = new SetupServiceTest.MovableClock();
        PasswordResetService later = service(clock, 100);
        later.request(member.email(), "203.0.113.11");
        String token = tokenMailedTo(member.email());

        clock.set(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(later.check(token)).isEqualTo(PasswordResetService.State.VALID);
        clock.set(Duration.ofMinutes(30));
        assertThat(later.check(token)).isEqualTo(PasswordResetService.State.EXPIRED);
        assertThatThrownBy(() -> later.reset(token, NEW_PASSWORD, NEW_PASSWORD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("token"));
        assertThat(passwordEncoder.matches(TestData.PASSWORD, data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(member.id())).fetchSingle(MEMBER.PASSWORD_HASH))).isTrue();
    }

    @Test
    void only_the_newest_link_works_and_none_once_the_account_is_deactivated() {
        Person member = data.person(Role.MEMBER);
        resets.request(member.email(), "203.0.113.12");
        String first = tokenMailedTo(member.email());
        resets.request(member.email(), "203.0.113.12");
        String second = tokenMailedTo(member.email());

        assertThat(second).isNotEqualTo(first);
        assertThat(resets.check(first)).isEqualTo(PasswordResetService.State.EXPIRED);
        assertThat(resets.check(second)).isEqualTo(PasswordResetService.State.VALID);
        data.db().update(MEMBER).set(MEMBER.ACTIVE, false).where(MEMBER.ID.eq(member.id())).execute();
        assertThat(resets.check(second)).isEqualTo(PasswordResetService.State.EXPIRED);
        assertThatThrownBy(() -> resets.reset(second, NEW_PASSWORD, NEW_PASSWORD))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void choosing_the_new_password_ends_the_persons_other_sessions_on_this_node_and_elsewhere() {
        Person member = data.person(Role.MEMBER);
        MockHttpSession here = new MockHttpSession();
        sessions.track(member.id(), here);
        Instant signedInElsewhere = Instant.now().minusSeconds(60);
        Person other = data.person(Role.MEMBER);
        MockHttpSession someoneElse = new MockHttpSession();
        sessions.track(other.id(), someoneElse);
        assertThat(accounts.sessionState(member.id()).allows(signedInElsewhere)).isTrue();
        resets.request(member.email(), "203.0.113.13");

        resets.reset(tokenMailedTo(member.email()), NEW_PASSWORD, NEW_PASSWORD);

        assertThat(here.isInvalid()).isTrue();
        assertThat(someoneElse.isInvalid()).isFalse();
        // another node's session of theirs, signed in before, ends at its next request; a new sign-in is let through
        AccountDirectory.SessionState state = accounts.sessionState(member.id());
        assertThat(state.allows(signedInElsewhere)).isFalse();
        assertThat(state.allows(Instant.now())).isTrue();
        assertThat(accounts.sessionState(other.id()).allows(signedInElsewhere)).isTrue();
    }

    @Test
    void asking_is_limited_per_address_typed_whether_it_has_an_account_or_not() {
        PasswordResetService limited = service(new SetupServiceTest.MovableClock(), 2);
        Person member = data.person(Role.MEMBER);
        String unknown = TestData.unique("nobody") + "@example.org";
        for (String email : List.of(member.email(), unknown)) {
            limited.request(email, "203.0.113.14");
            limited.request(email, "203.0.113.15");
            assertThatThrownBy(() -> limited.request(email, "203.0.113.16"))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.minutes()).isPositive());
        }
        assertThat(mailTo(member.email())).hasSize(2);
        assertThat(links(member.id())).isEqualTo(2);
    }

    @Test
    void past_the_accounts_limit_no_more_mail_goes_and_the_answer_stays_the_same() {
        PasswordResetService limited = service(new SetupServiceTest.MovableClock(), 2);
        Person member = data.person(Role.MEMBER);
        // the account's own count is full (asked for under an address it had before, say)
        for (int i = 0; i < 2; i++) {
            limits.hit("password-reset-account", RateLimiter.person(member.id()), 2, Duration.ofDays(100000));
        }

        limited.request(member.email(), "203.0.113.17");

        assertThat(mailTo(member.email())).isEmpty();
        assertThat(links(member.id())).isZero();
    }

    @Test
    void asking_is_limited_per_client_address() {
        PasswordResetService limited = new PasswordResetService(data.db(), transactions, passwordEncoder, audit, mailer,
                messages, limits, sessions, clusterLock,
                new PasswordResetProperties(null, Duration.ofDays(100000), 100, 2, Duration.ZERO),
                new SetupServiceTest.MovableClock());
        String client = "198.51.100." + (int) (Math.random() * 250);
        String unique = TestData.unique("client");
        limited.request(unique + "-1@example.org", client);
        limited.request(unique + "-2@example.org", client);
        assertThatThrownBy(() -> limited.request(unique + "-3@example.org", client))
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void deleting_the_account_deletes_its_links() {
        Person member = data.person(Role.MEMBER);
        resets.request(member.email(), "203.0.113.19");
        String token = tokenMailedTo(member.email());
        data.signIn(data.person(Role.ADMIN));

        personalData.erase(member.id(), true);

        assertThat(links(member.id())).isZero();
        assertThat(resets.check(token)).isEqualTo(PasswordResetService.State.UNKNOWN);
    }

    @Test
    void a_malformed_address_is_refused_at_the_field() {
        assertThatThrownBy(() -> resets.request("not an address", "203.0.113.18"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("email"));
        assertThat(resets.check("' or 1=1 --")).isEqualTo(PasswordResetService.State.UNKNOWN);
        assertThat(resets.check(Tokens.random())).isEqualTo(PasswordResetService.State.UNKNOWN);
    }
}
