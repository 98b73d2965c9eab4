package org.praxis.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.cohort.ui.HomeView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import com.vaadin.flow.server.VaadinSession;

class LoginViewTest extends KaribuTest {

    @Autowired
    AuditService audit;

    private void attempt(String email, String password) {
        navigate("login");
        _setValue(_get(EmailField.class, spec -> spec.withId("email")), email);
        _setValue(_get(PasswordField.class, spec -> spec.withId("password")), password);
        _click(_get(Button.class, spec -> spec.withId("sign-in")));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_sign_in() {
        navigate("");
        _assertOne(LoginView.class);
        _assertNone(HomeView.class);
    }

    @Test
    void right_credentials_sign_in_and_open_the_home_view() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        attempt(member.email().toUpperCase(), TestData.PASSWORD);

        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(PraxisUser.class, u -> assertThat(u.id()).isEqualTo(member.id()));
        // the context is kept in the HTTP session for the page load that follows
        Object stored = VaadinSession.getCurrent().getSession().getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(stored).isInstanceOfSatisfying(SecurityContext.class,
                c -> assertThat(c.getAuthentication().getName()).isEqualTo(member.email()));
        assertThat(audit.latestFor("member", member.id(), 5)).anySatisfy(
                e -> assertThat(e.action()).isEqualTo("sign-in.succeeded"));

        // the browser now loads the home page as the signed-in member
        signInAs(member);
        navigate("");
        _assertOne(HomeView.class);
    }

    @Test
    void a_wrong_password_is_refused_next_to_the_field_and_the_email_stays() {
        TestData.Person member = data.person(Role.MEMBER);
        attempt(member.email(), "not the password");

        _assertOne(LoginView.class);
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("email or the password is not right");
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).getValue()).isEqualTo(member.email());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void an_unknown_account_gets_the_same_message_as_a_wrong_password() {
        attempt(TestData.unique("nobody") + "@test.example", "whatever it is");

        PasswordField password = _get(PasswordField.class, spec -> spec.withId("password"));
        assertThat(password.getErrorMessage()).contains("email or the password is not right");
    }

    @Test
    void empty_fields_are_named_next_to_each_field() {
        attempt("", "");

        EmailField email = _get(EmailField.class, spec -> spec.withId("email"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("password"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Please enter your email address.");
        assertThat(password.getErrorMessage()).isEqualTo("Please enter your password.");
    }

    @Test
    void a_deactivated_account_cannot_sign_in() {
        TestData.Person member = data.person(Role.MEMBER);
        data.db().execute("update member set active = false where id = " + member.id());
        attempt(member.email(), TestData.PASSWORD);

        _assertOne(LoginView.class);
        assertThat(_get(EmailField.class, spec -> spec.withId("email")).getErrorMessage()).contains("deactivated");
    }

    @Test
    void repeated_failures_throttle_the_account_with_a_clear_message_and_an_audit_event() {
        TestData.Person member = data.person(Role.MEMBER);
        for (int i = 0; i < 5; i++) {
            attempt(member.email(), "wrong " + i);
        }
        // even the right password is refused while throttled
        attempt(member.email(), TestData.PASSWORD);

        _assertOne(LoginView.class);
        Div message = _get(Div.class, spec -> spec.withId("sign-in-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("Too many sign-in attempts").contains("minutes");
        assertThat(audit.latestWithAction("sign-in.throttled", 20))
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo(member.email()));
    }
}
