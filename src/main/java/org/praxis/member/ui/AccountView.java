package org.praxis.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.member.MemberService;

/** The signed-in person's own account: who they are signed in as, and changing their password. */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.account", order = 90, icon = "vaadin:user")
public class AccountView extends Main implements HasDynamicTitle {

    private final transient MemberService members;
    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeated = new PasswordField();
    private final FieldProblems problems = new FieldProblems(this);
    private final Div mustChange = new Div();

    public AccountView(MemberService members, CurrentUser currentUser) {
        this.members = members;
        setId("account-view");
        addClassName("praxis-view");
        add(new H1(getTranslation("account.title")));
        add(new Paragraph(getTranslation("account.signed-in-as", currentUser.require().email())));

        mustChange.setId("must-change-password");
        mustChange.addClassName("praxis-callout");
        mustChange.getElement().setAttribute("role", "status");
        mustChange.setText(getTranslation("account.must-change"));
        mustChange.setVisible(members.mustChangePassword());
        add(mustChange);

        add(new H2(getTranslation("account.password.title")));
        add(passwordForm());
    }

    private FormLayout passwordForm() {
        current.setId("current-password");
        current.setLabel(getTranslation("account.password.current"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        next.setId("new-password");
        next.setLabel(getTranslation("account.password.new"));
        next.setHelperText(getTranslation("account.password.rules", MemberService.PASSWORD_MIN));
        next.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeated.setId("repeat-password");
        repeated.setLabel(getTranslation("account.password.repeat"));
        repeated.setAutocomplete(Autocomplete.NEW_PASSWORD);
        problems.bind("current", current).bind("next", next).bind("repeated", repeated);
        Button save = new Button(getTranslation("account.password.save"), click -> changePassword());
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeated, save);
        form.setMaxWidth("40rem");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return form;
    }

    private void changePassword() {
        problems.clear();
        try {
            members.changeOwnPassword(current.getValue(), next.getValue(), repeated.getValue());
            current.clear();
            next.clear();
            repeated.clear();
            mustChange.setVisible(false);
            Notification n = Notification.show(getTranslation("account.password.changed"), 4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            problems.show(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.page-title");
    }
}
