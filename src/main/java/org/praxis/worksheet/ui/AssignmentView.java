package org.praxis.worksheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.Times;
import org.praxis.worksheet.AssignmentSummary;
import org.praxis.worksheet.CompletionRow;
import org.praxis.worksheet.Question;
import org.praxis.worksheet.QuestionCounts;
import org.praxis.worksheet.QuestionKind;
import org.praxis.worksheet.ResponseStatus;
import org.praxis.worksheet.SharedAnswer;
import org.praxis.worksheet.SharedResponse;
import org.praxis.worksheet.WorksheetReports;
import org.praxis.worksheet.WorksheetService;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * One assignment: what it asks and the reader's own part; the responses others shared with
 * them; and, for its facilitators, who has filled it, counts across shared responses (never of
 * fewer than three) and the shared written answers by question.
 */
@Route(value = "worksheets/assignments/:assignmentId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class AssignmentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient WorksheetService worksheets;
    private final transient WorksheetReports reports;
    private AssignmentSummary assignment;

    public AssignmentView(WorksheetService worksheets, WorksheetReports reports) {
        this.worksheets = worksheets;
        this.reports = reports;
        setId("assignment-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("assignmentId").orElse(-1L);
        try {
            assignment = worksheets.assignment(id);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        CohortPages.showing(event, assignment.cohortId());
        render();
    }

    private void render() {
        removeAll();
        add(new H1(assignment.title()));
        if (!assignment.purpose().isBlank()) {
            add(new Paragraph(assignment.purpose()));
        }
        Div meta = new Div();
        meta.addClassName("praxis-muted");
        if (assignment.sessionId() != null) {
            meta.add(Links.route(getTranslation("worksheet.for-session", assignment.sessionTitle()),
                    "sessions/" + assignment.sessionId()));
        }
        if (assignment.dueOn() != null) {
            meta.add(new Paragraph(getTranslation("worksheet.due", Times.date(assignment.dueOn(), getLocale()))));
        }
        if (assignment.reviewOn() != null) {
            meta.add(new Paragraph(getTranslation("worksheet.review", Times.date(assignment.reviewOn(), getLocale()))));
        }
        add(meta);
        Paragraph mine = new Paragraph(getTranslation("worksheet.your-status",
                getTranslation("worksheet.status." + assignment.myStatus().name().toLowerCase(Locale.ROOT))));
        mine.setId("assignment-my-status");
        Button go = new Button(getTranslation(switch (assignment.myStatus()) {
            case NOT_STARTED -> "worksheet.start";
            case IN_PROGRESS -> "worksheet.continue";
            case SUBMITTED -> "worksheet.open";
        }), click -> UI.getCurrent().navigate("worksheets/responses/" + worksheets.start(assignment.id())));
        go.setId("assignment-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(mine, go);
        add(shared());
        if (assignment.facilitator()) {
            add(completion(), counts(), written());
        }
    }

    private Section shared() {
        Section section = new Section();
        section.setId("assignment-shared");
        section.add(new H2(getTranslation("worksheet.shared.title")));
        List<SharedResponse> shared = worksheets.sharedWithMe(assignment.id());
        if (shared.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("worksheet.shared.none"));
            none.addClassName("praxis-muted");
            section.add(none);
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (SharedResponse r : shared) {
            Anchor open = Links.route(getTranslation("worksheet.shared.line", r.authorName(), r.round(),
                    getTranslation("worksheet.status." + r.status().name().toLowerCase(Locale.ROOT)),
                    getTranslation("worksheet.shared-with." + r.visibility().name().toLowerCase(Locale.ROOT))),
                    "worksheets/responses/" + r.responseId());
            open.setId("shared-response-" + r.responseId());
            list.add(new ListItem(open));
        }
        section.add(list);
        return section;
    }

    private Section completion() {
        Section section = new Section();
        section.setId("assignment-completion");
        List<CompletionRow> rows = reports.completion(assignment.id());
        long submitted = rows.stream().filter(r -> r.status() == ResponseStatus.SUBMITTED).count();
        section.add(new H2(getTranslation("worksheet.completion.title")));
        Paragraph summary = new Paragraph(getTranslation("worksheet.completion.summary", submitted, rows.size()));
        summary.setId("assignment-completion-summary");
        section.add(summary);
        NativeTable table = new NativeTable();
        table.addClassName("praxis-table");
        NativeTableRow head = table.getHead().addRow();
        for (String key : new String[] {"worksheet.completion.member", "worksheet.completion.status",
                "worksheet.completion.rounds", "worksheet.completion.response"}) {
            head.addHeaderCell().setText(getTranslation(key));
        }
        for (CompletionRow r : rows) {
            NativeTableRow row = table.getBody().addRow();
            row.setId("completion-" + r.memberId());
            row.addDataCell().setText(r.name());
            row.addDataCell().setText(getTranslation("worksheet.status." + r.status().name().toLowerCase(Locale.ROOT)));
            row.addDataCell().setText(String.valueOf(r.rounds()));
            var cell = row.addDataCell();
            if (r.responseId() != null) {
                Anchor open = Links.route(getTranslation("worksheet.completion.read", r.name()),
                        "worksheets/responses/" + r.responseId());
                open.setId("completion-" + r.memberId() + "-read");
                cell.add(open);
            } else if (r.status() != ResponseStatus.NOT_STARTED) {
                cell.setText(getTranslation("worksheet.completion.private"));
            }
        }
        section.add(table);
        return section;
    }

    private Section counts() {
        Section section = new Section();
        section.setId("assignment-counts");
        section.add(new H2(getTranslation("worksheet.counts.title")));
        Paragraph note = new Paragraph(getTranslation("worksheet.counts.note", WorksheetReports.MIN_RESPONSES));
        note.addClassName("praxis-muted");
        section.add(note);
        for (QuestionCounts c : reports.counts(assignment.id())) {
            Div block = new Div();
            block.setId("counts-" + c.question().key());
            block.add(new H3(c.question().prompt()));
            if (c.hidden()) {
                Paragraph hidden = new Paragraph(getTranslation("worksheet.counts.hidden", WorksheetReports.MIN_RESPONSES));
                hidden.addClassName("praxis-muted");
                block.add(hidden);
            } else {
                NativeTable table = new NativeTable();
                table.addClassName("praxis-table");
                table.setCaptionText(getTranslation("worksheet.counts.caption", c.responses()));
                NativeTableRow head = table.getHead().addRow();
                head.addHeaderCell().setText(getTranslation("worksheet.counts.answer"));
                head.addHeaderCell().setText(getTranslation("worksheet.counts.count"));
                for (QuestionCounts.Count count : c.counts()) {
                    NativeTableRow row = table.getBody().addRow();
                    row.addDataCell().setText(label(c.question(), count.value()));
                    row.addDataCell().setText(String.valueOf(count.count()));
                }
                block.add(table);
            }
            section.add(block);
        }
        return section;
    }

    private String label(Question q, String value) {
        if (q.kind() == QuestionKind.YES_NO) {
            return getTranslation("worksheet.answer." + value);
        }
        if (q.kind() == QuestionKind.SCALE) {
            return value.equals("1") && !q.lowLabel().isBlank() ? getTranslation("worksheet.scale.labelled", 1, q.lowLabel())
                    : value.equals("5") && !q.highLabel().isBlank() ? getTranslation("worksheet.scale.labelled", 5, q.highLabel())
                    : value;
        }
        return value;
    }

    private Section written() {
        Section section = new Section();
        section.setId("assignment-written");
        section.add(new H2(getTranslation("worksheet.written.title")));
        for (Map.Entry<Question, List<SharedAnswer>> e : reports.writtenAnswers(assignment.id()).entrySet()) {
            Div block = new Div();
            block.setId("written-" + e.getKey().key());
            block.add(new H3(e.getKey().prompt()));
            if (e.getValue().isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("worksheet.written.none"));
                none.addClassName("praxis-muted");
                block.add(none);
            }
            for (SharedAnswer a : e.getValue()) {
                Div card = new Div();
                card.addClassName("praxis-card");
                card.add(Links.route(a.authorName(), "worksheets/responses/" + a.responseId()),
                        AnswerDisplay.of(this, e.getKey(), a.answer()));
                block.add(card);
            }
            section.add(block);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worksheet.assignment.page-title", assignment == null ? "" : assignment.title());
    }
}
