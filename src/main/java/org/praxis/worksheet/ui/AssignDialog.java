package org.praxis.worksheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortAccess;
import org.praxis.worksheet.SessionOption;
import org.praxis.worksheet.TemplateSummary;
import org.praxis.worksheet.WorksheetService;

/**
 * Gives a template to a cohort, or to one of its sessions, with an optional due date and an
 * optional date to revisit it. Problems show on their fields; nothing typed is lost.
 */
class AssignDialog extends Dialog {

    private final transient WorksheetService worksheets;
    private final Select<CohortChoice> cohort = new Select<>();
    private final Select<SessionOption> session = new Select<>();
    private final DatePicker due = new DatePicker();
    private final DatePicker review = new DatePicker();
    private final Paragraph problem = new Paragraph();
    private final FieldProblems problems = new FieldProblems(this);
    private java.time.ZoneId zone;

    AssignDialog(TemplateSummary template, List<CohortChoice> cohorts, WorksheetService worksheets, CohortAccess access) {
        this.worksheets = worksheets;
        setId("assign-dialog");
        setHeaderTitle(getTranslation("worksheet.assign.title", template.title()));
        cohort.setId("assign-cohort");
        cohort.setLabel(getTranslation("worksheet.assign.cohort"));
        cohort.setItemLabelGenerator(CohortChoice::name);
        List<CohortChoice> allowed = template.cohortId() == null ? cohorts
                : cohorts.stream().filter(c -> c.id() == template.cohortId()).toList();
        cohort.setItems(allowed);
        session.setId("assign-session");
        session.setLabel(getTranslation("worksheet.assign.session"));
        session.setEmptySelectionAllowed(true);
        session.setEmptySelectionCaption(getTranslation("worksheet.assign.no-session"));
        session.setItemLabelGenerator(s -> s == null ? getTranslation("worksheet.assign.no-session")
                : s.title() + " · " + Times.dateTime(s.startsAt(), zone, getLocale()));
        cohort.addValueChangeListener(e -> {
            zone = e.getValue() == null ? java.time.ZoneId.of("America/Los_Angeles") : access.zoneOf(e.getValue().id());
            session.setItems(e.getValue() == null ? List.of() : worksheets.sessionChoices(e.getValue().id()));
        });
        if (!allowed.isEmpty()) {
            cohort.setValue(allowed.get(0));
        }
        due.setId("assign-due");
        due.setLabel(getTranslation("worksheet.assign.due"));
        due.setHelperText(getTranslation("worksheet.assign.optional"));
        due.setClearButtonVisible(true);
        review.setId("assign-review");
        review.setLabel(getTranslation("worksheet.assign.review"));
        review.setHelperText(getTranslation("worksheet.assign.review.help"));
        review.setClearButtonVisible(true);
        problems.bind("session", session).bind("due", due).bind("review", review);
        problem.setId("assign-problem");
        problem.getElement().setAttribute("role", "alert");
        add(cohort, session, due, review, problem);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button assign = new Button(getTranslation("worksheet.assign"), click -> {
            if (cohort.getValue() == null) {
                cohort.setInvalid(true);
                cohort.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            try {
                long id = worksheets.assign(template.id(), cohort.getValue().id(),
                        session.getValue() == null ? null : session.getValue().id(), due.getValue(), review.getValue());
                close();
                UI.getCurrent().navigate("worksheets/assignments/" + id);
            } catch (InvalidInputException e) {
                String rest = problems.show(e);
                problem.setText(rest == null ? "" : rest);
            }
        });
        assign.setId("assign-confirm");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, assign);
    }
}
