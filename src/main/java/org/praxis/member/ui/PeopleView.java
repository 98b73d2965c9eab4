package org.praxis.member.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Role;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortService;
import org.praxis.member.MemberDraft;
import org.praxis.member.MemberService;
import org.praxis.member.MemberSummary;
import org.praxis.member.NewAccount;
import org.praxis.member.PersonalDataService;
import org.praxis.organization.Organization;
import org.praxis.organization.OrganizationDraft;
import org.praxis.organization.OrganizationService;
import org.praxis.organization.ui.OrganizationForm;

/**
 * For facilitators and admins: the accounts and the partner organisations. Create, edit,
 * deactivate and reactivate accounts, reset a password, and keep organisations up to date.
 * Admins also delete an account at the person's request.
 */
@Route(value = "people", layout = MainLayout.class)
@RolesAllowed({"FACILITATOR", "ADMIN"})
@Menu(title = "nav.people", order = 10, icon = "vaadin:users")
public class PeopleView extends Main implements HasDynamicTitle {

    private final transient MemberService members;
    private final transient OrganizationService organizations;
    private final transient CohortService cohorts;
    private final transient CurrentUser currentUser;
    private final transient PersonalDataService data;

    final Grid<MemberSummary> memberGrid = new Grid<>();
    final Grid<Organization> organizationGrid = new Grid<>();
    final TextField filter = new TextField();
    private List<MemberSummary> allMembers = List.of();
    private static final int NARROW_PX = 640;
    private transient com.vaadin.flow.shared.Registration resizing;

    public PeopleView(MemberService members, OrganizationService organizations, CohortService cohorts,
            CurrentUser currentUser, PersonalDataService data) {
        this.members = members;
        this.data = data;
        this.organizations = organizations;
        this.cohorts = cohorts;
        this.currentUser = currentUser;
        setId("people-view");
        addClassNames("praxis-view", "praxis-view-wide");
        add(new H1(getTranslation("people.title")));
        TabSheet tabs = new TabSheet();
        tabs.setId("people-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("people.tab.accounts"), accountsTab());
        tabs.add(getTranslation("people.tab.organizations"), organizationsTab());
        add(tabs);
        refreshMembers();
        refreshOrganizations();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Page page = attachEvent.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitColumns(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(resize -> fitColumns(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resizing != null) {
            resizing.remove();
            resizing = null;
        }
        super.onDetach(detachEvent);
    }

    /**
     * On a phone (under 40rem) the grids keep what matters to find someone and act: the name, the
     * role and the status (an organisation's name and sector); the rest is in the row's dialog.
     */
    void fitColumns(int windowWidth) {
        boolean narrow = windowWidth > 0 && windowWidth < NARROW_PX;
        List.of("pronouns", "email", "organization", "cohorts")
                .forEach(key -> memberGrid.getColumnByKey(key).setVisible(!narrow));
        List.of("county", "tribalNation").forEach(key -> organizationGrid.getColumnByKey(key).setVisible(!narrow));
    }

    // ---- accounts

    private Div accountsTab() {
        filter.setId("people-filter");
        filter.setLabel(getTranslation("people.filter"));
        filter.setClearButtonVisible(true);
        filter.setWidth("min(24rem, 100%)");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        Button create = new Button(getTranslation("people.new-account"), VaadinIcon.PLUS.create(),
                click -> openMemberDialog(new MemberDraft()));
        create.setId("new-member");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(filter, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);

        memberGrid.setId("members-grid");
        memberGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        memberGrid.getElement().setAttribute("aria-label", getTranslation("people.tab.accounts"));
        // widths that add up to what a desktop has (no column sized to its longest value, which pushed
        // Role, Cohort and Status out of sight); long values wrap in their cell
        memberGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        memberGrid.addColumn(MemberSummary::displayName).setHeader(getTranslation("member.display-name"))
                .setKey("name").setSortable(true).setWidth("10rem").setFlexGrow(2);
        memberGrid.addColumn(m -> m.pronouns() == null ? "" : m.pronouns()).setHeader(getTranslation("member.pronouns"))
                .setKey("pronouns").setWidth("6rem").setFlexGrow(1);
        memberGrid.addColumn(MemberSummary::email).setHeader(getTranslation("member.email")).setKey("email")
                .setWidth("12rem").setFlexGrow(2);
        memberGrid.addColumn(m -> m.organizationName() == null ? "" : m.organizationName())
                .setHeader(getTranslation("member.organization")).setKey("organization").setWidth("10rem").setFlexGrow(2);
        memberGrid.addColumn(m -> getTranslation("role." + m.role().name())).setHeader(getTranslation("member.role"))
                .setKey("role").setWidth("7rem").setFlexGrow(0);
        memberGrid.addColumn(m -> String.join(", ", m.cohorts())).setHeader(getTranslation("member.cohort"))
                .setKey("cohorts").setWidth("8rem").setFlexGrow(1);
        memberGrid.addColumn(m -> getTranslation(m.active() ? "member.status.active" : "member.status.deactivated"))
                .setHeader(getTranslation("member.status")).setKey("status").setWidth("7rem").setFlexGrow(0);
        // selection works by keyboard (space) as well as by click
        memberGrid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                openMemberDialog(members.draftOf(e.getValue().id()));
                memberGrid.asSingleSelect().clear();
            }
        });
        memberGrid.getColumns().forEach(c -> c.setResizable(true));
        memberGrid.setAllRowsVisible(true);
        return new Div(toolbar, memberGrid);
    }

