package org.praxis.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.i18n.Messages;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.member.MemberService;
import org.praxis.member.PersonalDataService;

/**
 * The signed-in person's own account: who they are signed in as, changing their password, and
 * downloading everything they wrote.
 */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.account", order = 90, icon = "vaadin:user")
public class AccountView extends Main implements HasDynamicTitle {

    private final transient MemberService members;
    private final transient PersonalDataService data;
    private final transient Messages messages;
    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeated = new PasswordField();
    private final FieldProblems problems = new FieldProblems(this);
    private final Div mustChange = new Div();

    public AccountView(MemberService members, CurrentUser currentUser, PersonalDataService data, Messages messages) {
        this.members = members;
        this.data = data;
        this.messages = messages;
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

        add(new H2(getTranslation("account.data.title")));
        add(new Paragraph(getTranslation("account.data.text")));
        add(downloadData(currentUser.require().id()));
    }

    /** Everything the person wrote, as a zip made when they ask for it, with the headings in their language. */
    private Anchor downloadData(long me) {
        Locale locale = getLocale();
        StreamResource zip = new StreamResource("praxis-my-data.zip",
                (out, session) -> data.export(me, out, (key, args) -> messages.getTranslation(key, locale, args)));
        zip.setContentType("application/zip");
        Anchor download = new Anchor(zip, getTranslation("account.data.download"));
        download.setId("download-my-data");
        download.getElement().setAttribute("download", true);
        return download;
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
