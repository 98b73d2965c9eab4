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
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.i18n.Messages;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.member.EmailChangeService;
import org.praxis.member.MemberService;
import org.praxis.member.PersonalDataService;
import org.praxis.member.Profile;
import org.praxis.member.ProfileDraft;
import org.praxis.organization.OrganizationService;

/**
 * The signed-in person's own account: how others see them (name, pronouns, title, organisation,
 * bio), the email address they sign in with (changed through a link mailed to the new one), their
 * password, how they are notified (each notifying feature adds its {@link NotificationChoice}), and
 * downloading everything they wrote. Only ever their own: admins edit others on the people page.
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
    private final Paragraph signedInAs = new Paragraph();
    private final ProfileForm profileForm;

    public AccountView(MemberService members, CurrentUser currentUser, PersonalDataService data, Messages messages,
            OrganizationService organizations, EmailChangeService emailChanges, List<NotificationChoice> notifications) {
        this.members = members;
        this.data = data;
        this.messages = messages;
        long me = currentUser.require().id();
        Profile profile = members.profileOf(me);
        setId("account-view");
        addClassNames("praxis-view", "praxis-account");
        add(new H1(getTranslation("account.title")));
        signedInAs.setId("account-signed-in-as");
        signedInAs.setText(getTranslation("account.signed-in-as", profile.email()));
        add(signedInAs);

        mustChange.setId("must-change-password");
        mustChange.addClassName("praxis-callout");
        mustChange.getElement().setAttribute("role", "status");
        mustChange.setText(getTranslation("account.must-change"));
        boolean passwordFirst = members.mustChangePassword();
        mustChange.setVisible(passwordFirst);
        add(mustChange);

        // someone with a temporary password is sent here to replace it: that comes first then
        if (passwordFirst) {
            addPasswordSection();
        }
        add(new H2(getTranslation("account.profile.title")), new Paragraph(getTranslation("account.profile.intro")));
        profileForm = new ProfileForm(organizations.list());
        profileForm.edit(profile.draft());
        profileForm.addSaveListener(e -> saveProfile(me, e.draft()));
        add(profileForm);

        add(new H2(getTranslation("account.email.title")));
        add(new EmailSection(emailChanges, profile.email()));

        if (!passwordFirst) {
            addPasswordSection();
        }

        Section notices = new Section();
        notices.setId("account-notifications");
        notices.add(new H2(getTranslation("account.notifications.title")));
        notifications.stream().sorted(Comparator.comparingInt(NotificationChoice::order))
                .forEach(choice -> notices.add(choice.create()));
        if (!notifications.isEmpty()) {
            add(notices);
        }

        add(new H2(getTranslation("account.data.title")));
        add(new Paragraph(getTranslation("account.data.text")));
        add(downloadData(me));
    }

    private void addPasswordSection() {
        add(new H2(getTranslation("account.password.title")));
        add(passwordForm());
    }

    private void saveProfile(long me, ProfileDraft draft) {
        try {
            Profile saved = members.updateProfile(me, draft);
            profileForm.edit(saved.draft());
            // the top bar names the person: it follows at once
            MainLayout shell = findAncestor(MainLayout.class);
            if (shell != null) {
                shell.refreshSignedIn();
            }
            Notification n = Notification.show(getTranslation("account.profile.saved"), 4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            String unplaced = profileForm.show(e);
            if (unplaced != null) {
                Notification.show(unplaced, 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
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
