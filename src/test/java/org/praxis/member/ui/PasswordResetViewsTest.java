package org.praxis.member.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.PASSWORD_RESET;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.base.security.Tokens;
import org.praxis.base.ui.LoginView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** "Forgot your password?" end to end: the sign-in page, the request, the mail, the link, the new password. */
class PasswordResetViewsTest extends KaribuTest {

    private static final String NEW_PASSWORD = "lighthouse at low tide";
    private static final Pattern LINK = Pattern.compile("http://praxis\\.test/reset-password/([A-Za-z0-9_-]+)");
    private static final String SAME_ANSWER = "If an account exists for that address, we sent a link to it. The link "
            + "works once, for 30 minutes. If nothing arrives, check your spam folder, or ask your facilitators.";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    MailWorker mailWorker;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignedInSessions sessions;
    @Autowired
    RateLimiter limits;

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

    private String ask(String email) {
        navigate("forgot-password");
        _setValue(_get(EmailField.class, spec -> spec.withId("forgot-email")), email);
        _click(_get(Button.class, spec -> spec.withId("forgot-submit")));
        // the answer is shown only once there is one
        return _find(Paragraph.class, spec -> spec.withId("forgot-answer")).stream().map(Paragraph::getText).findFirst()
                .orElse(null);
    }

    private String tokenMailedTo(String email) {
        List<MimeMessage> mails = mailTo(email);
        assertThat(mails).hasSize(1);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mails.get(0)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static String openedLocation() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(i -> i.getInvocation().getExpression().contains("window.open"))
                .map(i -> String.valueOf(i.getInvocation().getParameters().get(0))).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void the_sign_in_page_offers_it() {
        navigate("login");
        _get(LoginView.class);
        Anchor forgot = _get(Anchor.class, spec -> spec.withId("login-forgot"));
        assertThat(forgot.getText()).isEqualTo("Forgot your password?");
        assertThat(forgot.getHref()).isEqualTo("forgot-password");
    }

    @Test
    void forgot_password_end_to_end_over_smtp_signs_in_with_the_new_one_and_ends_the_other_sessions() {
        Person member = data.person(Role.MEMBER);
        MockHttpSession elsewhere = new MockHttpSession();
        sessions.track(member.id(), elsewhere);

        assertThat(ask(member.email())).isEqualTo(SAME_ANSWER);
        assertThat(_get(EmailField.class, spec -> spec.withId("forgot-email")).getValue()).isEqualTo(member.email());
        String token = tokenMailedTo(member.email());

        navigate("reset-password/" + token);
        assertThat(_get(H1.class).getText()).isEqualTo("Choose a new password");
        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-password")), NEW_PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-repeated")), "lighthouse at high tide");
        _click(_get(Button.class, spec -> spec.withId("reset-submit")));
        PasswordField repeated = _get(PasswordField.class, spec -> spec.withId("reset-repeated"));
        assertThat(repeated.isInvalid()).isTrue();
        assertThat(repeated.getErrorMessage()).isEqualTo("The two new passwords are not the same.");
        assertThat(_get(PasswordField.class, spec -> spec.withId("reset-password")).getValue()).isEqualTo(NEW_PASSWORD);
        assertThat(elsewhere.isInvalid()).isFalse();

        _setValue(repeated, NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("reset-submit")));

        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(PraxisUser.class, u -> assertThat(u.id()).isEqualTo(member.id()));
        assertThat(openedLocation()).isEqualTo(".");
        assertThat(elsewhere.isInvalid()).isTrue();
        assertThat(passwordEncoder.matches(NEW_PASSWORD, data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(member.id())).fetchSingle(MEMBER.PASSWORD_HASH))).isTrue();

        // the link a second time: used, said in place, with a way to ask again
        SecurityContextHolder.clearContext();
        navigate("reset-password/" + token);
        assertThat(_get(H1.class, spec -> spec.withId("reset-refused")).getText()).isEqualTo("This link has already been used");
        assertThat(_get(Anchor.class, spec -> spec.withId("reset-ask-again")).getHref()).isEqualTo("forgot-password");
        _assertNone(PasswordField.class);
    }

    @Test
    void an_address_with_no_account_gets_the_very_same_answer_and_no_mail() {
        String unknown = TestData.unique("nobody") + "@example.org";

        assertThat(ask(unknown)).isEqualTo(SAME_ANSWER);

        assertThat(mailTo(unknown)).isEmpty();
    }

    @Test
    void an_expired_link_says_so_and_changes_nothing() {
        Person member = data.person(Role.MEMBER);
        ask(member.email());
        String token = tokenMailedTo(member.email());
        data.db().update(PASSWORD_RESET).set(PASSWORD_RESET.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(PASSWORD_RESET.MEMBER_ID.eq(member.id())).execute();

        navigate("reset-password/" + token);

        assertThat(_get(H1.class, spec -> spec.withId("reset-refused")).getText()).isEqualTo("This link has expired");
        _assertNone(PasswordField.class);
    }

    @Test
    void a_link_that_expires_while_the_page_is_open_turns_into_the_refusal_in_place() {
        Person member = data.person(Role.MEMBER);
        ask(member.email());
        String token = tokenMailedTo(member.email());
        navigate("reset-password/" + token);
        data.db().update(PASSWORD_RESET).set(PASSWORD_RESET.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(PASSWORD_RESET.MEMBER_ID.eq(member.id())).execute();

        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-password")), NEW_PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-repeated")), NEW_PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("reset-submit")));

        assertThat(_get(H1.class, spec -> spec.withId("reset-refused")).getText()).isEqualTo("This link has expired");
        assertThat(passwordEncoder.matches(TestData.PASSWORD, data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER)
                .where(MEMBER.ID.eq(member.id())).fetchSingle(MEMBER.PASSWORD_HASH))).isTrue();
    }

    @Test
    void an_unknown_link_says_so() {
        navigate("reset-password/" + Tokens.random());
        assertThat(_get(H1.class, spec -> spec.withId("reset-refused")).getText()).isEqualTo("This link is not valid");
    }

    @Test
    void asking_too_often_for_one_address_is_told_in_place_and_the_address_stays() {
        String email = TestData.unique("often") + "@example.org";
        for (int i = 0; i < 3; i++) {
            limits.hit("password-reset-address", "email:" + Tokens.hash(email), 3, Duration.ofHours(1));
        }

        assertThat(ask(email)).isNull();

        assertThat(_get(EmailField.class, spec -> spec.withId("forgot-email")).isInvalid()).isFalse();
        Paragraph problem = _get(Paragraph.class, spec -> spec.withId("forgot-problem"));
        assertThat(problem.getText()).startsWith("You have done this many times in a short while.");
        assertThat(_get(EmailField.class, spec -> spec.withId("forgot-email")).getValue()).isEqualTo(email);
    }

    @Test
    void a_malformed_address_is_told_at_the_field() {
        assertThat(ask("not an address")).isNull();
        EmailField email = _get(EmailField.class, spec -> spec.withId("forgot-email"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Please enter an email address such as name@example.org.");
    }
}
