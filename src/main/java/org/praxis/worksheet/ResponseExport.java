package org.praxis.worksheet;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A response to take away, as Markdown or PDF: the worksheet's title and round, then each step
 * with its questions and the answers, in the words of the UI's language. Answers are the
 * author's plain text; in Markdown they are quoted as written.
 */
final class ResponseExport {

    private ResponseExport() {
    }

    /** One answer as lines of plain text (a table as one line per group). */
    static List<String> lines(Question q, Answer a, Function<String, String> t) {
        List<String> out = new ArrayList<>();
        if (a.isEmpty()) {
            out.add(t.apply("worksheet.answer.none"));
            return out;
        }
        switch (q.kind()) {
            case SCALE -> out.add(a.scale() + " / 5" + scaleEnds(q));
            case YES_NO -> out.add(t.apply(Boolean.TRUE.equals(a.yes()) ? "worksheet.answer.yes" : "worksheet.answer.no"));
            case MULTIPLE_CHOICE -> a.choices().forEach(c -> out.add("• " + c));
            case EQUITY_PAIR -> {
                out.add(t.apply("worksheet.pair.equality") + ": " + nz(a.equality()));
                out.add(t.apply("worksheet.pair.equity") + ": " + nz(a.equity()));
            }
            case BENEFIT_BURDEN -> a.rows().forEach(r -> out.add(nz(r.group()) + " — " + t.apply("worksheet.table.benefits")
                    + ": " + nz(r.benefits()) + "; " + t.apply("worksheet.table.burdens") + ": " + nz(r.burdens())));
            default -> out.add(nz(a.text()));
        }
        return out;
    }

    static String markdown(ResponseDetails r, Function<String, String> t) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(r.definition().title()).append("\n\n");
        out.append(t.apply("worksheet.export.round")).append(' ').append(r.round()).append(" · ").append(r.authorName())
                .append("\n\n");
        for (Step s : r.definition().steps()) {
            out.append("## ").append(s.title()).append("\n\n");
            for (Question q : s.questions()) {
                out.append("### ").append(q.prompt()).append("\n\n");
                Answer a = r.answer(q.key());
                if (q.kind() == QuestionKind.BENEFIT_BURDEN && !a.isEmpty()) {
                    out.append("| ").append(t.apply("worksheet.table.group")).append(" | ")
                            .append(t.apply("worksheet.table.benefits")).append(" | ")
                            .append(t.apply("worksheet.table.burdens")).append(" |\n|---|---|---|\n");
                    a.rows().forEach(row -> out.append("| ").append(cell(row.group())).append(" | ")
                            .append(cell(row.benefits())).append(" | ").append(cell(row.burdens())).append(" |\n"));
                    out.append('\n');
                    continue;
                }
                for (String line : lines(q, a, t)) {
                    for (String part : line.split("\n", -1)) {
                        out.append("> ").append(part).append('\n');
                    }
                    out.append(">\n");
                }
                out.setLength(out.length() - 2);
                out.append("\n\n");
            }
        }
        return out.toString();
    }

    static byte[] pdf(ResponseDetails r, Function<String, String> t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(r.definition().title());
            pdf.addAuthor(r.authorName());
            pdf.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
            Font question = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
            Font muted = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 10);
            pdf.add(new Paragraph(r.definition().title(), title));
            pdf.add(new Paragraph(t.apply("worksheet.export.round") + " " + r.round() + " · " + r.authorName(), muted));
            for (Step s : r.definition().steps()) {
                Paragraph h = new Paragraph(s.title(), heading);
                h.setSpacingBefore(14);
                h.setSpacingAfter(4);
                pdf.add(h);
                for (Question q : s.questions()) {
                    Paragraph p = new Paragraph(q.prompt(), question);
                    p.setSpacingBefore(6);
                    pdf.add(p);
                    Answer a = r.answer(q.key());
                    if (q.kind() == QuestionKind.BENEFIT_BURDEN && !a.isEmpty()) {
                        PdfPTable table = new PdfPTable(3);
                        table.setWidthPercentage(100);
                        table.setSpacingBefore(4);
                        for (String key : List.of("worksheet.table.group", "worksheet.table.benefits", "worksheet.table.burdens")) {
                            table.addCell(new PdfPCell(new Phrase(t.apply(key), question)));
                        }
                        for (Answer.GroupRow row : a.rows()) {
                            table.addCell(new PdfPCell(new Phrase(nz(row.group()), body)));
                            table.addCell(new PdfPCell(new Phrase(nz(row.benefits()), body)));
                            table.addCell(new PdfPCell(new Phrase(nz(row.burdens()), body)));
                        }
                        pdf.add(table);
                        continue;
                    }
                    for (String line : lines(q, a, t)) {
                        Paragraph answer = new Paragraph(line, a.isEmpty() ? muted : body);
                        answer.setSpacingAfter(2);
                        pdf.add(answer);
                    }
                }
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the PDF", e);
        }
        return out.toByteArray();
    }

    private static String scaleEnds(Question q) {
        return q.lowLabel().isEmpty() && q.highLabel().isEmpty() ? ""
                : " (1 = " + q.lowLabel() + ", 5 = " + q.highLabel() + ")";
    }

    private static String cell(String text) {
        return nz(text).replace("|", "\\|").replace("\n", " ");
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
