package org.praxis.worksheet.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.Question;
import org.praxis.worksheet.WorksheetService;

/**
 * The input for one question, whatever its kind, reporting each change (text a moment after
 * typing stops) so the answer is saved as it is given. Ids: {@code answer-<key>}, and for a pair
 * {@code -equality}/{@code -equity}, for a table {@code -group-<i>}, {@code -benefits-<i>},
 * {@code -burdens-<i>} and {@code -add-row}.
 */
class AnswerField extends Div {

    private static final int TYPING_PAUSE_MS = 1000;

    private final Question question;
    private final Consumer<Answer> onChange;
    private final String id;
    private HasValidation target;
    private TextArea text;
    private TextField shortText;
    private RadioButtonGroup<String> single;
    private CheckboxGroup<String> multiple;
    private RadioButtonGroup<Integer> scale;
    private RadioButtonGroup<Boolean> yesNo;
    private TextArea equality;
    private TextArea equity;
    private final List<Cells> rows = new ArrayList<>();

    /** The three inputs of one row of a benefit/burden table. */
    private record Cells(TextField group, TextArea benefits, TextArea burdens) {
    }
    private Div table;
    private boolean loading;

    AnswerField(Question question, Answer value, Consumer<Answer> onChange) {
        this.question = question;
        this.onChange = onChange;
        this.id = "answer-" + question.key();
        addClassName("praxis-answer");
        loading = true;
        try {
            build(value);
        } finally {
            loading = false;
        }
    }

    Question question() {
        return question;
    }

    /** Where a problem with this answer is shown. */
    HasValidation target() {
        return target;
    }

    private void build(Answer value) {
        String label = question.prompt();
        switch (question.kind()) {
            case LONG_TEXT -> {
                text = textArea(id, label, question.help(), WorksheetService.LONG_MAX);
                text.setValue(nz(value.text()));
                text.setMinHeight("7rem");
                text.setRequiredIndicatorVisible(question.required());
                add(text);
                target = text;
            }
            case SHORT_TEXT -> {
                shortText = new TextField(label);
                shortText.setId(id);
                shortText.setHelperText(question.help());
                shortText.setMaxLength(WorksheetService.SHORT_MAX);
                shortText.setWidthFull();
                shortText.setValueChangeMode(ValueChangeMode.LAZY);
                shortText.setValueChangeTimeout(TYPING_PAUSE_MS);
                shortText.setValue(nz(value.text()));
                shortText.setRequiredIndicatorVisible(question.required());
                shortText.addValueChangeListener(e -> changed());
                add(shortText);
                target = shortText;
            }
            case SINGLE_CHOICE -> {
                single = new RadioButtonGroup<>(label);
                single.setId(id);
                single.setHelperText(question.help());
                single.setItems(question.options());
                single.setValue(value.text() != null && question.options().contains(value.text()) ? value.text() : null);
                single.setRequiredIndicatorVisible(question.required());
                single.addValueChangeListener(e -> changed());
                add(single);
                target = single;
            }
            case MULTIPLE_CHOICE -> {
                multiple = new CheckboxGroup<>(label);
                multiple.setId(id);
                multiple.setHelperText(question.help());
                multiple.setItems(question.options());
                multiple.setValue(new java.util.LinkedHashSet<>(value.choices().stream()
                        .filter(question.options()::contains).toList()));
                multiple.setRequiredIndicatorVisible(question.required());
                multiple.addValueChangeListener(e -> changed());
                add(multiple);
                target = multiple;
            }
            case SCALE -> {
                scale = new RadioButtonGroup<>(label);
                scale.setId(id);
                scale.setHelperText(question.help());
                scale.setItems(1, 2, 3, 4, 5);
                scale.setItemLabelGenerator(this::scaleLabel);
                scale.setValue(value.scale());
                scale.setRequiredIndicatorVisible(question.required());
                scale.addValueChangeListener(e -> changed());
                add(scale);
                target = scale;
            }
            case YES_NO -> {
                yesNo = new RadioButtonGroup<>(label);
                yesNo.setId(id);
                yesNo.setHelperText(question.help());
                yesNo.setItems(Boolean.TRUE, Boolean.FALSE);
                yesNo.setItemLabelGenerator(b -> getTranslation(b ? "worksheet.answer.yes" : "worksheet.answer.no"));
                yesNo.setValue(value.yes());
                yesNo.setRequiredIndicatorVisible(question.required());
                yesNo.addValueChangeListener(e -> changed());
                add(yesNo);
                target = yesNo;
            }
            case EQUITY_PAIR -> {
                H3 heading = group(label);
                equality = textArea(id + "-equality", getTranslation("worksheet.pair.equality"),
                        getTranslation("worksheet.pair.equality.help"), WorksheetService.LONG_MAX);
                equity = textArea(id + "-equity", getTranslation("worksheet.pair.equity"),
                        getTranslation("worksheet.pair.equity.help"), WorksheetService.LONG_MAX);
                equality.setValue(nz(value.equality()));
                equity.setValue(nz(value.equity()));
                Div pair = new Div(equality, equity);
                pair.addClassName("praxis-side-by-side");
                add(pair);
                target = equality;
                heading.setId(id);
            }
            case BENEFIT_BURDEN -> {
                H3 heading = group(label);
                heading.setId(id);
                table = new Div();
                table.addClassName("praxis-benefit-burden");
                add(table);
                List<Answer.GroupRow> given = value.rows().isEmpty() ? List.of(new Answer.GroupRow(null, null, null))
                        : value.rows();
                given.forEach(this::addRow);
                Button more = new Button(getTranslation("worksheet.table.add-row"), click -> {
                    addRow(new Answer.GroupRow(null, null, null));
                    rows.get(rows.size() - 1).group().focus();
                });
                more.setId(id + "-add-row");
                more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                add(more);
            }
        }
    }

