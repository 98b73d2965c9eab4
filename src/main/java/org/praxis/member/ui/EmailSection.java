package org.praxis.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import java.time.ZoneId;
import java.util.Optional;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Times;
import org.praxis.member.EmailChangeService;
import org.praxis.member.PendingEmail;

/**
 * The account page's email address: the one in use, and either the form that asks to change it
 * (the new address and the current password; a link goes to the new address) or, while a change
 * waits for its link, what it waits for and a way to cancel it. What was typed stays on refusal.
 */
class EmailSection extends Section {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private final transient EmailChangeService changes;
    final EmailField newEmail = new EmailField();
    final PasswordField password = new PasswordField();
    private final FieldProblems problems = new FieldProblems(this);
    private final Div message = new Div();
    private final String current;

    EmailSection(EmailChangeService changes, String current) {
        this.changes = changes;
        this.current = current;
        setId("account-email");
        newEmail.setId("email-new");
        newEmail.setLabel(getTranslation("account.email.new"));
        newEmail.setAutocomplete(Autocomplete.EMAIL);
        newEmail.setMaxLength(254);
        newEmail.setWidthFull();
        password.setId("email-password");
        password.setLabel(getTranslation("account.password.current"));
        password.setHelperText(getTranslation("account.email.password.help"));
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        problems.bind("newEmail", newEmail).bind("password", password);
        message.setId("email-message");
        message.addClassName("praxis-form-message");
        message.getElement().setAttribute("role", "alert");
        render(changes.pending());
    }

    private void render(Optional<PendingEmail> pending) {
        removeAll();
        Paragraph inUse = new Paragraph(getTranslation("account.email.current", current));
        inUse.setId("email-current");
        add(inUse);
        if (pending.isPresent()) {
            add(waiting(pending.get()));
        } else {
            add(form());
        }
    }

    private Div waiting(PendingEmail pending) {
        Div waiting = new Div();
        waiting.setId("email-pending");
        waiting.addClassName("praxis-callout");
        waiting.getElement().setAttribute("role", "status");
        waiting.add(new Paragraph(getTranslation("account.email.pending", pending.email(),
                Times.dateTime(pending.expiresAt(), ZONE, getLocale()), current)));
        Button cancel = new Button(getTranslation("account.email.cancel"), click -> {
            changes.cancel();
            render(Optional.empty());
            Notification.show(getTranslation("account.email.cancelled"), 4000, Notification.Position.BOTTOM_START);
        });
        cancel.setId("email-cancel");
        waiting.add(cancel);
        return waiting;
    }

    private FormLayout form() {
        message.setVisible(false);
        Button send = new Button(getTranslation("account.email.request"), click -> request());
        send.setId("email-request");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(newEmail, password, message, send);
        form.setMaxWidth("40rem");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void request() {
        problems.clear();
        message.setVisible(false);
        try {
            PendingEmail pending = changes.request(newEmail.getValue(), password.getValue());
            newEmail.clear();
            password.clear();
            render(Optional.of(pending));
            Notification n = Notification.show(getTranslation("account.email.sent", pending.email()), 6000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            String unplaced = problems.show(e);
            if (unplaced != null) {
                message.setText(unplaced);
                message.setVisible(true);
            }
        }
    }
}