    private void refreshMembers() {
        allMembers = members.list();
        applyFilter();
    }

    private void applyFilter() {
        String q = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        memberGrid.setItems(q.isEmpty() ? allMembers : allMembers.stream()
                .filter(m -> m.displayName().toLowerCase(Locale.ROOT).contains(q)
                        || m.email().toLowerCase(Locale.ROOT).contains(q)
                        || (m.organizationName() != null && m.organizationName().toLowerCase(Locale.ROOT).contains(q)))
                .toList());
    }

    private List<Role> assignableRoles() {
        return currentUser.require().role() == Role.ADMIN ? List.of(Role.values()) : List.of(Role.MEMBER);
    }

    void openMemberDialog(MemberDraft draft) {
        boolean creating = draft.getId() == null;
        Dialog dialog = new Dialog();
        dialog.setId("member-dialog");
        dialog.setHeaderTitle(getTranslation(creating ? "people.new-account" : "people.edit-account"));
        dialog.setWidth("min(48rem, 95vw)");
        List<Role> roles = assignableRoles();
        if (!creating && !roles.contains(draft.getRole())) {
            roles = List.of(draft.getRole());
        }
        MemberForm form = new MemberForm(organizations.list(), cohorts.assignable(), roles);
        Div formMessage = new Div();
        formMessage.setId("member-form-message");
        formMessage.getElement().setAttribute("role", "alert");
        formMessage.addClassName("praxis-form-message");
        formMessage.setVisible(false);
        form.addSaveListener(save -> {
            formMessage.setVisible(false);
            try {
                if (creating) {
                    NewAccount created = members.create(save.draft());
                    dialog.close();
                    showTemporaryPassword(created.member().displayName(), created.temporaryPassword(), true);
                } else {
                    members.update(draft.getId(), save.draft());
                    dialog.close();
                    notice(getTranslation("people.saved", save.draft().getDisplayName()));
                }
                refreshMembers();
            } catch (InvalidInputException e) {
                String rest = form.show(e);
                if (rest != null) {
                    formMessage.setText(rest);
                    formMessage.setVisible(true);
                }
            }
        });
        form.addCancelListener(cancel -> dialog.close());
        dialog.add(formMessage, form);
        if (!creating) {
            dialog.getFooter().add(accountActions(draft, dialog));
        }
        form.edit(draft);
        dialog.open();
    }

    private HorizontalLayout accountActions(MemberDraft draft, Dialog dialog) {
        boolean active = members.find(draft.getId()).map(MemberSummary::active).orElse(false);
        boolean self = draft.getId() == currentUser.require().id();
        Button toggle = new Button(getTranslation(active ? "people.deactivate" : "people.reactivate"),
                click -> confirmToggle(draft, active, dialog));
        toggle.setId(active ? "deactivate-member" : "reactivate-member");
        if (active) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setEnabled(!self);
        Button reset = new Button(getTranslation("people.reset-password"), click -> confirmReset(draft, dialog));
        reset.setId("reset-password");
        reset.setEnabled(!self && active);
        HorizontalLayout actions = new HorizontalLayout(reset, toggle);
        actions.setWrap(true);
        // deleting an account on request is for admins alone, and never one's own
        if (currentUser.require().role() == Role.ADMIN && !self) {
            Button erase = new Button(getTranslation("people.erase"), click -> confirmErase(draft, dialog));
            erase.setId("erase-member");
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(erase);
        }
        return actions;
    }

    private void confirmErase(MemberDraft draft, Dialog memberDialog) {
        Dialog confirm = new Dialog();
        confirm.setId("confirm-erase");
        confirm.setHeaderTitle(getTranslation("people.erase.confirm-title", draft.getDisplayName()));
        confirm.setWidth("min(36rem, 95vw)");
        Paragraph explain = new Paragraph(getTranslation("people.erase.confirm-text"));
        RadioButtonGroup<Boolean> keep = new RadioButtonGroup<>(getTranslation("people.erase.contributions"));
        keep.setId("erase-contributions");
        keep.setItems(Boolean.TRUE, Boolean.FALSE);
        keep.setItemLabelGenerator(k -> getTranslation(k ? "people.erase.keep" : "people.erase.remove"));
        keep.setRequiredIndicatorVisible(true);
        Button cancel = new Button(getTranslation("action.cancel"), click -> confirm.close());
        cancel.setId("erase-cancel");
        Button erase = new Button(getTranslation("people.erase"), click -> {
            if (keep.getValue() == null) {
                keep.setErrorMessage(getTranslation("people.erase.choose"));
                keep.setInvalid(true);
                return;
            }
            try {
                data.erase(draft.getId(), keep.getValue());
                confirm.close();
                memberDialog.close();
                notice(getTranslation("people.erased"));
                refreshMembers();
            } catch (InvalidInputException ex) {
                keep.setErrorMessage(getTranslation(ex.problems().values().iterator().next().key()));
                keep.setInvalid(true);
            }
        });
        erase.setId("erase-confirm");
        erase.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.add(explain, keep);
        confirm.getFooter().add(cancel, erase);
        confirm.open();
    }

