package org.praxis.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.Validation;
import org.praxis.base.i18n.Messages;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortDetails;
import org.praxis.cohort.CohortService;
import org.praxis.obstacle.ObstacleService;
import org.praxis.session.HeldSession;
import org.praxis.session.SessionService;
import org.praxis.worksheet.WorksheetReports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cohort's report for its facilitators and the network's admins (everyone else is refused, here
 * and in each feature's count): the figures each feature gives through its own service, floored
 * at three by {@link Count}, and the passages shared with the network. It is built on every read
 * and kept nowhere, so what changed — a passage withdrawn — shows at once, on the page and in the
 * downloads.
 */
@Service
public class LearningService {

    /** The longest period a report covers. */
    public static final int MAX_YEARS = 5;

    private final CohortAccess access;
    private final CohortService cohorts;
    private final SessionService sessions;
    private final AnalysisService analyses;
    private final CommitmentService commitments;
    private final ObstacleService obstacles;
    private final WorksheetReports worksheets;
    private final List<NetworkPassages> passages;
    private final List<NetworkCounts> counts;
    private final Messages messages;
    private final Clock clock;

    LearningService(CohortAccess access, CohortService cohorts, SessionService sessions, AnalysisService analyses,
            CommitmentService commitments, ObstacleService obstacles, WorksheetReports worksheets,
            List<NetworkPassages> passages, List<NetworkCounts> counts, Messages messages, Clock clock) {
        this.access = access;
        this.cohorts = cohorts;
        this.sessions = sessions;
        this.analyses = analyses;
        this.commitments = commitments;
        this.obstacles = obstacles;
        this.worksheets = worksheets;
        this.passages = passages;
        this.counts = counts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The cohorts whose report the signed-in person may read (and compare): all for admins, their own for facilitators. */
    @Transactional(readOnly = true)
    public List<CohortChoice> readable() {
        return access.running();
    }

    /**
     * The period a preset names for the cohort, in its zone; {@link ReportPeriod.Preset#CUSTOM}
     * takes the dates given and checks them (both needed, in order, at most {@link #MAX_YEARS}
     * years), refusing bad ones on their field.
     */
    @Transactional(readOnly = true)
    public ReportPeriod period(long cohortId, ReportPeriod.Preset preset, LocalDate from, LocalDate to) {
        access.requireRunning(cohortId);
        CohortDetails cohort = cohorts.details(cohortId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(cohort.timeZone())));
        return switch (preset) {
            case WHOLE_RUN -> {
                LocalDate end = cohort.endsOn() == null || cohort.endsOn().isAfter(today) ? today : cohort.endsOn();
                LocalDate start = cohort.startsOn() == null ? end.minusYears(1).plusDays(1) : cohort.startsOn();
                if (start.isAfter(end)) {
                    start = end;
                }
                if (start.isBefore(end.minusYears(MAX_YEARS).plusDays(1))) {
                    start = end.minusYears(MAX_YEARS).plusDays(1);
                }
                yield new ReportPeriod(preset, start, end);
            }
            case LAST_3_MONTHS -> new ReportPeriod(preset, today.minusMonths(3).plusDays(1), today);
            case LAST_12_MONTHS -> new ReportPeriod(preset, today.minusMonths(12).plusDays(1), today);
            case CUSTOM -> checked(from, to);
        };
    }

    private static ReportPeriod checked(LocalDate from, LocalDate to) {
        Validation v = new Validation();
        v.check(from != null, "from", "learning.period.from.required");
        v.check(to != null, "to", "learning.period.to.required");
        if (from != null && to != null) {
            v.check(!to.isBefore(from), "to", "learning.period.order");
            v.check(!from.isBefore(to.minusYears(MAX_YEARS).plusDays(1)), "from", "learning.period.too-long");
        }
        v.throwIfInvalid();
        return new ReportPeriod(ReportPeriod.Preset.CUSTOM, from, to);
    }

    /** The cohort's report over the period; refuses anyone who neither facilitates it nor is an admin. */
    @Transactional(readOnly = true)
    public CohortReport report(long cohortId, ReportPeriod period) {
        access.requireRunning(cohortId);
        checked(period.from(), period.to());
        CohortDetails cohort = cohorts.details(cohortId);
        ZoneId zone = ZoneId.of(cohort.timeZone());
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        List<CohortReport.Section> sections = new ArrayList<>();
        sections.add(sessionsSection(sessions.heldBetween(cohortId, from, to)));
        Map<String, Long> byArea = new java.util.LinkedHashMap<>();
        analyses.sharedByArea(cohortId, from, to)
                .forEach((area, n) -> byArea.put(messages.text("analysis.area." + key(area)), (long) n));
        sections.add(section(CohortReport.ANALYSES, "learning.analyses", byArea, false));
        Map<CommitmentStatus, Integer> byStatus = commitments.madeByStatus(cohortId, from, to);
        Map<String, Long> statuses = new java.util.LinkedHashMap<>();
        for (CommitmentStatus s : CommitmentStatus.values()) {
            statuses.put(messages.text("commitment.status." + key(s)), (long) byStatus.getOrDefault(s, 0));
        }
        sections.add(section(CohortReport.COMMITMENTS, "learning.commitments", statuses, true));
        Map<YearMonth, Integer> byMonth = obstacles.namedByMonth(cohortId, from, to);
        Map<String, Long> months = new java.util.LinkedHashMap<>();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.put(month.format(m), (long) byMonth.getOrDefault(m, 0));
        }
        sections.add(section(CohortReport.OBSTACLES, "learning.obstacles", months, true));
        Map<String, Long> submitted = new java.util.LinkedHashMap<>();
        worksheets.submittedByWorksheet(cohortId, from, to).forEach((title, n) -> submitted.put(title, (long) n));
        sections.add(section(CohortReport.WORKSHEETS, "learning.worksheets", submitted, false));
        for (int i = 0; i < counts.size(); i++) {
            NetworkCounts c = counts.get(i);
            Map<String, Long> byKey = new java.util.TreeMap<>();
            c.countsByArea(cohortId, from, to).forEach((k, n) -> {
                if (k != null && n != null && n > 0) {
                    byKey.merge(k, n, Long::sum);
                }
            });
            String title = messages.text(c.labelKey());
            sections.add(new CohortReport.Section("counts-" + (i + 1), title,
                    messages.text("learning.counts.caption", title), messages.text("learning.counts.label"),
                    rows(byKey), new CohortReport.Row(messages.text("learning.counts.total"),
                            Count.total(List.copyOf(byKey.values()))), false));
        }
        List<NetworkPassage> shared = passages.stream()
                .flatMap(p -> p.sharedWithNetwork(cohortId, from, to).stream())
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
                .sorted(Comparator.comparing(NetworkPassage::at).reversed()).toList();
        return new CohortReport(cohortId, cohort.name(), zone, period, List.copyOf(sections), shared);
    }

    /** The report as CSV (see {@link ReportCsv}), built afresh; the same rights as {@link #report}. */
    @Transactional(readOnly = true)
    public byte[] csv(long cohortId, ReportPeriod period) {
        return ReportCsv.render(report(cohortId, period), messages::text);
    }

    /** The report as PDF with its bar charts (see {@link ReportPdf}), built afresh; the same rights as {@link #report}. */
    @Transactional(readOnly = true)
    public byte[] pdf(long cohortId, ReportPeriod period) {
        return ReportPdf.render(report(cohortId, period), messages::text);
    }

    private CohortReport.Section sessionsSection(List<HeldSession> held) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);
        List<CohortReport.Row> rows = new ArrayList<>();
        rows.add(row(messages.text("learning.sessions.held"), held.size()));
        held.forEach(s -> rows.add(row(messages.text("learning.sessions.row", s.title(), date.format(s.startsAt())),
                s.attended())));
        Count total = Count.total(held.stream().map(s -> (long) s.attended()).toList());
        return new CohortReport.Section(CohortReport.SESSIONS, messages.text("learning.sessions"),
                messages.text("learning.sessions.caption"), messages.text("learning.sessions.label"), rows,
                new CohortReport.Row(messages.text("learning.sessions.total"), total), false);
    }

    /** A section whose rows are these raw numbers by label, floored, and their total (from the raw numbers). */
    private CohortReport.Section section(String key, String titleKey, Map<String, Long> raw, boolean chart) {
        return new CohortReport.Section(key, messages.text(titleKey), messages.text(titleKey + ".caption"),
                messages.text(titleKey + ".label"), rows(raw),
                new CohortReport.Row(messages.text(titleKey + ".total"), Count.total(List.copyOf(raw.values()))), chart);
    }

    private static List<CohortReport.Row> rows(Map<String, Long> raw) {
        return raw.entrySet().stream().map(e -> new CohortReport.Row(e.getKey(), Count.of(e.getValue()))).toList();
    }

    private static CohortReport.Row row(String label, long n) {
        return new CohortReport.Row(label, Count.of(n));
    }

    private static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
