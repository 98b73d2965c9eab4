package org.praxis.accountability.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.praxis.accountability.CommitmentDetails;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.AnalysisSummary;
import org.praxis.analysis.LibraryFilter;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.cohort.CohortChoice;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.ThreadSummary;
import org.praxis.session.SessionService;
import org.praxis.session.SessionSummary;
import org.praxis.worksheet.AssignmentSummary;
import org.praxis.worksheet.WorksheetService;

/**
 * Recording or changing a commitment: what will change, by when, how they will know, who else is
 * involved, optional links, who may read it and how often to check in. Problems show on their
 * fields; nothing typed is lost.
 */
class CommitmentForm extends Dialog {

    private final transient CommitmentService commitments;
    private final transient SessionService sessions;
    private final transient AnalysisService analyses;
    private final transient WorksheetService worksheets;
    private final transient ThreadService threads;
    private final Select<CohortChoice> cohort = new Select<>();
    private final TextArea what = new TextArea();
    private final DatePicker due = new DatePicker();
    private final TextArea doneWhen = new TextArea();
    private final TextField involved = new TextField();
    private final Select<SessionSummary> session = new Select<>();
    private final ComboBox<AnalysisSummary> analysis = new ComboBox<>();
    private final Select<AssignmentSummary> response = new Select<>();
    private final ComboBox<ThreadSummary> thread = new ComboBox<>();
    private final RadioButtonGroup<Sharing> sharing = new RadioButtonGroup<>();
    private final RadioButtonGroup<Rhythm> rhythm = new RadioButtonGroup<>();
    private final Paragraph problem = new Paragraph();
    private final FieldProblems problems = new FieldProblems(this);

    /** Preselects a session (and its cohort) for a new commitment made from a session's page. */
    CommitmentForm forSession(long cohortId, long sessionId) {
        cohort.getListDataView().getItems().filter(c -> c.id() == cohortId).findFirst().ifPresent(cohort::setValue);
        session.getListDataView().getItems().filter(s -> s != null && s.id() == sessionId).findFirst()
                .ifPresent(session::setValue);
        return this;
    }

