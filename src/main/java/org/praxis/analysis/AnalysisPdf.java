package org.praxis.analysis;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An analysis as a PDF to print or send: title, the facts, then each section with its heading,
 * its paragraphs and list items as plain text (the sanitised HTML is the source, so nothing the
 * author typed becomes markup).
 */
final class AnalysisPdf {

    private AnalysisPdf() {
    }

    static byte[] render(AnalysisDetails a, Function<String, String> translate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(a.title());
            pdf.addAuthor(String.join(", ", a.authors()));
            pdf.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
            Font muted = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 10);
            pdf.add(new Paragraph(a.title(), title));
            StringBuilder facts = new StringBuilder();
            if (a.organization() != null) {
                facts.append(translate.apply("analysis.organization")).append(": ").append(a.organization()).append('\n');
            }
            facts.append(translate.apply("analysis.area")).append(": ")
                    .append(translate.apply("analysis.area." + a.area().name().toLowerCase(java.util.Locale.ROOT)))
                    .append('\n');
            facts.append(translate.apply("analysis.authors")).append(": ").append(String.join(", ", a.authors()));
            pdf.add(new Paragraph(facts.toString(), muted));
            for (Section s : Section.values()) {
                Paragraph h = new Paragraph(translate.apply("analysis.section." + s.key()), heading);
                h.setSpacingBefore(14);
                h.setSpacingAfter(4);
                pdf.add(h);
                for (Element block : Jsoup.parseBodyFragment(a.html().get(s)).body().select("p, li, blockquote, h4, h5, h6")) {
                    String text = block.text();
                    if (!text.isBlank() && block.parents().stream().noneMatch(p -> p.is("li, blockquote"))) {
                        Paragraph p = new Paragraph(block.is("li") ? "• " + text : text, body);
                        p.setSpacingAfter(4);
                        pdf.add(p);
                    }
                }
            }
            pdf.add(Chunk.NEWLINE);
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the PDF", e);
        }
        return out.toByteArray();
    }
}
