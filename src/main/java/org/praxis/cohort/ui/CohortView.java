package org.praxis.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortDetails;
import org.praxis.cohort.CohortPerson;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.CohortService;

/**
 * One cohort, for the people who run it. Admins change everything, add existing accounts as
 * members or facilitators, give the facilitator role, move members to another cohort, and close
 * or reopen it. A facilitator of the cohort changes its description and dates; everyone else is
 * refused, here and in the service.
 */
@Route(value = "admin/cohorts/:cohortId" + RouteIds.ID, layout = MainLayout.class)
@RolesAllowed({"ADMIN", "FACILITATOR"})
public class CohortView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CohortService cohorts;
    private final Paragraph status = new Paragraph();
    private CohortDetails cohort;

    public CohortView(CohortService cohorts) {
        this.cohorts = cohorts;
        setId("cohort-view");
        addClassName("praxis-view");
        status.setId("cohort-status");
        status.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("cohortId").orElse(-1L);
        try {
            cohort = cohorts.details(id);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        status.setText("");
        render();
    }

    private void render() {
        removeAll();
        if (cohort.mayEditAll()) {
            var back = Links.route(getTranslation("cohort-form.back"), "admin/cohorts");
            back.setId("cohort-back");
            add(back);
        }
        H1 title = new H1(getTranslation("cohort-form.edit-title", cohort.name()));
        title.setId("cohort-title");
        add(title);
        if (cohort.closed()) {
            Paragraph closed = new Paragraph(getTranslation("cohort.closed.notice", closedOn()));
            closed.setId("cohort-closed-notice");
            closed.addClassName("praxis-callout");
            add(closed);
        }
        add(status);
        add(form());
        add(people());
        if (cohort.mayEditAll()) {
            add(closing());
        }
    }

    private String closedOn() {
        return Times.date(cohort.closedAt().atZoneSameInstant(java.time.ZoneId.of(cohort.timeZone())).toLocalDate(),
                getLocale());
    }

    private Component form() {
        CohortForm form = new CohortForm();
        form.read(cohort.toDraft());
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div();
        boolean frozen = cohort.closed() && !cohort.mayEditAll();
        if (!cohort.mayEditAll()) {
            Paragraph limits = new Paragraph(getTranslation("cohort-form.facilitator-limits"));
            limits.setId("cohort-facilitator-limits");
            limits.addClassName("praxis-muted");
            box.add(limits);
            if (frozen) {
                form.readOnly();
            } else {
                form.limitToDescriptionAndDates();
            }
        }
        Paragraph problem = new Paragraph();
        problem.setId("cohort-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        Button save = new Button(getTranslation("cohort-form.save"));
        save.setId("cohort-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(!frozen);
        save.addClickListener(click -> {
            problem.setVisible(false);
            form.clearProblems();
            try {
                cohorts.update(cohort.id(), form.draft());
                cohort = cohorts.details(cohort.id());
                render();
                status.setText(getTranslation("cohort-form.saved"));
            } catch (InvalidInputException e) {
                String rest = form.show(e);
                problem.setText(rest == null ? "" : rest);
                problem.setVisible(rest != null);
            }
        });
        box.add(form, problem, save);
        return box;
    }

    private Component people() {
        com.vaadin.flow.component.html.Section section = new com.vaadin.flow.component.html.Section();
        section.setId("cohort-people");
        section.getStyle().set("margin-top", "var(--lumo-space-xl)");
        section.add(new H2(getTranslation("cohort-people.title")));
        List<CohortPerson> people = cohorts.people(cohort.id());
        boolean admin = cohort.mayEditAll();
        boolean changeable = admin && !cohort.closed();
        section.add(new H3(getTranslation("cohort-people.facilitators")));
        section.add(roster("cohort-facilitators", people.stream().filter(p -> p.role() == CohortRole.FACILITATOR).toList(),
                changeable));
        section.add(new H3(getTranslation("cohort-people.members")));
        section.add(roster("cohort-members", people.stream().filter(p -> p.role() == CohortRole.MEMBER).toList(),
                changeable));
        if (changeable) {
            section.add(addForm());
        } else if (admin) {
            Paragraph closed = new Paragraph(getTranslation("cohort-people.closed"));
            closed.setId("cohort-people-closed");
            closed.addClassName("praxis-muted");
            section.add(closed);
        }
        return section;
    }

    private Component roster(String id, List<CohortPerson> people, boolean changeable) {
        if (people.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("cohort-people.nobody"));
            none.setId(id + "-none");
            none.addClassName("praxis-muted");
            return none;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("praxis-people");
        for (CohortPerson p : people) {
            ListItem item = new ListItem();
            item.setId("cohort-person-" + p.memberId());
            item.addClassName("praxis-person");
            Span name = new Span(p.displayName());
            name.addClassName("praxis-person-name");
            item.add(name);
            if (p.organizationName() != null) {
                Span org = new Span(p.organizationName());
                org.addClassName("praxis-person-line");
                item.add(org);
            }
            if (changeable && p.role() == CohortRole.MEMBER) {
                Button promote = new Button(getTranslation("cohort-people.make-facilitator"), click -> {
                    try {
                        cohorts.makeFacilitator(cohort.id(), p.memberId());
                        refresh(getTranslation("cohort-people.made-facilitator", p.displayName()));
                    } catch (InvalidInputException e) {
                        status.setText(text(e));
                    }
                });
                promote.setId("make-facilitator-" + p.memberId());
                promote.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Button move = new Button(getTranslation("cohort-people.move"), click -> openMove(p));
                move.setId("move-" + p.memberId());
                move.addThemeVariants(ButtonVariant.LUMO_SMALL);
                HorizontalLayout actions = new HorizontalLayout(promote, move);
                actions.setWrap(true);
                item.add(actions);
            }
            list.add(item);
        }
        return list;
    }

    private Component addForm() {
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div();
        box.setId("cohort-add");
        box.getStyle().set("margin-top", "var(--lumo-space-l)");
        box.add(new H3(getTranslation("cohort-people.add-title")));
        ComboBox<CohortPerson> person = new ComboBox<>(getTranslation("cohort-people.person"));
        person.setId("cohort-add-person");
        person.setItems(cohorts.addable(cohort.id()));
        person.setItemLabelGenerator(p -> p.organizationName() == null ? p.displayName()
                : p.displayName() + " · " + p.organizationName());
        person.setWidthFull();
        RadioButtonGroup<CohortRole> role = new RadioButtonGroup<>(getTranslation("cohort-people.role"));
        role.setId("cohort-add-role");
        role.setItems(CohortRole.MEMBER, CohortRole.FACILITATOR);
        role.setItemLabelGenerator(r -> getTranslation("cohort-people.role." + r.name()));
        role.setValue(CohortRole.MEMBER);
        FieldProblems problems = new FieldProblems(this).bind("person", person).bind("role", role);
        Button add = new Button(getTranslation("cohort-people.add"), click -> {
            problems.clear();
            if (person.getValue() == null) {
                person.setErrorMessage(getTranslation("validation.required"));
                person.setInvalid(true);
                person.focus();
                return;
            }
            CohortPerson chosen = person.getValue();
            try {
                cohorts.add(cohort.id(), chosen.memberId(), role.getValue());
                refresh(getTranslation(role.getValue() == CohortRole.FACILITATOR ? "cohort-people.added-facilitator"
                        : "cohort-people.added", chosen.displayName()));
            } catch (InvalidInputException e) {
                String rest = problems.show(e);
                if (rest != null) {
                    status.setText(rest);
                }
            }
        });
        add.setId("cohort-add-submit");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(person, role, add);
        row.setWrap(true);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        box.add(row);
        return box;
    }

    private void openMove(CohortPerson p) {
        Dialog dialog = new Dialog();
        dialog.setId("move-dialog");
        dialog.setHeaderTitle(getTranslation("cohort-people.move-to", p.displayName()));
        ComboBox<CohortChoice> to = new ComboBox<>(getTranslation("cohort-people.move-to", p.displayName()));
        to.setId("move-to");
        to.setItems(cohorts.moveTargets(cohort.id()));
        to.setItemLabelGenerator(CohortChoice::name);
        to.setWidthFull();
        Paragraph help = new Paragraph(getTranslation("cohort-people.move-help"));
        help.addClassName("praxis-muted");
        FieldProblems problems = new FieldProblems(dialog).bind("to", to);
        Paragraph problem = new Paragraph();
        problem.setId("move-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        Button move = new Button(getTranslation("cohort-people.move-confirm"), click -> {
            problems.clear();
            problem.setVisible(false);
            if (to.getValue() == null) {
                to.setErrorMessage(getTranslation("validation.required"));
                to.setInvalid(true);
                return;
            }
            try {
                cohorts.move(p.memberId(), cohort.id(), to.getValue().id());
                dialog.close();
                refresh(getTranslation("cohort-people.moved", p.displayName(), to.getValue().name()));
            } catch (InvalidInputException e) {
                String rest = problems.show(e);
                problem.setText(rest == null ? "" : rest);
                problem.setVisible(rest != null);
            }
        });
        move.setId("move-submit");
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        cancel.setId("move-cancel");
        dialog.add(to, help, problem);
        dialog.getFooter().add(cancel, move);
        dialog.open();
        to.focus();
    }

    private Component closing() {
        com.vaadin.flow.component.html.Section section = new com.vaadin.flow.component.html.Section();
        section.setId("cohort-closing");
        section.getStyle().set("margin-top", "var(--lumo-space-xl)");
        section.add(new H2(getTranslation("cohort-close.title")));
        if (cohort.closed()) {
            Button reopen = new Button(getTranslation("cohort-close.reopen"), click -> {
                cohorts.reopen(cohort.id());
                refresh(getTranslation("cohort-close.reopened"));
            });
            reopen.setId("cohort-reopen");
            section.add(reopen);
            return section;
        }
        section.add(new Paragraph(getTranslation("cohort-close.explain")));
        Button close = new Button(getTranslation("cohort-close.close"), click -> confirmClose());
        close.setId("cohort-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        section.add(close);
        return section;
    }

    private void confirmClose() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-close");
        confirm.setHeader(getTranslation("cohort-close.confirm-title", cohort.name()));
        confirm.setText(getTranslation("cohort-close.confirm-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("cohort-close.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            cohorts.close(cohort.id());
            refresh(getTranslation("cohort-close.closed"));
        });
        confirm.open();
    }

    private void refresh(String message) {
        cohort = cohorts.details(cohort.id());
        render();
        status.setText(message);
    }

    private String text(InvalidInputException e) {
        return e.problems().values().stream().map(p -> getTranslation(p.key(), p.args().toArray()))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    @Override
    public String getPageTitle() {
        return cohort == null ? getTranslation("cohort-form.page-title")
                : getTranslation("error.page-title", cohort.name());
    }
}