    /** {@code existing} null: a new commitment in one of {@code cohorts}. {@code saved} gets its id. */
    CommitmentForm(List<CohortChoice> cohorts, CommitmentDetails existing, CommitmentService commitments,
            SessionService sessions, AnalysisService analyses, WorksheetService worksheets, ThreadService threads,
            LongConsumer saved) {
        this.commitments = commitments;
        this.sessions = sessions;
        this.analyses = analyses;
        this.worksheets = worksheets;
        this.threads = threads;
        setId("commitment-form");
        setHeaderTitle(getTranslation(existing == null ? "commitment.new" : "commitment.edit"));
        setWidth("min(44rem, 95vw)");
        configure();
        cohort.setItems(cohorts);
        cohort.addValueChangeListener(e -> choices(e.getValue() == null ? null : e.getValue().id()));
        if (existing != null) {
            cohort.setValue(cohorts.stream().filter(c -> c.id() == existing.cohortId()).findFirst().orElse(null));
            cohort.setReadOnly(true);
            fill(existing);
        } else if (!cohorts.isEmpty()) {
            cohort.setValue(cohorts.get(0));
        }
        cohort.setVisible(cohorts.size() > 1);
        Div form = new Div(cohort, what, due, doneWhen, involved, sharing, rhythm, session, analysis, response, thread);
        form.addClassName("praxis-form-column");
        add(form, problem);
        Button save = new Button(getTranslation("action.save"), click -> {
            problem.setVisible(false);
            try {
                long id;
                if (existing == null) {
                    id = commitments.create(cohort.getValue().id(), draft());
                } else {
                    commitments.update(existing.id(), draft());
                    id = existing.id();
                }
                close();
                saved.accept(id);
            } catch (InvalidInputException e) {
                String rest = problems.show(e);
                if (rest != null) {
                    problem.setText(rest);
                    problem.setVisible(true);
                }
            }
        });
        save.setId("commitment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void configure() {
        cohort.setId("commitment-cohort");
        cohort.setLabel(getTranslation("commitment.cohort"));
        cohort.setItemLabelGenerator(CohortChoice::name);
        what.setId("commitment-what");
        what.setLabel(getTranslation("commitment.what"));
        what.setHelperText(getTranslation("commitment.what.help"));
        what.setMaxLength(CommitmentService.WHAT_MAX);
        what.setRequiredIndicatorVisible(true);
        what.setWidthFull();
        due.setId("commitment-due");
        due.setLabel(getTranslation("commitment.due"));
        due.setRequiredIndicatorVisible(true);
        doneWhen.setId("commitment-done-when");
        doneWhen.setLabel(getTranslation("commitment.done-when"));
        doneWhen.setMaxLength(CommitmentService.DONE_WHEN_MAX);
        doneWhen.setWidthFull();
        involved.setId("commitment-involved");
        involved.setLabel(getTranslation("commitment.involved"));
        involved.setMaxLength(CommitmentService.INVOLVED_MAX);
        involved.setWidthFull();
        sharing.setId("commitment-sharing");
        sharing.setLabel(getTranslation("commitment.sharing"));
        sharing.setItems(Sharing.values());
        sharing.setItemLabelGenerator(s -> getTranslation("commitment.sharing." + s.name().toLowerCase(Locale.ROOT)));
        sharing.setValue(Sharing.PRIVATE);
        rhythm.setId("commitment-rhythm");
        rhythm.setLabel(getTranslation("commitment.rhythm"));
        rhythm.setItems(Rhythm.values());
        rhythm.setItemLabelGenerator(r -> getTranslation("commitment.rhythm." + r.name().toLowerCase(Locale.ROOT)));
        rhythm.setValue(Rhythm.BIWEEKLY);
        session.setId("commitment-session");
        session.setLabel(getTranslation("commitment.session"));
        session.setEmptySelectionAllowed(true);
        session.setEmptySelectionCaption(getTranslation("commitment.none"));
        session.setItemLabelGenerator(s -> s == null ? getTranslation("commitment.none") : s.title());
        analysis.setId("commitment-analysis");
        analysis.setLabel(getTranslation("commitment.analysis"));
        analysis.setClearButtonVisible(true);
        analysis.setItemLabelGenerator(AnalysisSummary::title);
        analysis.setWidthFull();
        response.setId("commitment-response");
        response.setLabel(getTranslation("commitment.response"));
        response.setEmptySelectionAllowed(true);
        response.setEmptySelectionCaption(getTranslation("commitment.none"));
        response.setItemLabelGenerator(a -> a == null ? getTranslation("commitment.none") : a.title());
        thread.setId("commitment-thread");
        thread.setLabel(getTranslation("commitment.thread"));
        thread.setClearButtonVisible(true);
        thread.setItemLabelGenerator(ThreadSummary::title);
        thread.setWidthFull();
        problem.setId("commitment-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        problems.bind("what", what).bind("dueOn", due).bind("doneWhen", doneWhen).bind("involved", involved)
                .bind("session", session).bind("analysis", analysis).bind("response", response).bind("thread", thread);
    }

    private void choices(Long cohortId) {
        if (cohortId == null) {
            return;
        }
        session.setItems(sessions.sessionsOf(cohortId));
        analysis.setItems(analyses.library(cohortId, LibraryFilter.all()));
        response.setItems(worksheets.assignments(cohortId).stream().filter(a -> a.myResponseId() != null).toList());
        thread.setItems(threads.commons(cohortId));
    }

    private void fill(CommitmentDetails c) {
        what.setValue(c.what());
        due.setValue(c.dueOn());
        doneWhen.setValue(c.doneWhen() == null ? "" : c.doneWhen());
        involved.setValue(c.involved() == null ? "" : c.involved());
        sharing.setValue(c.sharing());
        rhythm.setValue(c.rhythm());
        if (c.session() != null) {
            session.getListDataView().getItems().filter(s -> s != null && s.id() == c.session().id()).findFirst()
                    .ifPresent(session::setValue);
        }
        if (c.analysis() != null) {
            analysis.getListDataView().getItems().filter(a -> a.id() == c.analysis().id()).findFirst()
                    .ifPresent(analysis::setValue);
        }
        if (c.response() != null) {
            response.getListDataView().getItems().filter(a -> a != null && c.response().id() == a.myResponseId())
                    .findFirst().ifPresent(response::setValue);
        }
        if (c.thread() != null) {
            thread.getListDataView().getItems().filter(t -> t.id() == c.thread().id()).findFirst().ifPresent(thread::setValue);
        }
    }

    private CommitmentDraft draft() {
        return new CommitmentDraft(what.getValue(), due.getValue(), doneWhen.getValue(), involved.getValue(),
                session.getValue() == null ? null : session.getValue().id(),
                analysis.getValue() == null ? null : analysis.getValue().id(),
                response.getValue() == null ? null : response.getValue().myResponseId(),
                thread.getValue() == null ? null : thread.getValue().id(), sharing.getValue(), rhythm.getValue());
    }
}
