package org.praxis.worksheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.praxis.analysis.AnalysisSummary;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.DiffText;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.Question;
import org.praxis.worksheet.Readers;
import org.praxis.worksheet.ResponseDetails;
import org.praxis.worksheet.ResponseStatus;
import org.praxis.worksheet.RoundChange;
import org.praxis.worksheet.RoundInfo;
import org.praxis.worksheet.Step;
import org.praxis.worksheet.Visibility;
import org.praxis.worksheet.WorksheetService;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * One round of a worksheet response. Its author fills it one step at a time, each answer saved
 * as it is given, and comes back to the same step; once submitted it reads as a document, with
 * who can read it, its other rounds, a link to a policy analysis and downloads.
 * {@code ?compare=<other round>} shows two rounds side by side.
 */
@Route(value = "worksheets/responses/:responseId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class ResponseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient WorksheetService worksheets;
    private final transient CohortAccess access;
    private ResponseDetails response;
    private Long compareWith;
    private int step;
    private ZoneId zone;
    private final Paragraph status = new Paragraph();
    private final List<AnswerField> fields = new ArrayList<>();
    private FieldProblems problems;
    private Paragraph stepTop;
    private H2 stepTitle;

    public ResponseView(WorksheetService worksheets, CohortAccess access) {
        this.worksheets = worksheets;
        this.access = access;
        setId("response-view");
        addClassName("praxis-view");
        status.setId("worksheet-save-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("praxis-muted");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("responseId").orElse(-1L);
        compareWith = event.getLocation().getQueryParameters().getSingleParameter("compare")
                .filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        try {
            response = worksheets.response(id);
            if (compareWith != null) {
                worksheets.response(compareWith);
            }
        } catch (AccessDeniedException e) {
            // someone else's private response looks like nothing at all
            event.rerouteToError(NotFoundException.class);
            return;
        }
        zone = access.zoneOf(response.cohortId());
        CohortPages.showing(event, response.cohortId());
        step = response.currentStep();
        render();
    }

    private void reload() {
        response = worksheets.response(response.id());
        render();
    }

    private void render() {
        removeAll();
        fields.clear();
        add(new H1(response.definition().title()));
        Paragraph meta = new Paragraph(getTranslation("worksheet.response.meta", response.round(), response.authorName(),
                getTranslation("worksheet.status." + response.status().name().toLowerCase(Locale.ROOT))));
        meta.setId("worksheet-meta");
        meta.addClassName("praxis-muted");
        add(meta);
        Anchor back = Links.route(getTranslation("worksheet.back-to-assignment"), "worksheets/assignments/" + response.assignmentId());
        back.setId("worksheet-assignment-link");
        add(back);
        if (compareWith != null) {
            renderComparison();
        } else if (response.editable()) {
            renderStep();
        } else {
            renderDocument();
        }
        if (response.mine() && compareWith == null) {
            add(visibility());
        }
        if (compareWith == null) {
            add(rounds());
        }
    }

    // ---- filling

    private void renderStep() {
        List<Step> steps = response.definition().steps();
        step = Math.max(0, Math.min(step, steps.size() - 1));
        Step s = steps.get(step);
        if (!response.definition().purpose().isBlank() && step == 0) {
            Paragraph purpose = new Paragraph(response.definition().purpose());
            purpose.setId("worksheet-purpose");
            add(purpose);
        }
        Paragraph progressText = new Paragraph(getTranslation("worksheet.progress", step + 1, steps.size()));
        progressText.setId("worksheet-progress-text");
        ProgressBar progress = new ProgressBar(0, steps.size(), step + 1);
        progress.setId("worksheet-progress");
        progress.getElement().setAttribute("aria-label", getTranslation("worksheet.progress", step + 1, steps.size()));
        add(progressText, progress);
        H2 title = new H2(s.title());
        title.setId("worksheet-step-title");
        // focusable from code, so moving to a step announces it and shows it from its top
        title.getElement().setAttribute("tabindex", "-1");
        add(title);
        stepTop = progressText;
        stepTitle = title;
        if (!s.intro().isBlank()) {
            add(new Paragraph(s.intro()));
        }
        problems = new FieldProblems(this);
        Div form = new Div();
        form.addClassName("praxis-form-column");
        for (Question q : s.questions()) {
            AnswerField field = new AnswerField(q, response.answer(q.key()), answer -> save(q, answer));
            fields.add(field);
            problems.bind("answer." + q.key(), field.target());
            form.add(field);
        }
        add(form, status);
        Button previous = new Button(getTranslation("worksheet.previous"), click -> go(step - 1));
        previous.setId("worksheet-back");
        previous.setEnabled(step > 0);
        Button next = new Button(getTranslation("worksheet.next"), click -> go(step + 1));
        next.setId("worksheet-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button submit = new Button(getTranslation("worksheet.submit"), click -> submit());
        submit.setId("worksheet-submit");
        boolean last = step == steps.size() - 1;
        next.setVisible(!last);
        if (last) {
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        submit.setVisible(last);
        add(new HorizontalLayout(previous, next, submit));
    }

    private void save(Question q, Answer answer) {
        try {
            worksheets.saveAnswer(response.id(), q.key(), answer);
            status.setText(getTranslation("worksheet.saved",
                    LocalTime.now(zone).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale()))));
        } catch (InvalidInputException e) {
            String rest = problems.show(e);
            status.setText(getTranslation("worksheet.not-saved") + (rest == null ? "" : " " + rest));
        } catch (IllegalStateException e) {
            // submitted meanwhile in another window: say so, and keep what was typed on screen
            status.setText(getTranslation("worksheet.submitted-elsewhere"));
        }
    }

    private void go(int to) {
        worksheets.saveStep(response.id(), to);
        step = to;
        response = worksheets.response(response.id());
        render();
        stepTitle.getElement().executeJs("$0.scrollIntoView({block: 'start'}); this.focus({preventScroll: true})",
                stepTop.getElement());
    }

    private void submit() {
        if (worksheets.response(response.id()).status() == ResponseStatus.SUBMITTED) {
            reload();
            return;
        }
        try {
            worksheets.submit(response.id());
            reload();
            status.setText(getTranslation("worksheet.submitted"));
            addComponentAtIndex(2, status);
        } catch (InvalidInputException e) {
            // open the first step with a missing answer and mark every one of them there
            List<Step> steps = response.definition().steps();
            List<String> where = new ArrayList<>();
            int first = -1;
            for (int i = 0; i < steps.size(); i++) {
                int index = i;
                if (steps.get(i).questions().stream().anyMatch(q -> e.problems().containsKey("answer." + q.key()))) {
                    where.add(steps.get(index).title());
                    first = first < 0 ? i : first;
                }
            }
            if (first >= 0 && first != step) {
                go(first);
            }
            problems.show(e);
            status.setText(getTranslation("worksheet.missing", String.join(", ", where)));
        }
    }

    // ---- reading

    private void renderDocument() {
        if (response.submittedAt() != null) {
            Paragraph when = new Paragraph(getTranslation("worksheet.submitted-at",
                    Times.dateTime(response.submittedAt(), zone, getLocale())));
            when.addClassName("praxis-muted");
            add(when);
        }
        if (response.analysisTitle() != null) {
            Anchor analysis = Links.route(getTranslation("worksheet.analysis.linked", response.analysisTitle()),
                    "analyses/" + response.analysisId());
            analysis.setId("worksheet-analysis-link");
            add(analysis);
        }
        Div document = new Div();
        document.setId("worksheet-answers");
        for (Step s : response.definition().steps()) {
            document.add(new H2(s.title()));
            for (Question q : s.questions()) {
                H3 prompt = new H3(q.prompt());
                prompt.addClassName("praxis-question");
                document.add(prompt, AnswerDisplay.of(this, q, response.answer(q.key())));
            }
        }
        add(document);
        if (response.mine()) {
            add(ownerActions());
        }
    }

    private Section ownerActions() {
        Section actions = new Section();
        actions.add(new H2(getTranslation("worksheet.your-actions")));
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        if (response.status() == ResponseStatus.SUBMITTED) {
            Button again = new Button(getTranslation("worksheet.new-round"), click -> {
                long next = worksheets.newRound(response.id());
                UI.getCurrent().navigate("worksheets/responses/" + next);
            });
            again.setId("worksheet-new-round");
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reopen = new Button(getTranslation("worksheet.reopen"), click -> {
                worksheets.reopen(response.id());
                step = 0;
                reload();
            });
            reopen.setId("worksheet-reopen");
            buttons.add(again, reopen);
        }
        String file = response.definition().title().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "")
                + "-round-" + response.round();
        Anchor markdown = new Anchor(new StreamResource(file + ".md", () -> new ByteArrayInputStream(
                worksheets.exportMarkdown(response.id(), this::getTranslation).getBytes(StandardCharsets.UTF_8))),
                getTranslation("worksheet.export.markdown"));
        markdown.setId("worksheet-export-markdown");
        markdown.getElement().setAttribute("download", true);
        Anchor pdf = new Anchor(new StreamResource(file + ".pdf", () -> new ByteArrayInputStream(
                worksheets.exportPdf(response.id(), this::getTranslation))), getTranslation("worksheet.export.pdf"));
        pdf.setId("worksheet-export-pdf");
        pdf.getElement().setAttribute("download", true);
        buttons.add(markdown, pdf);
        actions.add(buttons);
        ComboBox<AnalysisSummary> analysis = new ComboBox<>(getTranslation("worksheet.analysis"));
        analysis.setId("worksheet-analysis");
        analysis.setHelperText(getTranslation("worksheet.analysis.help"));
        analysis.setClearButtonVisible(true);
        analysis.setItemLabelGenerator(AnalysisSummary::title);
        List<AnalysisSummary> choices = worksheets.analysisChoices(response.id());
        analysis.setItems(choices);
        analysis.setWidth("min(30rem, 100%)");
        choices.stream().filter(a -> response.analysisId() != null && a.id() == response.analysisId()).findFirst()
                .ifPresent(analysis::setValue);
        analysis.addValueChangeListener(e -> {
            worksheets.linkAnalysis(response.id(), e.getValue() == null ? null : e.getValue().id());
            reload();
        });
        actions.add(analysis);
        return actions;
    }

    private Section visibility() {
        Section section = new Section();
        section.setId("worksheet-sharing");
        section.add(new H2(getTranslation("worksheet.visibility.title")));
        RadioButtonGroup<Visibility> choice = new RadioButtonGroup<>(getTranslation("worksheet.visibility"));
        choice.setId("worksheet-visibility");
        choice.setItems(Visibility.values());
        choice.setItemLabelGenerator(v -> getTranslation("worksheet.visibility." + v.name().toLowerCase(Locale.ROOT)));
        choice.setValue(response.visibility());
        Paragraph readers = new Paragraph();
        readers.setId("worksheet-readers");
        readers.getElement().setAttribute("aria-live", "polite");
        showReaders(readers);
        choice.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != response.visibility()) {
                worksheets.setVisibility(response.id(), e.getValue());
                response = worksheets.response(response.id());
                showReaders(readers);
            }
        });
        section.add(choice, readers);
        return section;
    }

    private void showReaders(Paragraph readers) {
        Readers who = worksheets.readers(response.id());
        List<String> others = who.names().subList(1, who.names().size());
        readers.setText(others.isEmpty() ? getTranslation("worksheet.readers.only-you")
                : getTranslation("worksheet.readers.you-and", others.size(), String.join(", ", others)));
    }

    private Section rounds() {
        Section section = new Section();
        section.setId("worksheet-rounds");
        List<RoundInfo> rounds = worksheets.rounds(response.id());
        if (rounds.size() < 2) {
            return section;
        }
        section.add(new H2(getTranslation("worksheet.rounds")));
        OrderedList list = new OrderedList();
        for (RoundInfo r : rounds) {
            ListItem item = new ListItem();
            String label = getTranslation("worksheet.round.line", r.round(),
                    getTranslation("worksheet.status." + r.status().name().toLowerCase(Locale.ROOT)),
                    Times.dateTime(r.submittedAt() != null ? r.submittedAt() : r.startedAt(), zone, getLocale()));
            if (r.responseId() == response.id()) {
                Span current = new Span(label);
                current.getElement().setAttribute("aria-current", "page");
                item.add(current);
            } else {
                Anchor open = Links.route(label, "worksheets/responses/" + r.responseId());
                Anchor compare = Links.route(getTranslation("worksheet.compare-with", r.round()),
                        "worksheets/responses/" + response.id() + "?compare=" + r.responseId());
                compare.setId("worksheet-compare-" + r.round());
                item.add(open, new Span(" · "), compare);
            }
            list.add(item);
        }
        section.add(list);
        return section;
    }

    // ---- comparing

    private void renderComparison() {
        ResponseDetails other = worksheets.response(compareWith);
        ResponseDetails earlier = other.round() <= response.round() ? other : response;
        ResponseDetails later = earlier == other ? response : other;
        H2 heading = new H2(getTranslation("worksheet.compare.title", earlier.round(), later.round()));
        heading.setId("worksheet-compare-title");
        add(heading);
        Anchor close = Links.route(getTranslation("worksheet.compare.close"), "worksheets/responses/" + response.id());
        close.setId("worksheet-compare-close");
        add(close);
        Div all = new Div();
        all.setId("worksheet-comparison");
        for (RoundChange c : worksheets.compare(earlier.id(), later.id())) {
            Div block = new Div();
            block.addClassName("praxis-card");
            H3 prompt = new H3(c.question().prompt());
            prompt.addClassName("praxis-question");
            block.add(prompt);
            if (!c.changed()) {
                Span same = new Span(getTranslation("worksheet.compare.unchanged"));
                same.getElement().getThemeList().add("badge contrast");
                block.add(same);
            }
            Div pair = new Div(column(getTranslation("worksheet.round", earlier.round()), c.question(), c.before()),
                    column(getTranslation("worksheet.round", later.round()), c.question(), c.after()));
            pair.addClassName("praxis-side-by-side");
            block.add(pair);
            if (c.changed() && !c.diff().isEmpty()) {
                Paragraph label = new Paragraph(getTranslation("worksheet.compare.words"));
                label.addClassName("praxis-muted");
                DiffText diff = new DiffText(c.diff());
                diff.addClassName("praxis-revision");
                block.add(label, diff);
            }
            all.add(block);
        }
        add(all);
    }

    private Div column(String label, Question q, Answer a) {
        Div column = new Div();
        Span title = new Span(label);
        title.addClassName("praxis-muted");
        column.add(title, AnswerDisplay.of(this, q, a));
        return column;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worksheet.response.page-title", response == null ? "" : response.definition().title());
    }
}
