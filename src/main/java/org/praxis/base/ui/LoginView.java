package org.praxis.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Duration;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.SignInService;
import org.praxis.base.security.SignInThrottledException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;

/**
 * Sign in with email and password. Problems are shown next to the field they concern and read
 * out by screen readers; what was typed stays in the form.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SignInService signInService;
    private final transient CurrentUser currentUser;

    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final Div message = new Div();

    public LoginView(SignInService signInService, CurrentUser currentUser) {
        this.signInService = signInService;
        this.currentUser = currentUser;
        addClassName("praxis-login");

        Div card = new Div();
        card.addClassName("praxis-login-card");
        H1 title = new H1(getTranslation("login.title"));
        Paragraph intro = new Paragraph(getTranslation("login.intro"));
        com.vaadin.flow.component.html.Anchor apply = new com.vaadin.flow.component.html.Anchor("apply",
                getTranslation("login.apply"));
        apply.setId("login-apply");
        com.vaadin.flow.component.html.Anchor forgot = new com.vaadin.flow.component.html.Anchor("forgot-password",
                getTranslation("login.forgot"));
        forgot.setId("login-forgot");
        card.add(title, intro, emailField(), passwordField(), messageArea(), signInButton(), forgot, apply);
        add(card);
    }

    private EmailField emailField() {
        email.setId("email");
        email.setLabel(getTranslation("login.email"));
        email.setAutocomplete(Autocomplete.USERNAME);
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        email.setAutofocus(true);
        email.setMaxLength(254);
        return email;
    }

    private PasswordField passwordField() {
        password.setId("password");
        password.setLabel(getTranslation("login.password"));
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        password.setMaxLength(200);
        return password;
    }

    private Div messageArea() {
        message.setId("sign-in-message");
        message.addClassName("praxis-form-message");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);
        return message;
    }

    private Button signInButton() {
        Button signIn = new Button(getTranslation("login.submit"), click -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.setWidthFull();
        return signIn;
    }

    private void signIn() {
        clearProblems();
        boolean missing = false;
        if (email.isEmpty() || email.getValue().isBlank()) {
            showOn(email, getTranslation("login.email.required"));
            missing = true;
        }
        if (password.isEmpty()) {
            showOn(password, getTranslation("login.password.required"));
            missing = true;
        }
        if (missing) {
            return;
        }
        try {
            String next = signInService.signIn(email.getValue(), password.getValue(),
                    VaadinServletRequest.getCurrent().getHttpServletRequest(),
                    VaadinServletResponse.getCurrent().getHttpServletResponse());
            // a full load starts the signed-in UI afresh on the renewed session
            getUI().ifPresent(ui -> ui.getPage().setLocation(next.isEmpty() ? "." : next));
        } catch (SignInThrottledException e) {
            showMessage(getTranslation("login.throttled", minutes(e.retryAfter())));
        } catch (DisabledException e) {
            showOn(email, getTranslation("login.deactivated"));
        } catch (AuthenticationException e) {
            showOn(password, getTranslation("login.bad-credentials"));
            password.focus();
        }
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private void showOn(com.vaadin.flow.component.HasValidation field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private void clearProblems() {
        email.setInvalid(false);
        password.setInvalid(false);
        message.setVisible(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // already signed in: say so (a forward here could loop if the request and the session disagree)
        currentUser.get().ifPresent(user -> {
            message.setText(getTranslation("login.already", user.displayName()));
            message.removeClassName("praxis-form-message");
            message.setVisible(true);
        });
        // the form-login endpoint (POST /login) sends failures back here with ?error
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            showOn(password, getTranslation("login.bad-credentials"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
