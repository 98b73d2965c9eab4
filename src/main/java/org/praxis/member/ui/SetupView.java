package org.praxis.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.SignInService;
import org.praxis.base.ui.FieldProblems;
import org.praxis.member.MemberService;
import org.praxis.member.SetupService;
import org.springframework.security.core.AuthenticationException;

/**
 * Where the setup link printed in the log at a first start leads, no sign-in needed: the first
 * admin chooses their name, email and password, is signed in, and goes on to create the first
 * cohort. A link that is unknown, used or expired, or any account already there, gets one and the
 * same page: the link is no longer valid (nothing said about accounts).
 */
@Route(value = "setup/:token", autoLayout = false)
@AnonymousAllowed
public class SetupView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** Where the first admin goes next: the first cohort. */
    static final String NEXT = "admin/cohorts/new";

    private final transient SetupService setup;
    private final transient SignInService signIn;
    private final Div card = new Div();
    private String token;

    public SetupView(SetupService setup, SignInService signIn) {
        this.setup = setup;
        this.signIn = signIn;
        setId("setup-view");
        addClassName("praxis-public");
        card.addClassName("praxis-public-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        SetupService.Check check = setup.check(token);
        card.removeAll();
        if (check.valid()) {
            form(check.email());
        } else {
            refused();
        }
    }

    private void form(String email) {
        card.add(new H1(getTranslation("setup.title")), new Paragraph(getTranslation("setup.intro")));
        TextField name = new TextField(getTranslation("setup.name"));
        name.setId("setup-name");
        name.setMaxLength(MemberService.DISPLAY_NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setAutocomplete(Autocomplete.NAME);
        name.setWidthFull();
        EmailField address = new EmailField(getTranslation("setup.email"));
        address.setId("setup-email");
        address.setValue(email);
        address.setMaxLength(254);
        address.setRequiredIndicatorVisible(true);
        address.setAutocomplete(Autocomplete.EMAIL);
        address.setWidthFull();
        PasswordField password = new PasswordField(getTranslation("setup.password"));
        password.setId("setup-password");
        password.setHelperText(getTranslation("setup.password.help", MemberService.PASSWORD_MIN));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        PasswordField repeated = new PasswordField(getTranslation("setup.repeated"));
        repeated.setId("setup-repeated");
        repeated.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeated.setRequiredIndicatorVisible(true);
        repeated.setWidthFull();
        Paragraph problem = new Paragraph();
        problem.setId("setup-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        FieldProblems problems = new FieldProblems(this).bind("displayName", name).bind("email", address)
                .bind("password", password).bind("repeated", repeated);
        Button create = new Button(getTranslation("setup.submit"), click -> {
            problem.setVisible(false);
            problems.clear();
            String signInWith;
            try {
                signInWith = setup.createFirstAdmin(token, name.getValue(), address.getValue(), password.getValue(),
                        repeated.getValue());
            } catch (InvalidInputException e) {
                if (e.problems().containsKey("token")) {
                    card.removeAll();
                    refused();
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
                signIn.signIn(signInWith, password.getValue(), VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
                // a full load starts the signed-in UI afresh on the renewed session
                getUI().ifPresent(ui -> ui.getPage().setLocation(NEXT));
            } catch (AuthenticationException e) {
                // the account exists; signing in by hand is all that is left
                getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            }
        });
        create.setId("setup-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(name, address, password, repeated, problem, create);
    }

    private void refused() {
        H1 title = new H1(getTranslation("setup.refused.title"));
        title.setId("setup-refused");
        Anchor login = new Anchor("login", getTranslation("setup.sign-in"));
        login.setId("setup-sign-in");
        card.add(title, new Paragraph(getTranslation("setup.refused.text", setup.properties().linkTtl().toHours())),
                login);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.page-title");
    }
}
