package org.praxis.accountability.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import org.praxis.accountability.ObstaclePrompts;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.obstacle.Obstacle;
import org.praxis.obstacle.ObstacleReport;
import org.praxis.obstacle.ObstacleService;
import org.praxis.session.SessionService;
import org.praxis.session.SessionSummary;
import org.springframework.security.access.AccessDeniedException;

/**
 * For a cohort's facilitators: how often each obstacle was named in the last six months, from
 * what is shared with them (a count of one or two reads "fewer than 3"), the notes without
 * names, a prompt for a coming session about any obstacle in one step, and the list itself to
 * keep. {@code ?cohort=}
 */
@Route(value = "obstacles", layout = MainLayout.class)
@RolesAllowed("FACILITATOR")
public class ObstaclesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ObstacleService obstacles;
    private final transient SessionService sessions;
    private final transient ObstaclePrompts prompts;
    private final transient CohortPages pages;
    private long cohortId;

    public ObstaclesView(ObstacleService obstacles, SessionService sessions, ObstaclePrompts prompts, CohortPages pages) {
        this.pages = pages;
        this.obstacles = obstacles;
        this.sessions = sessions;
        this.prompts = prompts;
        setId("obstacles-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.FACILITATOR, () -> add(
                new H1(getTranslation("obstacles.title")), CohortPages.noCohort(this, CohortPages.Need.FACILITATOR)));
        if (cohort.isEmpty()) {
            return;
        }
        cohortId = cohort.get().id();
        try {
            render();
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void render() {
        ObstacleReport report = obstacles.report(cohortId);
        removeAll();
        add(new H1(getTranslation("obstacles.title")));
        Paragraph intro = new Paragraph(getTranslation("obstacles.intro"));
        intro.addClassName("praxis-muted");
        add(intro, table(report), notes(report), list());
    }

    private Section table(ObstacleReport report) {
        Section section = new Section(new H2(getTranslation("obstacles.by-month")));
        NativeTable table = new NativeTable();
        table.setId("obstacles-table");
        table.addClassName("praxis-table");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("obstacles.obstacle"));
        for (var month : report.months()) {
            head.addHeaderCell().setText(month.getMonth().getDisplayName(TextStyle.SHORT, getLocale()) + " " + month.getYear());
        }
        head.addHeaderCell().setText(getTranslation("obstacles.total"));
        head.addHeaderCell().setText(getTranslation("obstacles.prompt"));
        for (ObstacleReport.Row row : report.rows()) {
            NativeTableRow r = table.getBody().addRow();
            r.setId("obstacle-row-" + row.obstacle().id());
            r.addDataCell().setText(row.obstacle().label());
            row.byMonth().forEach(cell -> r.addDataCell().setText(text(cell)));
            r.addDataCell().setText(text(row.total()));
            Button prompt = new Button(getTranslation("obstacles.prompt.open"), click -> promptDialog(row.obstacle()));
            prompt.setId("obstacle-prompt-" + row.obstacle().id());
            prompt.getElement().setAttribute("aria-label", getTranslation("obstacles.prompt.label", row.obstacle().label()));
            prompt.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            r.addDataCell().add(prompt);
        }
        section.add(table);
        return section;
    }

    private String text(ObstacleReport.Cell cell) {
        return cell.withheld() ? getTranslation("obstacles.withheld")
                : cell.fewerThanThree() ? getTranslation("obstacles.fewer-than-3") : String.valueOf(cell.count());
    }

    private Section notes(ObstacleReport report) {
        Section section = new Section(new H2(getTranslation("obstacles.notes")));
        if (report.notes().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("obstacles.notes.none"));
            none.addClassName("praxis-muted");
            section.add(none);
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.setId("obstacle-notes");
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", getLocale());
        report.notes().forEach(n -> list.add(new ListItem(getTranslation("obstacles.note", n.obstacle(),
                month.format(n.month()), n.text()))));
        section.add(list);
        return section;
    }

    /** In one step: a new prompt about the obstacle for a coming session of the cohort. */
    private void promptDialog(Obstacle obstacle) {
        Dialog dialog = new Dialog();
        dialog.setId("obstacle-prompt-dialog");
        dialog.setHeaderTitle(getTranslation("obstacles.prompt.title", obstacle.label()));
        OffsetDateTime now = OffsetDateTime.now();
        List<SessionSummary> coming = sessions.sessionsOf(cohortId).stream()
                .filter(s -> s.startsAt().toOffsetDateTime().isAfter(now)).toList();
        if (coming.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("obstacles.prompt.no-session"));
            none.setId("obstacle-prompt-no-session");
            dialog.add(none, Links.route(getTranslation("obstacles.prompt.plan"), "sessions"));
            dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()));
            dialog.open();
            return;
        }
        Select<SessionSummary> session = new Select<>();
        session.setId("obstacle-prompt-session");
        session.setLabel(getTranslation("obstacles.prompt.session"));
        session.setItems(coming);
        session.setItemLabelGenerator(SessionSummary::title);
        session.setValue(coming.get(0));
        TextArea question = new TextArea(getTranslation("obstacles.prompt.question"));
        question.setId("obstacle-prompt-question");
        question.setValue(obstacles.promptQuestion(obstacle.id()));
        question.setWidthFull();
        FieldProblems problems = new FieldProblems(this).bind("question", question);
        dialog.add(session, question);
        Button ok = new Button(getTranslation("obstacles.prompt.add"), click -> {
            try {
                prompts.open(obstacle.id(), session.getValue().id(), question.getValue());
                dialog.close();
                Paragraph done = new Paragraph();
                done.setId("obstacle-prompt-done");
                done.getElement().setAttribute("role", "status");
                Anchor link = Links.route(getTranslation("obstacles.prompt.done", session.getValue().title()),
                        "sessions/" + session.getValue().id());
                done.add(link);
                addComponentAtIndex(2, done);
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        ok.setId("obstacle-prompt-add");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
    }

    private Section list() {
        Section section = new Section(new H2(getTranslation("obstacles.list")));
        section.setId("obstacle-list");
        UnorderedList items = new UnorderedList();
        for (Obstacle o : obstacles.list(cohortId, true)) {
            TextField label = new TextField();
            label.setId("obstacle-label-" + o.id());
            label.setValue(o.label());
            label.setMaxLength(ObstacleService.LABEL_MAX);
            label.setAriaLabel(getTranslation("obstacles.rename.label", o.label()));
            FieldProblems problems = new FieldProblems(this).bind("label", label);
            Button rename = new Button(getTranslation("obstacles.rename"), click -> {
                try {
                    obstacles.rename(o.id(), label.getValue());
                    render();
                } catch (InvalidInputException e) {
                    problems.show(e);
                }
            });
            rename.setId("obstacle-rename-" + o.id());
            Button archive = new Button(getTranslation(o.archived() ? "obstacles.restore" : "obstacles.archive"), click -> {
                obstacles.archive(o.id(), !o.archived());
                render();
            });
            archive.setId("obstacle-archive-" + o.id());
            archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout line = new HorizontalLayout(label, rename, archive);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            ListItem item = new ListItem(line);
            if (o.archived()) {
                item.addClassName("praxis-muted");
            }
            items.add(item);
        }
        TextField added = new TextField(getTranslation("obstacles.add.label"));
        added.setId("obstacle-new");
        added.setMaxLength(ObstacleService.LABEL_MAX);
        FieldProblems problems = new FieldProblems(this).bind("label", added);
        Button add = new Button(getTranslation("obstacles.add"), click -> {
            try {
                obstacles.add(cohortId, added.getValue());
                render();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        add.setId("obstacle-add");
        HorizontalLayout adding = new HorizontalLayout(added, add);
        adding.setAlignItems(FlexComponent.Alignment.BASELINE);
        section.add(items, adding);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("obstacles.page-title");
    }
}
