package org.praxis.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.SignInService;
import org.praxis.base.ui.FieldProblems;
import org.praxis.member.MemberService;
import org.praxis.member.PasswordResetService;
import org.springframework.security.core.AuthenticationException;

/**
 * Where a password reset link leads, no sign-in needed: a new password typed twice, then the
 * person is signed in (their other sessions have ended). A used, expired or unknown link says so
 * in place, with a way to ask for a new one.
 */
@Route(value = "reset-password/:token", autoLayout = false)
@AnonymousAllowed
public class ResetPasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PasswordResetService resets;
    private final transient SignInService signIn;
    private final Div card = new Div();
    private String token;

    public ResetPasswordView(PasswordResetService resets, SignInService signIn) {
        this.resets = resets;
        this.signIn = signIn;
        setId("reset-view");
        addClassName("praxis-public");
        card.addClassName("praxis-public-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        render(resets.check(token));
    }

    private void render(PasswordResetService.State state) {
        card.removeAll();
        if (state != PasswordResetService.State.VALID) {
            refused(state);
            return;
        }
        card.add(new H1(getTranslation("reset.title")), new Paragraph(getTranslation("reset.intro")));
        PasswordField password = new PasswordField(getTranslation("reset.password"));
        password.setId("reset-password");
        password.setHelperText(getTranslation("setup.password.help", MemberService.PASSWORD_MIN));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setRequiredIndicatorVisible(true);
        password.setAutofocus(true);
        password.setWidthFull();
        PasswordField repeated = new PasswordField(getTranslation("reset.repeated"));
        repeated.setId("reset-repeated");
        repeated.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeated.setRequiredIndicatorVisible(true);
        repeated.setWidthFull();
        Paragraph problem = new Paragraph();
        problem.setId("reset-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        FieldProblems problems = new FieldProblems(this).bind("password", password).bind("repeated", repeated);
        Button save = new Button(getTranslation("reset.submit"), click -> {
            problem.setVisible(false);
            problems.clear();
            String email;
            try {
                email = resets.reset(token, password.getValue(), repeated.getValue());
            } catch (InvalidInputException e) {
                if (e.problems().containsKey("token")) {
                    render(resets.check(token));
                    return;
                }
                String rest = problems.show(e);
                if (rest != null) {
                    problem.setText(rest);
                    problem.setVisible(true);
                }
                return;
            }
            try {
                String next = signIn.signIn(email, password.getValue(),
                        VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
                getUI().ifPresent(ui -> ui.getPage().setLocation(next.isEmpty() ? "." : next));
            } catch (AuthenticationException e) {
                // changed, but signing in is paused (too many wrong tries lately): they sign in later
                done();
            }
        });
        save.setId("reset-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(password, repeated, problem, save);
    }

    private void done() {
        card.removeAll();
        H1 title = new H1(getTranslation("reset.title"));
        Paragraph text = new Paragraph(getTranslation("reset.done"));
        text.setId("reset-done");
        text.getElement().setAttribute("role", "status");
        Anchor login = new Anchor("login", getTranslation("reset.sign-in"));
        login.setId("reset-sign-in");
        card.add(title, text, login);
    }

    private void refused(PasswordResetService.State state) {
        H1 title = new H1(getTranslation("reset.refused." + state.name().toLowerCase(Locale.ROOT)));
        title.setId("reset-refused");
        Anchor again = new Anchor("forgot-password", getTranslation("reset.ask-again"));
        again.setId("reset-ask-again");
        Anchor login = new Anchor("login", getTranslation("reset.sign-in"));
        login.setId("reset-sign-in");
        card.add(title, new Paragraph(getTranslation("reset.refused.text", resets.properties().linkTtl().toMinutes())),
                again, login);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.page-title");
    }
}
