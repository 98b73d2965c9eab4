package org.praxis.learning;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * A report as CSV: one row per figure, {@code section,label,value}, the value as the page shows it
 * ("fewer than 3" kept), then one row per passage shared with the network; UTF-8 after a byte
 * order mark. Every field is quoted, and one that a spreadsheet would take for a formula
 * ({@code = + - @}, a tab or a carriage return first) gets an apostrophe in front.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static byte[] render(CohortReport report, Function<String, String> translate) {
        // a byte order mark first, so spreadsheets read the names' accents as UTF-8
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, translate.apply("learning.csv.section"), translate.apply("learning.csv.label"),
                translate.apply("learning.csv.value"));
        String about = translate.apply("learning.csv.about");
        line(out, about, translate.apply("learning.csv.cohort"), report.cohortName());
        line(out, about, translate.apply("learning.period.from"), DateTimeFormatter.ISO_LOCAL_DATE.format(report.period().from()));
        line(out, about, translate.apply("learning.period.to"), DateTimeFormatter.ISO_LOCAL_DATE.format(report.period().to()));
        for (CohortReport.Section s : report.sections()) {
            for (CohortReport.Row r : s.rows()) {
                line(out, s.title(), r.label(), r.count().text(translate));
            }
            if (s.total() != null) {
                line(out, s.title(), s.total().label(), s.total().count().text(translate));
            }
        }
        String passages = translate.apply("learning.passages");
        for (NetworkPassage p : report.passages()) {
            String by = p.authorName().map(n -> " (" + n + ")").orElse("");
            line(out, passages, translate.apply(p.kindKey()) + ": " + p.title() + by, p.text());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
    }

    /** One quoted field, defused against formula injection. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
