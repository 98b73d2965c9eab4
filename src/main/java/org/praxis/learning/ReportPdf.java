package org.praxis.learning;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A report as a PDF: the period, each section as a table of its figures as the page shows them,
 * bars drawn server-side for the sections that have a chart (commitments by status, obstacles by
 * month: a bar only for a number shown, the words "fewer than 3" where the count is hidden), then
 * the passages shared with the network. The charts are drawn in the page's own content (not as a
 * picture), so their words can be read and searched like the rest.
 */
final class ReportPdf {

    private static final float MARGIN = 56;
    private static final float BAR_HEIGHT = 12;
    private static final float BAR_GAP = 6;
    private static final float LABEL_WIDTH = 150;
    private static final Color BAR = new Color(0x1f, 0x5f, 0x8b);
    private static final Color TEXT = new Color(0x1a, 0x1a, 0x1a);

    private ReportPdf() {
    }

    static byte[] render(CohortReport report, Function<String, String> translate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(pdf, out);
            String title = translate.apply("learning.title") + ": " + report.cohortName();
            pdf.addTitle(title);
            pdf.open();
            Font titleFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            Font muted = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9);
            pdf.add(new Paragraph(title, titleFont));
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);
            pdf.add(new Paragraph(translate.apply("learning.pdf.period") + " " + date.format(report.period().from())
                    + " – " + date.format(report.period().to()) + " (" + report.zone().getId() + ")", body));
            pdf.add(new Paragraph(translate.apply("learning.floor-note"), muted));
            BaseFont chartFont = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            for (CohortReport.Section s : report.sections()) {
                Paragraph h = new Paragraph(s.title(), heading);
                h.setSpacingBefore(14);
                h.setSpacingAfter(4);
                pdf.add(h);
                if (s.rows().isEmpty()) {
                    pdf.add(new Paragraph(translate.apply("learning.none"), body));
                    continue;
                }
                if (s.chart()) {
                    chart(pdf, writer, chartFont, s, translate);
                }
                pdf.add(table(s, translate, body, bold));
            }
            Paragraph h = new Paragraph(translate.apply("learning.passages"), heading);
            h.setSpacingBefore(14);
            h.setSpacingAfter(4);
            pdf.add(h);
            if (report.passages().isEmpty()) {
                pdf.add(new Paragraph(translate.apply("learning.passages.none"), body));
            }
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);
            for (NetworkPassage p : report.passages()) {
                Paragraph head = new Paragraph(translate.apply(p.kindKey()) + ": " + p.title(), bold);
                head.setSpacingBefore(6);
                pdf.add(head);
                pdf.add(new Paragraph(p.authorName().orElse(translate.apply("learning.passage.anonymous")) + " · "
                        + day.format(p.at().atZone(report.zone())), muted));
                pdf.add(new Paragraph(p.text(), body));
            }
            pdf.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Could not write the PDF", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(CohortReport.Section s, Function<String, String> translate, Font body, Font bold)
            throws DocumentException {
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {3, 1});
        table.setHeaderRows(1);
        table.addCell(cell(s.labelHeading(), bold, Element.ALIGN_LEFT));
        table.addCell(cell(translate.apply("learning.value"), bold, Element.ALIGN_RIGHT));
        for (CohortReport.Row r : s.rows()) {
            table.addCell(cell(r.label(), body, Element.ALIGN_LEFT));
            table.addCell(cell(r.count().text(translate), body, Element.ALIGN_RIGHT));
        }
        if (s.total() != null) {
            table.addCell(cell(s.total().label(), bold, Element.ALIGN_LEFT));
            table.addCell(cell(s.total().count().text(translate), bold, Element.ALIGN_RIGHT));
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        c.setBorderColor(new Color(0xbb, 0xbb, 0xbb));
        return c;
    }

    /** Horizontal bars, one per row, scaled to the largest number shown; drawn where the text has got to. */
    private static void chart(Document pdf, PdfWriter writer, BaseFont font, CohortReport.Section s,
            Function<String, String> translate) throws DocumentException {
        List<CohortReport.Row> rows = s.rows();
        float height = rows.size() * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
        float top = writer.getVerticalPosition(true);
        if (top - height < MARGIN) {
            pdf.newPage();
            top = writer.getVerticalPosition(true);
        }
        long max = Math.max(1, rows.stream().filter(r -> r.count().isNumber()).mapToLong(r -> r.count().value()).max()
                .orElse(1));
        float left = pdf.left();
        float barsLeft = left + LABEL_WIDTH;
        float width = pdf.right() - barsLeft - 70;
        PdfContentByte cb = writer.getDirectContent();
        float y = top - BAR_GAP - BAR_HEIGHT;
        for (CohortReport.Row r : rows) {
            String value = r.count().text(translate);
            float w = r.count().isNumber() ? width * r.count().value() / max : 0;
            if (w > 0) {
                cb.setColorFill(BAR);
                cb.rectangle(barsLeft, y, w, BAR_HEIGHT);
                cb.fill();
            }
            cb.beginText();
            cb.setColorFill(TEXT);
            cb.setFontAndSize(font, 9);
            cb.showTextAligned(Element.ALIGN_LEFT, fit(r.label(), font, LABEL_WIDTH - 6), left, y + 3, 0);
            cb.showTextAligned(Element.ALIGN_LEFT, value, barsLeft + w + 4, y + 3, 0);
            cb.endText();
            y -= BAR_HEIGHT + BAR_GAP;
        }
        Paragraph space = new Paragraph(" ");
        space.setSpacingBefore(height - 12);
        pdf.add(space);
    }

    private static String fit(String text, BaseFont font, float width) {
        String t = text;
        while (t.length() > 1 && font.getWidthPoint(t, 9) > width) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        return t;
    }
}
