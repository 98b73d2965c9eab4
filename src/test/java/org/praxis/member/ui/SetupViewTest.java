package org.praxis.member.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.SETUP_TOKEN;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.Tokens;
import org.praxis.member.SetupService;
import org.praxis.support.EmptyDatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** The first admin's page, from the link in the log, on a database with no account (Karibu, as KaribuTest). */
class SetupViewTest extends EmptyDatabaseTest {

    private static final String PASSWORD = "our first network sentence";
    private static Routes routes;

    @Autowired
    ApplicationContext context;
    @Autowired
    SetupService setup;

    @BeforeAll
    static void discoverRoutes() {
        Locale.setDefault(Locale.ENGLISH);
        routes = new Routes().autoDiscoverViews("org.praxis");
    }

    @BeforeEach
    void startVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    /** The token of a fresh link, as the operator copies it from the log. */
    private String linkFromTheLog() {
        String link = setup.announce().orElseThrow();
        return link.substring(link.indexOf("/setup/") + "/setup/".length());
    }

    /** Where the page sent the browser with {@code Page.setLocation}, or null. */
    private static String location() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(i -> i.getInvocation().getExpression().contains("window.open"))
                .map(i -> String.valueOf(i.getInvocation().getParameters().get(0))).reduce((a, b) -> b).orElse(null);
    }

    private void assertRefused() {
        assertThat(_get(H1.class, spec -> spec.withId("setup-refused")).getText())
                .isEqualTo("This setup link is no longer valid");
        _assertNone(PasswordField.class);
        _assertNone(Button.class, spec -> spec.withId("setup-submit"));
    }

    @Test
    void the_link_leads_to_the_first_admin_who_is_signed_in_and_sent_to_create_the_first_cohort() {
        UI.getCurrent().navigate("setup/" + linkFromTheLog());
        assertThat(_get(H1.class).getText()).isEqualTo("Set up Praxis");
        EmailField email = _get(EmailField.class, spec -> spec.withId("setup-email"));
        assertThat(email.getValue()).isEqualTo(ADMIN_EMAIL);

        _setValue(_get(TextField.class, spec -> spec.withId("setup-name")), "Nadia Okoro");
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-password")), "too short");
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-repeated")), "too short");
        _click(_get(Button.class, spec -> spec.withId("setup-submit")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("setup-password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Please use at least 10 characters.");
        assertThat(_get(TextField.class, spec -> spec.withId("setup-name")).getValue()).isEqualTo("Nadia Okoro");
        assertThat(data.db().fetchCount(MEMBER)).isZero();

        _setValue(password, PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-repeated")), PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("setup-submit")));

        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(PraxisUser.class, u -> {
                    assertThat(u.email()).isEqualTo(ADMIN_EMAIL);
                    assertThat(u.role()).isEqualTo(Role.ADMIN);
                });
        assertThat(location()).isEqualTo("admin/cohorts/new");
        assertThat(data.db().fetchCount(MEMBER, MEMBER.ROLE.eq(Role.ADMIN.name()))).isEqualTo(1);
    }

    @Test
    void a_used_link_is_no_longer_valid() {
        String token = linkFromTheLog();
        setup.createFirstAdmin(token, "Nadia Okoro", ADMIN_EMAIL, PASSWORD, PASSWORD);

        UI.getCurrent().navigate("setup/" + token);

        assertRefused();
    }

    @Test
    void an_expired_link_is_no_longer_valid() {
        String token = linkFromTheLog();
        data.db().update(SETUP_TOKEN).set(SETUP_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).execute();

        UI.getCurrent().navigate("setup/" + token);

        assertRefused();
    }

    @Test
    void once_an_account_exists_the_page_refuses_with_the_same_words() {
        String token = linkFromTheLog();
        data.person(Role.MEMBER);

        UI.getCurrent().navigate("setup/" + token);

        assertRefused();
    }

    @Test
    void a_link_that_never_was_gets_the_same_page() {
        linkFromTheLog();
        UI.getCurrent().navigate("setup/" + Tokens.random());
        assertRefused();
        UI.getCurrent().navigate("setup/%3Cscript%3E");
        assertRefused();
    }

    @Test
    void an_admin_made_meanwhile_elsewhere_turns_the_form_into_the_refusal_and_makes_no_second_admin() {
        String token = linkFromTheLog();
        UI.getCurrent().navigate("setup/" + token);
        // another tab (or node) finishes first with another link
        setup.createFirstAdmin(linkFromTheLog(), "Someone First", "first@example.org", PASSWORD, PASSWORD);

        _setValue(_get(TextField.class, spec -> spec.withId("setup-name")), "Nadia Okoro");
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-password")), PASSWORD);
        _setValue(_get(PasswordField.class, spec -> spec.withId("setup-repeated")), PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("setup-submit")));

        assertRefused();
        assertThat(data.db().fetchCount(MEMBER)).isEqualTo(1);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        assertThat(authentication != null && authentication.getPrincipal() instanceof PraxisUser).isFalse();
    }
}
