package org.praxis.member.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;
import org.praxis.base.security.Role;
import org.praxis.base.ui.DraftForm;
import org.praxis.cohort.CohortChoice;
import org.praxis.member.MemberDraft;
import org.praxis.organization.Organization;

/**
 * An account's name, pronouns, email, title, organisation, role and cohort. Publishes save and
 * cancel events and knows no service; the choices it offers are given to it.
 */
public class MemberForm extends DraftForm<MemberDraft> {

    final TextField displayName = new TextField();
    final TextField pronouns = new TextField();
    final TextField email = new TextField();
    final TextField title = new TextField();
    final ComboBox<Organization> organization = new ComboBox<>();
    final Select<Role> role = new Select<>();
    final ComboBox<CohortChoice> cohort = new ComboBox<>();
    private final List<Organization> organizations;
    private final List<CohortChoice> cohorts;

    public MemberForm(List<Organization> organizations, List<CohortChoice> cohorts, List<Role> roles) {
        super(MemberDraft.class, "member");
        this.organizations = List.copyOf(organizations);
        this.cohorts = List.copyOf(cohorts);
        setId("member-form");
        configure(displayName, "member-display-name", "member.display-name");
        displayName.setRequiredIndicatorVisible(true);
        configure(pronouns, "member-pronouns", "member.pronouns");
        pronouns.setHelperText(getTranslation("member.pronouns.help"));
        configure(email, "member-email", "member.email");
        email.setRequiredIndicatorVisible(true);
        configure(title, "member-title", "member.title");
        organization.setId("member-organization");
        organization.setLabel(getTranslation("member.organization"));
        organization.setItems(this.organizations);
        organization.setItemLabelGenerator(Organization::name);
        organization.setClearButtonVisible(true);
        role.setId("member-role");
        role.setLabel(getTranslation("member.role"));
        role.setItems(roles);
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        cohort.setId("member-cohort");
        cohort.setLabel(getTranslation("member.cohort"));
        cohort.setHelperText(getTranslation("member.cohort.help"));
        cohort.setItems(this.cohorts);
        cohort.setItemLabelGenerator(CohortChoice::name);
        cohort.setClearButtonVisible(true);

        binder.forField(displayName).bind(MemberDraft::getDisplayName, MemberDraft::setDisplayName);
        binder.forField(pronouns).bind(MemberDraft::getPronouns, MemberDraft::setPronouns);
        binder.forField(email).bind(MemberDraft::getEmail, MemberDraft::setEmail);
        binder.forField(title).bind(MemberDraft::getTitle, MemberDraft::setTitle);
        binder.forField(organization).bind(d -> byId(this.organizations, d.getOrganizationId()),
                (d, o) -> d.setOrganizationId(o == null ? null : o.id()));
        binder.forField(role).bind(MemberDraft::getRole, MemberDraft::setRole);
        binder.forField(cohort).bind(d -> cohortById(d.getCohortId()),
                (d, c) -> d.setCohortId(c == null ? null : c.id()));
        problems.bind("displayName", displayName).bind("pronouns", pronouns).bind("email", email)
                .bind("title", title).bind("organizationId", organization).bind("role", role)
                .bind("cohortId", cohort);

        addFields(displayName, pronouns, email, title, organization, role, cohort);
    }

    private void configure(TextField field, String id, String labelKey) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
    }

    private static Organization byId(List<Organization> all, Long id) {
        return id == null ? null : all.stream().filter(o -> o.id() == id).findFirst().orElse(null);
    }

    private CohortChoice cohortById(Long id) {
        return id == null ? null : cohorts.stream().filter(c -> Objects.equals(c.id(), id)).findFirst().orElse(null);
    }

    @Override
    protected com.vaadin.flow.component.Focusable<?> firstField() {
        return displayName;
    }
}
