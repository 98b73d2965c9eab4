package org.praxis.member.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.member.MemberService;
import org.praxis.member.ProfileDraft;
import org.praxis.organization.Organization;

/**
 * How a person appears to others, as they edit it themselves: name, pronouns, title, organisation
 * (from the partner organisations) and a short bio. Publishes {@link SaveEvent} and knows no
 * service; "Undo changes" puts back what was last saved.
 */
public class ProfileForm extends FormLayout {

    final TextField displayName = new TextField();
    final TextField pronouns = new TextField();
    final TextField title = new TextField();
    final ComboBox<Organization> organization = new ComboBox<>();
    final TextArea bio = new TextArea();
    private final Binder<ProfileDraft> binder = new Binder<>(ProfileDraft.class);
    private final FieldProblems problems = new FieldProblems(this);
    private final List<Organization> organizations;
    private ProfileDraft saved;

    public ProfileForm(List<Organization> organizations) {
        this.organizations = List.copyOf(organizations);
        setId("profile-form");
        setMaxWidth("40rem");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        field(displayName, "profile-display-name", "member.display-name");
        displayName.setRequiredIndicatorVisible(true);
        displayName.setHelperText(getTranslation("account.profile.display-name.help"));
        field(pronouns, "profile-pronouns", "member.pronouns");
        pronouns.setHelperText(getTranslation("account.profile.pronouns.help"));
        field(title, "profile-title", "account.profile.title-field");
        organization.setId("profile-organization");
        organization.setLabel(getTranslation("member.organization"));
        organization.setItems(this.organizations);
        organization.setItemLabelGenerator(Organization::name);
        organization.setClearButtonVisible(true);
        organization.setHelperText(getTranslation("account.profile.organization.help"));
        bio.setId("profile-bio");
        bio.setLabel(getTranslation("account.profile.bio"));
        bio.setMinRows(3);
        bio.setValueChangeMode(ValueChangeMode.LAZY);
        bio.addValueChangeListener(e -> bioHelp());
        bioHelp();

        binder.forField(displayName).bind(ProfileDraft::getDisplayName, ProfileDraft::setDisplayName);
        binder.forField(pronouns).bind(ProfileDraft::getPronouns, ProfileDraft::setPronouns);
        binder.forField(title).bind(ProfileDraft::getTitle, ProfileDraft::setTitle);
        binder.forField(organization).bind(d -> byId(d.getOrganizationId()),
                (d, o) -> d.setOrganizationId(o == null ? null : o.id()));
        binder.forField(bio).bind(ProfileDraft::getBio, ProfileDraft::setBio);
        problems.bind("displayName", displayName).bind("pronouns", pronouns).bind("title", title)
                .bind("organizationId", organization).bind("bio", bio);

        Button save = new Button(getTranslation("account.profile.save"), click -> {
            ProfileDraft draft = new ProfileDraft();
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent(this, draft));
            }
        });
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button undo = new Button(getTranslation("account.profile.undo"), click -> edit(saved));
        undo.setId("profile-undo");
        HorizontalLayout buttons = new HorizontalLayout(save, undo);
        buttons.getStyle().set("flex-wrap", "wrap");
        add(displayName, pronouns, title, organization, bio, buttons);
    }

    private void field(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setWidthFull();
    }

    /** How much room the bio has left, as the person types (the service holds the limit). */
    private void bioHelp() {
        String value = bio.getValue() == null ? "" : bio.getValue().strip();
        int used = value.codePointCount(0, value.length());
        bio.setHelperText(getTranslation("account.profile.bio.help", MemberService.BIO_MAX, used));
    }

    private Organization byId(Long id) {
        return id == null ? null : organizations.stream().filter(o -> o.id() == id).findFirst().orElse(null);
    }

    /** Shows the saved profile. */
    public void edit(ProfileDraft draft) {
        saved = draft;
        problems.clear();
        binder.readBean(draft);
        bioHelp();
    }

    /** Shows the service's objections next to their fields; returns any it could not place. */
    public String show(InvalidInputException e) {
        return problems.show(e);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** Save was pressed; {@link #draft()} holds what the form shows. */
    public static final class SaveEvent extends ComponentEvent<ProfileForm> {
        private final transient ProfileDraft draft;

        SaveEvent(ProfileForm source, ProfileDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public ProfileDraft draft() {
            return draft;
        }
    }
}
