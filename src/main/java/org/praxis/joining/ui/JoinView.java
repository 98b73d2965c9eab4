package org.praxis.joining.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.security.SignInService;
import org.praxis.base.ui.FieldProblems;
import org.praxis.joining.InvitationCheck;
import org.praxis.joining.InvitationService;
import org.praxis.member.MemberService;

/**
 * Where an invitation link leads, no sign-in needed: the invitee chooses the name others see and a
 * password, acknowledges the cohort's community agreements, and is signed in to the cohort's
 * home. An expired or used link says so, and offers to ask the facilitators for a new one.
 */
@Route(value = "join/:token", autoLayout = false)
@AnonymousAllowed
public class JoinView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient InvitationService invitations;
    private final transient SignInService signIn;
    private final Div card = new Div();
    private String token;

    public JoinView(InvitationService invitations, SignInService signIn) {
        this.invitations = invitations;
        this.signIn = signIn;
        setId("join-view");
        addClassName("praxis-public");
        card.addClassName("praxis-public-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        render(invitations.check(token));
    }

    private void render(InvitationCheck check) {
        card.removeAll();
        if (check.state() != InvitationCheck.State.VALID) {
            refused(check.state());
            return;
        }
        card.add(new H1(getTranslation("join.title", check.cohortName())));
        card.add(new Paragraph(getTranslation("join.intro", check.name())));
        TextField name = new TextField(getTranslation("join.name"));
        name.setId("join-name");
        name.setValue(check.name());
        name.setHelperText(getTranslation("join.name.help"));
        name.setMaxLength(MemberService.DISPLAY_NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        TextField email = new TextField(getTranslation("join.email"));
        email.setId("join-email");
        email.setValue(check.email());
        email.setReadOnly(true);
        email.setWidthFull();
        PasswordField password = new PasswordField(getTranslation("join.password"));
        password.setId("join-password");
        password.setHelperText(getTranslation("join.password.help", MemberService.PASSWORD_MIN));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        PasswordField repeated = new PasswordField(getTranslation("join.repeated"));
        repeated.setId("join-repeated");
        repeated.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeated.setRequiredIndicatorVisible(true);
        repeated.setWidthFull();
        card.add(name, email, password, repeated);
        Checkbox agreed = new Checkbox(getTranslation("join.agreements.accept"));
        agreed.setId("join-agreed");
        if (check.agreementsHtml() != null) {
            card.add(new H2(getTranslation("join.agreements")));
            // stored as sanitised HTML when the facilitators published them
            Html agreements = new Html("<div class=\"praxis-agreements\">" + check.agreementsHtml() + "</div>");
            card.add(agreements, agreed);
        }
        Paragraph problem = new Paragraph();
        problem.setId("join-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        FieldProblems problems = new FieldProblems(this).bind("displayName", name).bind("password", password)
                .bind("repeated", repeated).bind("agreed", agreed);
        Button join = new Button(getTranslation("join.submit"), click -> {
            problem.setVisible(false);
            try {
                String address = invitations.accept(token, name.getValue(), password.getValue(), repeated.getValue(),
                        agreed.getValue());
                String next = signIn.signIn(address, password.getValue(),
                        VaadinServletRequest.getCurrent().getHttpServletRequest(),
                        VaadinServletResponse.getCurrent().getHttpServletResponse());
                getUI().ifPresent(ui -> ui.getPage().setLocation(next.isEmpty() ? "." : next));
            } catch (InvalidInputException e) {
                if (e.problems().containsKey("token")) {
                    render(invitations.check(token));
                    return;
                }
                String rest = problems.show(e);
                if (rest != null) {
                    problem.setText(rest);
                    problem.setVisible(true);
                }
            }
        });
        join.setId("join-submit");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(problem, join);
    }

    private void refused(InvitationCheck.State state) {
        H1 title = new H1(getTranslation("join.refused." + state.name().toLowerCase(Locale.ROOT)));
        title.setId("join-refused");
        card.add(title, new Paragraph(getTranslation("join.refused.text")));
        if (state != InvitationCheck.State.UNKNOWN) {
            Paragraph asked = new Paragraph();
            asked.setId("join-asked");
            asked.getElement().setAttribute("role", "status");
            Button ask = new Button(getTranslation("join.ask-new"), click -> {
                try {
                    VaadinRequest request = VaadinRequest.getCurrent();
                    invitations.requestNew(token, request == null ? null : request.getRemoteAddr());
                    asked.setText(getTranslation("join.asked"));
                    click.getSource().setEnabled(false);
                } catch (RateLimitedException e) {
                    asked.setText(getTranslation(e.problem().key(), e.problem().args().toArray()));
                }
            });
            ask.setId("join-ask-new");
            ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(ask, asked);
        }
        Anchor login = new Anchor("login", getTranslation("join.sign-in"));
        login.setId("join-sign-in");
        card.add(login);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("join.page-title");
    }
}
