package org.praxis.member.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.member.PasswordResetService;

/**
 * "Forgot your password?", from the sign-in page: asks for the email address and answers the
 * same whether an account has it or not (the service also takes about as long either way). The
 * address typed stays in the field.
 */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
public class ForgotPasswordView extends Main implements HasDynamicTitle {

    private final transient PasswordResetService resets;

    public ForgotPasswordView(PasswordResetService resets) {
        this.resets = resets;
        setId("forgot-view");
        addClassName("praxis-public");
        Div card = new Div();
        card.addClassName("praxis-public-card");
        EmailField email = new EmailField(getTranslation("forgot.email"));
        email.setId("forgot-email");
        email.setAutocomplete(Autocomplete.USERNAME);
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(254);
        email.setAutofocus(true);
        email.setWidthFull();
        Paragraph answer = new Paragraph();
        answer.setId("forgot-answer");
        answer.getElement().setAttribute("role", "status");
        answer.setVisible(false);
        Paragraph problem = new Paragraph();
        problem.setId("forgot-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        FieldProblems problems = new FieldProblems(this).bind("email", email);
        Button send = new Button(getTranslation("forgot.submit"), click -> {
            answer.setVisible(false);
            problem.setVisible(false);
            problems.clear();
            try {
                VaadinRequest request = VaadinRequest.getCurrent();
                resets.request(email.getValue(), request == null ? null : request.getRemoteAddr());
                answer.setText(getTranslation("forgot.sent", resets.properties().linkTtl().toMinutes()));
                answer.setVisible(true);
            } catch (InvalidInputException e) {
                String rest = problems.show(e);
                if (rest != null) {
                    problem.setText(rest);
                    problem.setVisible(true);
                }
            }
        });
        send.setId("forgot-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        Anchor login = new Anchor("login", getTranslation("forgot.sign-in"));
        login.setId("forgot-sign-in");
        card.add(new H1(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.intro")), email, problem,
                send, answer, login);
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.page-title");
    }
}