    private void confirmToggle(MemberDraft draft, boolean active, Dialog dialog) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-toggle");
        confirm.setHeader(getTranslation(active ? "people.deactivate.confirm-title" : "people.reactivate.confirm-title",
                draft.getDisplayName()));
        confirm.setText(getTranslation(active ? "people.deactivate.confirm-text" : "people.reactivate.confirm-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation(active ? "people.deactivate" : "people.reactivate"));
        if (active) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(e -> {
            try {
                if (active) {
                    members.deactivate(draft.getId());
                    notice(getTranslation("people.deactivated", draft.getDisplayName()));
                } else {
                    members.reactivate(draft.getId());
                    notice(getTranslation("people.reactivated", draft.getDisplayName()));
                }
                dialog.close();
                refreshMembers();
            } catch (InvalidInputException ex) {
                error(getTranslation(ex.problems().values().iterator().next().key()));
            }
        });
        confirm.open();
    }

    private void confirmReset(MemberDraft draft, Dialog dialog) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-reset");
        confirm.setHeader(getTranslation("people.reset-password.confirm-title", draft.getDisplayName()));
        confirm.setText(getTranslation("people.reset-password.confirm-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("people.reset-password"));
        confirm.addConfirmListener(e -> {
            String temporary = members.resetPassword(draft.getId());
            dialog.close();
            showTemporaryPassword(draft.getDisplayName(), temporary, false);
        });
        confirm.open();
    }

    private void showTemporaryPassword(String name, String password, boolean created) {
        Dialog shown = new Dialog();
        shown.setId("temporary-password-dialog");
        shown.setHeaderTitle(getTranslation(created ? "people.created" : "people.password-reset", name));
        Paragraph explain = new Paragraph(getTranslation("people.temporary-password.explain"));
        Paragraph value = new Paragraph(password);
        value.setId("temporary-password");
        value.addClassName("praxis-secret");
        Button done = new Button(getTranslation("action.done"), click -> shown.close());
        done.setId("temporary-password-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        shown.add(explain, value);
        shown.getFooter().add(done);
        shown.open();
    }

    // ---- organisations

    private Div organizationsTab() {
        Button create = new Button(getTranslation("people.new-organization"), VaadinIcon.PLUS.create(),
                click -> openOrganizationDialog(null));
        create.setId("new-organization");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        organizationGrid.setId("organizations-grid");
        organizationGrid.getElement().setAttribute("aria-label", getTranslation("people.tab.organizations"));
        organizationGrid.addColumn(Organization::name).setHeader(getTranslation("organization.name")).setKey("name")
                .setFlexGrow(2);
        organizationGrid.addColumn(o -> getTranslation(o.sector().messageKey()))
                .setHeader(getTranslation("organization.sector")).setKey("sector");
        organizationGrid.addColumn(o -> o.county() == null ? "" : getTranslation(o.county().messageKey()))
                .setHeader(getTranslation("organization.county")).setKey("county");
        organizationGrid.addColumn(o -> o.tribalNation() == null ? "" : o.tribalNation())
                .setHeader(getTranslation("organization.tribal-nation")).setKey("tribalNation");
        organizationGrid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                openOrganizationDialog(e.getValue());
                organizationGrid.asSingleSelect().clear();
            }
        });
        organizationGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        organizationGrid.getColumns().forEach(c -> c.setWidth("8rem").setResizable(true));
        organizationGrid.setAllRowsVisible(true);
        return new Div(create, organizationGrid);
    }

    private void refreshOrganizations() {
        organizationGrid.setItems(organizations.list());
    }

    void openOrganizationDialog(Organization existing) {
        Dialog dialog = new Dialog();
        dialog.setId("organization-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "people.new-organization" : "people.edit-organization"));
        dialog.setWidth("min(40rem, 95vw)");
        OrganizationForm form = new OrganizationForm();
        form.addSaveListener(save -> {
            try {
                Organization saved = existing == null ? organizations.create(save.draft())
                        : organizations.update(existing.id(), save.draft());
                dialog.close();
                notice(getTranslation("people.organization-saved", saved.name()));
                refreshOrganizations();
                refreshMembers();
            } catch (InvalidInputException e) {
                String rest = form.show(e);
                if (rest != null) {
                    error(rest);
                }
            }
        });
        form.addCancelListener(cancel -> dialog.close());
        dialog.add(form);
        form.edit(existing == null ? new OrganizationDraft() : OrganizationDraft.of(existing));
        dialog.open();
    }

    private static void notice(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("people.page-title");
    }
}
