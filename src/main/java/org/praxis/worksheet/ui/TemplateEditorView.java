package org.praxis.worksheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.worksheet.Question;
import org.praxis.worksheet.QuestionKind;
import org.praxis.worksheet.Step;
import org.praxis.worksheet.TemplateDefinition;
import org.praxis.worksheet.TemplateDetails;
import org.praxis.worksheet.TemplateService;
import org.springframework.security.access.AccessDeniedException;

/**
 * Designing a template: title and purpose, then steps, each with its questions of any kind,
 * added, moved and removed freely. {@code ?id=} edits one of the facilitator's cohort templates
 * (a new version when responses were started on it); without it, a new template.
 */
@Route(value = "worksheets/templates/edit", layout = MainLayout.class)
@RolesAllowed({"FACILITATOR", "ADMIN"})
public class TemplateEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient TemplateService templates;
    private final transient CohortAccess access;
    private final Select<CohortChoice> cohort = new Select<>();
    private final TextField title = new TextField();
    private final TextArea purpose = new TextArea();
    private final Div stepsBox = new Div();
    private final List<StepEditor> steps = new ArrayList<>();
    private final Paragraph status = new Paragraph();
    private Long id;
    private boolean inUse;
    /** The template as last loaded or saved: Done asks before leaving anything else behind. */
    private TemplateDefinition saved;

    public TemplateEditorView(TemplateService templates, CohortAccess access) {
        this.templates = templates;
        this.access = access;
        setId("template-editor");
        addClassName("praxis-view");
        cohort.setId("template-cohort");
        cohort.setLabel(getTranslation("worksheet.assign.cohort"));
        cohort.setItemLabelGenerator(CohortChoice::name);
        title.setId("template-title");
        title.setLabel(getTranslation("worksheet.template.title"));
        title.setMaxLength(TemplateService.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        purpose.setId("template-purpose");
        purpose.setLabel(getTranslation("worksheet.template.purpose"));
        purpose.setHelperText(getTranslation("worksheet.template.purpose.help"));
        purpose.setMaxLength(TemplateService.PURPOSE_MAX);
        purpose.setWidthFull();
        status.setId("template-status");
        status.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getLocation().getQueryParameters().getSingleParameter("id").filter(s -> s.matches("\\d{1,18}"))
                .map(Long::valueOf).orElse(null);
        Set<Long> facilitated = templates.facilitatedCohorts();
        List<CohortChoice> mine = access.myCohorts().stream().filter(c -> facilitated.contains(c.id())).toList();
        TemplateDetails existing = null;
        try {
            if (id != null) {
                existing = templates.read(id);
                if (existing.starter()) {
                    throw new AccessDeniedException("starters are copied");
                }
            } else if (mine.isEmpty()) {
                throw new AccessDeniedException("not a facilitator");
            }
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        cohort.setItems(mine);
        steps.clear();
        if (existing != null) {
            Long owner = existing.cohortId();
            cohort.setValue(mine.stream().filter(c -> owner != null && c.id() == owner).findFirst().orElse(null));
            title.setValue(existing.definition().title());
            purpose.setValue(existing.definition().purpose());
            existing.definition().steps().forEach(s -> steps.add(new StepEditor(s)));
            inUse = existing.inUse();
            status.setText(getTranslation(inUse ? "worksheet.template.in-use" : "worksheet.template.editing",
                    existing.version()));
        } else {
            cohort.setValue(mine.get(0));
            title.clear();
            purpose.clear();
            steps.add(new StepEditor(new Step("", "", List.of(new Question(null, QuestionKind.LONG_TEXT, "", "", true,
                    List.of(), "", "")))));
            status.setText("");
        }
        cohort.setReadOnly(existing != null);
        render();
        saved = definition();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation(id == null ? "worksheet.template.new" : "worksheet.template.edit")));
        Div facts = new Div(cohort, title, purpose);
        facts.addClassName("praxis-form-column");
        add(facts, stepsBox);
        layoutSteps();
        Button addStep = new Button(getTranslation("worksheet.template.add-step"), click -> {
            steps.add(new StepEditor(new Step("", "", List.of(new Question(null, QuestionKind.LONG_TEXT, "", "", false,
                    List.of(), "", "")))));
            layoutSteps();
            steps.get(steps.size() - 1).title.focus();
        });
        addStep.setId("template-add-step");
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button done = new Button(getTranslation("analysis.editor.done"), click -> done());
        done.setId("template-done");
        add(addStep, status, new HorizontalLayout(save, done));
    }

    /** Puts the step editors in order, numbering their headings and ids. */
    private void layoutSteps() {
        stepsBox.removeAll();
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).number(i);
            stepsBox.add(steps.get(i));
        }
    }

    private TemplateDefinition definition() {
        return new TemplateDefinition(title.getValue(), purpose.getValue(), steps.stream().map(StepEditor::step).toList());
    }

    private boolean unsaved() {
        return !definition().equals(saved);
    }

    /** Leaves for the templates list, asking first when there are edits not saved. */
    private void done() {
        if (!unsaved()) {
            UI.getCurrent().navigate("worksheets/templates");
            return;
        }
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("template-leave-dialog");
        ask.setHeader(getTranslation("worksheet.template.leave.title"));
        ask.setText(getTranslation("worksheet.template.leave.text"));
        ask.setConfirmText(getTranslation("worksheet.template.leave.save"));
        ask.addConfirmListener(e -> {
            if (save()) {
                UI.getCurrent().navigate("worksheets/templates");
            }
        });
        ask.setRejectable(true);
        ask.setRejectText(getTranslation("worksheet.template.leave.discard"));
        ask.addRejectListener(e -> UI.getCurrent().navigate("worksheets/templates"));
        ask.setCancelable(true);
        ask.setCancelText(getTranslation("worksheet.template.leave.stay"));
        ask.open();
    }

    /** Saves; true when it went through, else the problems are shown and the edits stay. */
    private boolean save() {
        FieldProblems problems = new FieldProblems(this).bind("title", title).bind("purpose", purpose);
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).bind(problems, i);
        }
        try {
            if (id == null) {
                if (cohort.getValue() == null) {
                    cohort.setInvalid(true);
                    cohort.setErrorMessage(getTranslation("validation.required"));
                    status.setText(getTranslation("worksheet.template.not-saved.marked", 1));
                    return false;
                }
                id = templates.create(cohort.getValue().id(), definition());
                cohort.setReadOnly(true);
                status.setText(getTranslation("worksheet.template.created"));
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "worksheets/templates/edit?id=" + id));
            } else {
                int version = templates.update(id, definition());
                status.setText(getTranslation(inUse ? "worksheet.template.saved-new-version" : "worksheet.template.saved",
                        version));
            }
            // keys the service gave new questions, so a later save keeps them
            TemplateDetails stored = templates.read(id);
            inUse = stored.inUse();
            steps.clear();
            stored.definition().steps().forEach(s -> steps.add(new StepEditor(s)));
            layoutSteps();
            saved = definition();
            return true;
        } catch (InvalidInputException e) {
            problems.clear();
            String rest = problems.show(e);
            int marked = e.problems().size() - (rest == null ? 0 : (int) e.problems().keySet().stream()
                    .filter(k -> !problems.binds(k)).count());
            status.setText(rest == null ? getTranslation("worksheet.template.not-saved.marked", marked)
                    : getTranslation("worksheet.template.not-saved") + " " + rest
                            + (marked > 0 ? " " + getTranslation("worksheet.template.not-saved.also-marked", marked) : ""));
            return false;
        }
    }

    private void move(List<?> list, int from, int to) {
        if (to >= 0 && to < list.size()) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            items.add(to, items.remove(from));
        }
    }

    /** One step: its title, guidance, questions, and buttons to move or remove it. */
    private final class StepEditor extends Div {

        private final H2 heading = new H2();
        private final TextField title = new TextField();
        private final TextArea intro = new TextArea();
        private final Div questionsBox = new Div();
        private final List<QuestionEditor> questions = new ArrayList<>();
        private final Button up = new Button();
        private final Button down = new Button();
        private final Button remove = new Button();
        private final Button addQuestion = new Button();

        StepEditor(Step s) {
            addClassName("praxis-template-step");
            title.setLabel(getTranslation("worksheet.template.step-title"));
            title.setMaxLength(TemplateService.TITLE_MAX);
            title.setRequiredIndicatorVisible(true);
            title.setWidthFull();
            title.setValue(s.title() == null ? "" : s.title());
            intro.setLabel(getTranslation("worksheet.template.step-intro"));
            intro.setMaxLength(TemplateService.HELP_MAX);
            intro.setWidthFull();
            intro.setValue(s.intro());
            s.questions().forEach(q -> questions.add(new QuestionEditor(q)));
            up.setText(getTranslation("worksheet.template.up"));
            up.addClickListener(click -> {
                move(steps, steps.indexOf(this), steps.indexOf(this) - 1);
                layoutSteps();
            });
            down.setText(getTranslation("worksheet.template.down"));
            down.addClickListener(click -> {
                move(steps, steps.indexOf(this), steps.indexOf(this) + 1);
                layoutSteps();
            });
            remove.setText(getTranslation("worksheet.template.remove-step"));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(click -> {
                steps.remove(this);
                layoutSteps();
            });
            addQuestion.setText(getTranslation("worksheet.template.add-question"));
            addQuestion.addClickListener(click -> {
                questions.add(new QuestionEditor(new Question(null, QuestionKind.LONG_TEXT, "", "", false, List.of(), "",
                        "")));
                layoutQuestions();
                questions.get(questions.size() - 1).kind.focus();
            });
            for (Button b : List.of(up, down, addQuestion)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            }
            HorizontalLayout tools = new HorizontalLayout(up, down, remove);
            tools.setWrap(true);
            add(heading, title, intro, questionsBox, addQuestion, tools);
        }

        void number(int i) {
            setId("step-" + i);
            heading.setText(getTranslation("worksheet.template.step-n", i + 1));
            title.setId("step-" + i + "-title");
            intro.setId("step-" + i + "-intro");
            up.setId("step-" + i + "-up");
            down.setId("step-" + i + "-down");
            remove.setId("step-" + i + "-remove");
            addQuestion.setId("step-" + i + "-add-question");
            for (Button b : List.of(up, down, remove)) {
                b.getElement().setAttribute("aria-label", b.getText() + " · " + heading.getText());
            }
            up.setEnabled(i > 0);
            down.setEnabled(i < steps.size() - 1);
            remove.setEnabled(steps.size() > 1);
            layoutQuestions();
        }

        void layoutQuestions() {
            questionsBox.removeAll();
            int step = steps.indexOf(this);
            for (int j = 0; j < questions.size(); j++) {
                questions.get(j).number(step, j, questions.size());
                questionsBox.add(questions.get(j));
            }
        }

        Step step() {
            return new Step(title.getValue(), intro.getValue(), questions.stream().map(QuestionEditor::question).toList());
        }

        void bind(FieldProblems problems, int i) {
            problems.bind("step." + i + ".title", title).bind("step." + i + ".intro", intro);
            for (int j = 0; j < questions.size(); j++) {
                questions.get(j).bind(problems, i, j);
            }
        }

        /** One question: its kind, wording, help, whether required, and what its kind needs. */
        private final class QuestionEditor extends Div {

            private final String key;
            private final H3 heading = new H3();
            private final Select<QuestionKind> kind = new Select<>();
            private final TextField prompt = new TextField();
            private final TextField help = new TextField();
            private final Checkbox required = new Checkbox();
            private final TextArea options = new TextArea();
            private final TextField low = new TextField();
            private final TextField high = new TextField();
            private final Button up = new Button();
            private final Button down = new Button();
            private final Button remove = new Button();

            QuestionEditor(Question q) {
                key = q.key();
                addClassName("praxis-card");
                kind.setLabel(getTranslation("worksheet.template.kind"));
                kind.setItems(QuestionKind.values());
                kind.setItemLabelGenerator(k -> getTranslation("worksheet.kind." + k.name().toLowerCase(Locale.ROOT)));
                kind.setValue(q.kind());
                kind.addValueChangeListener(e -> showKindFields());
                prompt.setLabel(getTranslation("worksheet.template.prompt"));
                prompt.setMaxLength(TemplateService.PROMPT_MAX);
                prompt.setRequiredIndicatorVisible(true);
                prompt.setWidthFull();
                prompt.setValue(q.prompt() == null ? "" : q.prompt());
                help.setLabel(getTranslation("worksheet.template.help"));
                help.setMaxLength(TemplateService.HELP_MAX);
                help.setWidthFull();
                help.setValue(q.help());
                required.setLabel(getTranslation("worksheet.template.required"));
                required.setValue(q.required());
                options.setLabel(getTranslation("worksheet.template.options"));
                options.setHelperText(getTranslation("worksheet.template.options.help"));
                options.setWidthFull();
                options.setValue(String.join("\n", q.options()));
                low.setLabel(getTranslation("worksheet.template.low"));
                low.setMaxLength(TemplateService.OPTION_MAX);
                low.setValue(q.lowLabel());
                high.setLabel(getTranslation("worksheet.template.high"));
                high.setMaxLength(TemplateService.OPTION_MAX);
                high.setValue(q.highLabel());
                up.setText(getTranslation("worksheet.template.up"));
                up.addClickListener(click -> {
                    move(questions, questions.indexOf(this), questions.indexOf(this) - 1);
                    layoutQuestions();
                });
                down.setText(getTranslation("worksheet.template.down"));
                down.addClickListener(click -> {
                    move(questions, questions.indexOf(this), questions.indexOf(this) + 1);
                    layoutQuestions();
                });
                remove.setText(getTranslation("worksheet.template.remove-question"));
                remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                remove.addClickListener(click -> {
                    questions.remove(this);
                    layoutQuestions();
                });
                up.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                down.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                HorizontalLayout ends = new HorizontalLayout(low, high);
                ends.setWrap(true);
                HorizontalLayout tools = new HorizontalLayout(up, down, remove);
                tools.setWrap(true);
                add(heading, kind, prompt, help, required, options, ends, tools);
                showKindFields();
            }

            private void showKindFields() {
                QuestionKind k = kind.getValue();
                options.setVisible(k != null && k.hasOptions());
                low.setVisible(k == QuestionKind.SCALE);
                high.setVisible(k == QuestionKind.SCALE);
            }

            void number(int step, int j, int count) {
                String at = "question-" + step + "-" + j;
                setId(at);
                heading.setText(getTranslation("worksheet.template.question-n", j + 1));
                kind.setId(at + "-kind");
                prompt.setId(at + "-prompt");
                help.setId(at + "-help");
                required.setId(at + "-required");
                options.setId(at + "-options");
                low.setId(at + "-low");
                high.setId(at + "-high");
                up.setId(at + "-up");
                down.setId(at + "-down");
                remove.setId(at + "-remove");
                for (Button b : List.of(up, down, remove)) {
                    b.getElement().setAttribute("aria-label", getTranslation("worksheet.template.question-action",
                            b.getText(), j + 1, step + 1));
                }
                up.setEnabled(j > 0);
                down.setEnabled(j < count - 1);
                remove.setEnabled(count > 1);
            }

            Question question() {
                QuestionKind k = kind.getValue();
                List<String> opts = k != null && k.hasOptions()
                        ? Arrays.stream(options.getValue().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                        : List.of();
                boolean scale = k == QuestionKind.SCALE;
                return new Question(key, k, prompt.getValue(), help.getValue(), required.getValue(), opts,
                        scale ? low.getValue() : "", scale ? high.getValue() : "");
            }

            void bind(FieldProblems problems, int i, int j) {
                String at = "question." + i + "." + j + ".";
                problems.bind(at + "kind", kind).bind(at + "prompt", prompt).bind(at + "help", help)
                        .bind(at + "options", options).bind(at + "lowLabel", low).bind(at + "highLabel", high);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worksheet.template.page-title");
    }
}
