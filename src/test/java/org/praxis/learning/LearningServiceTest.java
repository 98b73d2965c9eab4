package org.praxis.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * The cohort report from both sides: what its facilitators and the network's admins read (every
 * count below three as "fewer than 3", totals that would give one away "not shown", no private
 * title), what members and other cohorts' facilitators are refused, and the CSV and PDF read back.
 */
@Import(FakeNetwork.class)
class LearningServiceTest extends IntegrationTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 6, 30);
    static final String PRIVATE_TITLE = "Quietly renegotiate Rosa's contract";
    static final String INJECTED = "=HYPERLINK(\"http://evil.example\")";

    @Autowired
    LearningService learning;

    long cohort;
    long other;
    TestData.Person facilitator;
    TestData.Person member;
    TestData.Person otherFacilitator;
    TestData.Person admin;
    ReportPeriod period = new ReportPeriod(ReportPeriod.Preset.CUSTOM, FROM, TO);

    @BeforeEach
    void scene() {
        cohort = data.cohort();
        other = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
        otherFacilitator = data.personIn(other, Role.FACILITATOR);
        admin = data.person(Role.ADMIN);
        build(new ReportScene(data, cohort), member);
    }

    /** The figures of {@link #cohort}; see each test for what they add up to. */
    static void build(ReportScene s, TestData.Person member) {
        s.heldSession("Opening circle", LocalDate.of(2025, 1, 15), 4);
        s.heldSession("Budget talk", LocalDate.of(2025, 2, 10), 2);
        s.heldSession("Data night", LocalDate.of(2025, 3, 5), 3);
        s.cancelledSession("Snowed out", LocalDate.of(2025, 2, 20));
        s.heldSession("Before the period", LocalDate.of(2024, 12, 1), 5);
        for (int i = 0; i < 3; i++) {
            s.analysis("HIRING", "SHARED", LocalDate.of(2025, 2, 1));
        }
        s.analysis("COMPENSATION", "REVISED", LocalDate.of(2025, 3, 1));
        s.analysis("HIRING", "DRAFT", null);
        s.commitments(member, "DONE", 3, LocalDate.of(2025, 1, 20));
        long shared = s.commitment(member, "Open the board minutes", "DONE", "COHORT", LocalDate.of(2025, 1, 21));
        long secret = s.commitment(member, PRIVATE_TITLE, "IN_PROGRESS", "PRIVATE", LocalDate.of(2025, 2, 2));
        s.commitments(member, "STUCK", 2, LocalDate.of(2025, 3, 3));
        s.commitments(member, "NOT_STARTED", 4, LocalDate.of(2024, 11, 3));
        long budget = s.obstacle(TestData.unique("Budget"));
        s.named(shared, budget, LocalDate.of(2025, 2, 12), 3);
        s.named(shared, budget, LocalDate.of(2025, 3, 12), 1);
        s.named(secret, budget, LocalDate.of(2025, 4, 12), 3);
        s.submitted("Equity lens", LocalDate.of(2025, 5, 2), 3);
        s.submitted(INJECTED, LocalDate.of(2025, 5, 3), 1);
        FakeNetwork.NOTES_BY_AREA.put(s.cohort, Map.of("Hiring", 5L, "Governance", 1L));
        FakeNetwork.share(s.cohort, new NetworkPassage("learning.passage.note", "What we changed in intake",
                "We dropped the ID requirement at the front desk.", Optional.of("Aisha Mohamed"),
                ReportScene.at(LocalDate.of(2025, 4, 1)).toInstant(), "practice-notes/1"));
        FakeNetwork.share(s.cohort, new NetworkPassage("learning.passage.harvest", "Budget talk: what we heard",
                "Budgets are moral documents.", Optional.empty(), ReportScene.at(LocalDate.of(2025, 2, 11)).toInstant(),
                ""));
        FakeNetwork.share(s.cohort, new NetworkPassage("learning.passage.note", "Too late for the period",
                "Shared in July.", Optional.empty(), ReportScene.at(LocalDate.of(2025, 7, 2)).toInstant(), ""));
    }

    private static Map<String, String> shown(CohortReport report, String section) {
        CohortReport.Section s = report.section(section).orElseThrow();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        s.rows().forEach(r -> out.put(r.label(), text(r.count())));
        out.put("TOTAL", text(s.total().count()));
        return out;
    }

    private static String text(Count c) {
        return c.text(key -> key.equals("learning.fewer-than-3") ? "fewer than 3" : key.equals("learning.withheld")
                ? "not shown" : key);
    }

    @Test
    void the_facilitator_reads_each_figure_of_the_period_with_every_count_below_three_as_fewer_than_3() {
        data.signIn(facilitator);
        CohortReport report = learning.report(cohort, period);

        assertThat(shown(report, CohortReport.SESSIONS)).containsExactly(
                Map.entry("Sessions held", "3"),
                Map.entry("Opening circle, Jan 15, 2025: attended", "4"),
                Map.entry("Budget talk, Feb 10, 2025: attended", "fewer than 3"),
                Map.entry("Data night, Mar 5, 2025: attended", "3"),
                // 4 + 3 + the hidden one would tell it
                Map.entry("TOTAL", "not shown"));
        assertThat(shown(report, CohortReport.ANALYSES)).containsExactly(Map.entry("Hiring and promotion", "3"),
                Map.entry("Compensation", "fewer than 3"), Map.entry("TOTAL", "not shown"));
        assertThat(shown(report, CohortReport.COMMITMENTS)).containsExactly(Map.entry("Not started", "0"),
                Map.entry("In progress", "fewer than 3"), Map.entry("Done", "4"), Map.entry("Changed course", "0"),
                Map.entry("Stuck", "fewer than 3"),
                // two hidden rows adding up to 3 leave each open (1 and 2, or 2 and 1)
                Map.entry("TOTAL", "7"));
        assertThat(shown(report, CohortReport.OBSTACLES)).containsExactly(Map.entry("January 2025", "0"),
                Map.entry("February 2025", "3"), Map.entry("March 2025", "fewer than 3"),
                // named on a private commitment: not shared with the facilitators, not counted
                Map.entry("April 2025", "0"), Map.entry("May 2025", "0"), Map.entry("June 2025", "0"),
                Map.entry("TOTAL", "not shown"));
        assertThat(shown(report, CohortReport.WORKSHEETS)).containsExactly(Map.entry(INJECTED, "fewer than 3"),
                Map.entry("Equity lens", "3"), Map.entry("TOTAL", "not shown"));
        assertThat(shown(report, "counts-1")).containsExactly(Map.entry("Governance", "fewer than 3"),
                Map.entry("Hiring", "5"), Map.entry("TOTAL", "not shown"));
        assertThat(report.section("counts-1").orElseThrow().title()).isEqualTo("Practice notes by area");
        assertThat(report.passages()).extracting(NetworkPassage::title)
                .containsExactly("What we changed in intake", "Budget talk: what we heard");
        assertThat(report.toString()).doesNotContain(PRIVATE_TITLE).doesNotContain("Open the board minutes");
    }

    @Test
    void an_admin_of_the_network_reads_any_cohort_s_report_and_may_compare_every_cohort() {
        data.signIn(admin);

        assertThat(learning.report(cohort, period).section(CohortReport.COMMITMENTS).orElseThrow().total().count())
                .isEqualTo(Count.of(7));
        assertThat(learning.readable()).extracting(c -> c.id()).contains(cohort, other);
    }

    @Test
    void a_member_of_the_cohort_is_refused_the_report_and_its_downloads() {
        data.signIn(member);

        assertThatThrownBy(() -> learning.report(cohort, period)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> learning.csv(cohort, period)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> learning.pdf(cohort, period)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> learning.period(cohort, ReportPeriod.Preset.WHOLE_RUN, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(learning.readable()).isEmpty();
    }

    @Test
    void a_facilitator_of_another_cohort_is_refused_this_one_and_may_compare_only_their_own() {
        data.signIn(otherFacilitator);

        assertThatThrownBy(() -> learning.report(cohort, period)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> learning.csv(cohort, period)).isInstanceOf(AccessDeniedException.class);
        assertThat(learning.readable()).extracting(c -> c.id()).containsExactly(other);
    }

    @Test
    void a_passage_whose_author_withdrew_consent_leaves_the_report_and_its_downloads_at_once() throws IOException {
        data.signIn(facilitator);
        assertThat(learning.report(cohort, period).passages()).extracting(NetworkPassage::title)
                .contains("What we changed in intake");

        FakeNetwork.withdraw(cohort, "What we changed in intake");

        assertThat(learning.report(cohort, period).passages()).extracting(NetworkPassage::title)
                .containsExactly("Budget talk: what we heard");
        assertThat(new String(learning.csv(cohort, period), StandardCharsets.UTF_8))
                .doesNotContain("What we changed in intake").doesNotContain("front desk");
        assertThat(pdfText(learning.pdf(cohort, period))).doesNotContain("front desk");
    }

    @Test
    void a_period_the_wrong_way_round_empty_or_too_long_is_refused_on_its_field() {
        data.signIn(facilitator);

        assertThatThrownBy(() -> learning.period(cohort, ReportPeriod.Preset.CUSTOM, TO, FROM))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("to"));
        assertThatThrownBy(() -> learning.period(cohort, ReportPeriod.Preset.CUSTOM, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("from", "to"));
        assertThatThrownBy(() -> learning.period(cohort, ReportPeriod.Preset.CUSTOM, FROM.minusYears(6), TO))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("from"));
        assertThatThrownBy(() -> learning.report(cohort, new ReportPeriod(ReportPeriod.Preset.CUSTOM, TO, FROM)))
                .isInstanceOf(InvalidInputException.class);
        ReportPeriod recent = learning.period(cohort, ReportPeriod.Preset.LAST_3_MONTHS, null, null);
        assertThat(recent.to().minusMonths(3).plusDays(1)).isEqualTo(recent.from());
    }

    @Test
    void the_csv_has_one_row_per_figure_as_shown_and_defuses_formulas() {
        data.signIn(facilitator);
        String csv = new String(learning.csv(cohort, period), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"section\"");
        List<List<String>> rows = parse(csv.substring(1));

        assertThat(rows.get(0)).containsExactly("section", "label", "value");
        assertThat(rows).contains(List.of("Commitments made, by status", "Stuck", "fewer than 3"),
                List.of("Commitments made, by status", "Commitments made", "7"),
                List.of("Sessions held and attendance", "Attendances, all sessions", "not shown"),
                List.of("Obstacles named, by month", "February 2025", "3"),
                List.of("Worksheets submitted", "'" + INJECTED, "fewer than 3"),
                List.of("Practice notes by area", "Governance", "fewer than 3"),
                List.of("Shared with the network", "Practice note: What we changed in intake (Aisha Mohamed)",
                        "We dropped the ID requirement at the front desk."));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r).hasSize(3);
            assertThat(r).noneSatisfy(f -> assertThat(f).matches("^[=+\\-@].*"));
        });
        // no row shows a count of one or two
        assertThat(rows.stream().skip(4).filter(r -> !r.get(0).equals("Shared with the network")).map(r -> r.get(2)))
                .noneMatch(v -> v.equals("1") || v.equals("2"));
        assertThat(rows.toString()).doesNotContain(PRIVATE_TITLE);
    }

    @Test
    void the_pdf_reads_back_with_the_floor_the_charts_and_the_passages_and_no_private_title() throws IOException {
        data.signIn(facilitator);
        String text = pdfText(learning.pdf(cohort, period));

        assertThat(text).contains("What the network learns", "Commitments made, by status", "Obstacles named, by month",
                "fewer than 3", "not shown", "What we changed in intake", "We dropped the ID requirement",
                "Budgets are moral documents.", "Aisha Mohamed", "Name not shared", "Equity lens");
        assertThat(text).doesNotContain(PRIVATE_TITLE).doesNotContain("Open the board minutes")
                .doesNotContain("Too late for the period");
        // neither the tables nor the bars give a hidden count: every floored label is followed by its words
        for (String label : List.of("Compensation", "In progress", "Stuck", "March 2025", "Governance")) {
            assertThat(Pattern.compile(Pattern.quote(label) + "\\s*[12]\\b").matcher(text).find()).as(label).isFalse();
            assertThat(text).containsPattern(Pattern.quote(label) + "\\s*fewer than 3");
        }
        // the bar chart of commitments is drawn too: its labels appear once more than the table's
        assertThat(Pattern.compile("Changed course").matcher(text).results().count()).isEqualTo(2);
    }

    static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