    /** A labelled group for answers of several fields: heading, help, and role=group naming it. */
    private H3 group(String label) {
        H3 heading = new H3(label);
        heading.addClassName("praxis-question");
        if (question.required()) {
            com.vaadin.flow.component.html.Span mark = new com.vaadin.flow.component.html.Span(
                    " " + getTranslation("worksheet.required-mark"));
            mark.addClassName("praxis-muted");
            heading.add(mark);
        }
        add(heading);
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", id);
        if (!question.help().isBlank()) {
            Paragraph help = new Paragraph(question.help());
            help.addClassName("praxis-muted");
            add(help);
        }
        return heading;
    }

    private void addRow(Answer.GroupRow row) {
        int n = rows.size() + 1;
        TextField group = cell(id + "-group-" + rows.size(), getTranslation("worksheet.table.group-n", n),
                WorksheetService.GROUP_MAX, row.group());
        TextArea benefits = textArea(id + "-benefits-" + rows.size(), getTranslation("worksheet.table.benefits-n", n), "",
                WorksheetService.CELL_MAX);
        benefits.setValue(nz(row.benefits()));
        TextArea burdens = textArea(id + "-burdens-" + rows.size(), getTranslation("worksheet.table.burdens-n", n), "",
                WorksheetService.CELL_MAX);
        burdens.setValue(nz(row.burdens()));
        Cells cells = new Cells(group, benefits, burdens);
        rows.add(cells);
        Div line = new Div(group, benefits, burdens);
        line.addClassName("praxis-benefit-burden-row");
        Button remove = new Button(getTranslation("worksheet.table.remove-row", n), click -> {
            rows.remove(cells);
            table.remove(line);
            changed();
        });
        remove.setId(id + "-remove-" + (n - 1));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        line.add(remove);
        table.add(line);
        if (target == null) {
            target = group;
        }
    }

    private TextField cell(String cellId, String label, int max, String value) {
        TextField field = new TextField(label);
        field.setId(cellId);
        field.setMaxLength(max);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(TYPING_PAUSE_MS);
        field.setValue(nz(value));
        field.addValueChangeListener(e -> changed());
        return field;
    }

    private TextArea textArea(String areaId, String label, String help, int max) {
        TextArea area = new TextArea(label);
        area.setId(areaId);
        area.setHelperText(help);
        area.setMaxLength(max);
        area.setWidthFull();
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.setValueChangeTimeout(TYPING_PAUSE_MS);
        area.addValueChangeListener(e -> changed());
        return area;
    }

    private String scaleLabel(int point) {
        if (point == 1 && !question.lowLabel().isBlank()) {
            return getTranslation("worksheet.scale.labelled", point, question.lowLabel());
        }
        if (point == 5 && !question.highLabel().isBlank()) {
            return getTranslation("worksheet.scale.labelled", point, question.highLabel());
        }
        return String.valueOf(point);
    }

    /** The answer as the fields hold it now. */
    Answer value() {
        return switch (question.kind()) {
            case LONG_TEXT -> Answer.text(text.getValue());
            case SHORT_TEXT -> Answer.text(shortText.getValue());
            case SINGLE_CHOICE -> Answer.text(single.getValue());
            case MULTIPLE_CHOICE -> Answer.choices(List.copyOf(multiple.getValue()));
            case SCALE -> Answer.scale(scale.getValue());
            case YES_NO -> Answer.yes(yesNo.getValue());
            case EQUITY_PAIR -> Answer.pair(equality.getValue(), equity.getValue());
            case BENEFIT_BURDEN -> Answer.rows(rows.stream()
                    .map(c -> new Answer.GroupRow(c.group().getValue(), c.benefits().getValue(), c.burdens().getValue()))
                    .toList());
        };
    }

    private void changed() {
        if (!loading) {
            target.setInvalid(false);
            onChange.accept(value());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
