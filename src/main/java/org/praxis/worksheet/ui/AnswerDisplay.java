package org.praxis.worksheet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.Question;

/** An answer to read: plain text as written (never markup), lists, a scale point, a pair, a table. */
final class AnswerDisplay {

    private AnswerDisplay() {
    }

    static Component of(Component owner, Question q, Answer a) {
        Div out = new Div();
        out.addClassName("praxis-answer-text");
        if (a.isEmpty()) {
            Paragraph none = new Paragraph(owner.getTranslation("worksheet.answer.none"));
            none.addClassName("praxis-muted");
            out.add(none);
            return out;
        }
        switch (q.kind()) {
            case MULTIPLE_CHOICE -> {
                UnorderedList list = new UnorderedList();
                a.choices().forEach(c -> list.add(new ListItem(c)));
                out.add(list);
            }
            case SCALE -> out.add(new Paragraph(owner.getTranslation("worksheet.scale.value", a.scale(),
                    q.lowLabel().isBlank() ? "1" : q.lowLabel(), q.highLabel().isBlank() ? "5" : q.highLabel())));
            case YES_NO -> out.add(new Paragraph(owner.getTranslation(
                    Boolean.TRUE.equals(a.yes()) ? "worksheet.answer.yes" : "worksheet.answer.no")));
            case EQUITY_PAIR -> {
                Div pair = new Div(half(owner, "worksheet.pair.equality", a.equality()),
                        half(owner, "worksheet.pair.equity", a.equity()));
                pair.addClassName("praxis-side-by-side");
                out.add(pair);
            }
            case BENEFIT_BURDEN -> {
                NativeTable table = new NativeTable();
                table.addClassName("praxis-table");
                NativeTableRow head = table.getHead().addRow();
                for (String key : new String[] {"worksheet.table.group", "worksheet.table.benefits", "worksheet.table.burdens"}) {
                    head.addHeaderCell().setText(owner.getTranslation(key));
                }
                for (Answer.GroupRow r : a.rows()) {
                    NativeTableRow row = table.getBody().addRow();
                    row.addDataCell().setText(nz(r.group()));
                    row.addDataCell().setText(nz(r.benefits()));
                    row.addDataCell().setText(nz(r.burdens()));
                }
                out.add(table);
            }
            default -> {
                Paragraph p = new Paragraph(nz(a.text()));
                p.addClassName("praxis-pre");
                out.add(p);
            }
        }
        return out;
    }

    private static Component half(Component owner, String labelKey, String text) {
        Div column = new Div();
        Span label = new Span(owner.getTranslation(labelKey));
        label.addClassName("praxis-muted");
        Paragraph body = new Paragraph(nz(text));
        body.addClassName("praxis-pre");
        column.add(label, body);
        return column;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
