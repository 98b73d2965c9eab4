package org.praxis.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Role;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.learning.CohortReport;
import org.praxis.learning.LearningService;
import org.praxis.learning.NetworkPassage;
import org.praxis.learning.ReportPeriod;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the network learns from a cohort, for its facilitators and the network's admins: the period
 * (a preset or two dates, in the cohort's zone), optionally a second cohort's report for the same
 * dates side by side, each as tables with captions (a bar in each figure's cell is decoration; the
 * number is its text), the passages shared with the network, and the CSV and PDF downloads.
 * {@code ?cohort=&preset=&from=&to=&compare=}: the address says what is shown. Facilitators find
 * their cohorts through {@link CohortPages}; admins name any cohort. Members, and facilitators of
 * another cohort, get "Page not found", and the service refuses them too.
 */
@Route(value = "cohort-report", layout = MainLayout.class)
@RolesAllowed({"FACILITATOR", "ADMIN"})
@Menu(title = "nav.cohort-report", order = 21, icon = "vaadin:chart")
public class CohortReportView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient LearningService learning;
    private final transient CohortPages pages;
    private final transient CurrentUser currentUser;
    private final Select<ReportPeriod.Preset> preset = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<Long> compare = new Select<>();
    private final Paragraph problem = new Paragraph();
    private final FieldProblems problems = new FieldProblems(this).bind("from", from).bind("to", to);
    private long cohortId;
    private boolean filling;

    public CohortReportView(LearningService learning, CohortPages pages, CurrentUser currentUser) {
        this.learning = learning;
        this.pages = pages;
        this.currentUser = currentUser;
        setId("cohort-report-view");
        addClassName("praxis-view");
        addClassName("learning-view");
        // a preset shows at once; a date typed makes the period the reader's own, shown with the button
        preset.addValueChangeListener(e -> {
            if (!filling && e.getValue() != null && e.getValue() != ReportPeriod.Preset.CUSTOM) {
                show();
            }
        });
        from.addValueChangeListener(e -> choseDates());
        to.addValueChangeListener(e -> choseDates());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learning.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> cohort = cohortOf(event);
        if (cohort.isEmpty()) {
            return;
        }
        cohortId = cohort.get();
        QueryParameters params = event.getLocation().getQueryParameters();
        try {
            List<CohortChoice> readable = learning.readable();
            ReportPeriod.Preset chosen = params.getSingleParameter("preset").flatMap(CohortReportView::preset)
                    .orElse(ReportPeriod.Preset.WHOLE_RUN);
            ReportPeriod period;
            try {
                period = learning.period(cohortId, chosen, date(params, "from"), date(params, "to"));
            } catch (InvalidInputException e) {
                // an address with bad dates opens on the whole run
                period = learning.period(cohortId, ReportPeriod.Preset.WHOLE_RUN, null, null);
            }
            Optional<Long> other = params.getSingleParameter("compare").filter(s -> s.matches("\\d{1,18}"))
                    .map(Long::valueOf).filter(id -> id != cohortId && readable.stream().anyMatch(c -> c.id() == id));
            render(readable, period, other);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    /**
     * The cohort whose report is asked for: a facilitator's through {@link CohortPages} (their
     * cohorts only), an admin's any cohort named, else the first of all; empty when the page must
     * not render (refused, forwarded, or nothing to show).
     */
    private Optional<Long> cohortOf(BeforeEnterEvent event) {
        boolean admin = currentUser.require().role() == Role.ADMIN;
        Runnable none = () -> add(new H1(getTranslation("learning.title")),
                CohortPages.noCohort(this, CohortPages.Need.FACILITATOR));
        if (!admin) {
            return pages.resolve(event, CohortPages.Need.FACILITATOR, none).map(CurrentCohort.Choice::id);
        }
        List<CohortChoice> all = learning.readable();
        Optional<String> asked = event.getLocation().getQueryParameters().getSingleParameter(CohortPages.PARAMETER);
        if (asked.isPresent()) {
            Optional<Long> id = asked.filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf)
                    .filter(n -> all.stream().anyMatch(c -> c.id() == n));
            if (id.isEmpty()) {
                event.rerouteToError(NotFoundException.class);
            }
            return id;
        }
        if (all.isEmpty()) {
            none.run();
            return Optional.empty();
        }
        Map<String, List<String>> completed = new HashMap<>(event.getLocation().getQueryParameters().getParameters());
        completed.put(CohortPages.PARAMETER, List.of(String.valueOf(all.get(0).id())));
        event.forwardTo(event.getLocation().getPath(), new QueryParameters(completed));
        return Optional.empty();
    }

    private void render(List<CohortChoice> readable, ReportPeriod period, Optional<Long> other) {
        H1 title = new H1(getTranslation("learning.title"));
        title.setId("learning-title");
        Paragraph intro = new Paragraph(getTranslation("learning.intro"));
        intro.addClassName("praxis-muted");
        add(title, intro, form(readable, period, other));
        CohortReport report = learning.report(cohortId, period);
        Div columns = new Div();
        columns.setId("learning-columns");
        columns.addClassName("learning-columns");
        columns.add(column(report, "learning-a"));
        if (other.isPresent()) {
            columns.addClassName("learning-compared");
            columns.add(column(learning.report(other.get(), sameDates(period)), "learning-b"));
        }
        add(columns);
    }

    /** The same days for the other cohort (in its own zone), whatever the preset meant for the first. */
    private static ReportPeriod sameDates(ReportPeriod period) {
        return new ReportPeriod(ReportPeriod.Preset.CUSTOM, period.from(), period.to());
    }

    private Component form(List<CohortChoice> readable, ReportPeriod period, Optional<Long> other) {
        filling = true;
        preset.setLabel(getTranslation("learning.period.preset"));
        preset.setId("learning-preset");
        preset.setItems(ReportPeriod.Preset.values());
        preset.setItemLabelGenerator(this::presetText);
        preset.setValue(period.preset());
        from.setLabel(getTranslation("learning.period.from"));
        from.setId("learning-from");
        from.setValue(period.from());
        from.setInvalid(false);
        to.setLabel(getTranslation("learning.period.to"));
        to.setId("learning-to");
        to.setValue(period.to());
        to.setInvalid(false);
        compare.setLabel(getTranslation("learning.compare"));
        compare.setId("learning-compare");
        compare.setHelperText(getTranslation("learning.compare.helper"));
        List<Long> ids = new ArrayList<>();
        ids.add(0L);
        Map<Long, String> names = new HashMap<>();
        readable.stream().filter(c -> c.id() != cohortId).forEach(c -> {
            ids.add(c.id());
            names.put(c.id(), c.name());
        });
        compare.setItems(ids);
        compare.setItemLabelGenerator(id -> id == 0L ? getTranslation("learning.compare.none") : names.get(id));
        compare.setValue(other.orElse(0L));
        filling = false;
        Button apply = new Button(getTranslation("learning.period.apply"), click -> show());
        apply.setId("learning-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        problem.setId("learning-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("praxis-error");
        problem.setVisible(false);
        HorizontalLayout row = new HorizontalLayout(preset, from, to, compare, apply);
        row.setId("learning-form");
        row.addClassName("learning-form");
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Div box = new Div(row, problem);
        box.addClassName("learning-period");
        return box;
    }

    private void choseDates() {
        if (!filling) {
            filling = true;
            preset.setValue(ReportPeriod.Preset.CUSTOM);
            filling = false;
        }
    }

    /** Checks the period in place (the dates stay as typed), then shows it by its address. */
    private void show() {
        problems.clear();
        problem.setVisible(false);
        ReportPeriod.Preset p = preset.getValue() == null ? ReportPeriod.Preset.WHOLE_RUN : preset.getValue();
        try {
            learning.period(cohortId, p, from.getValue(), to.getValue());
        } catch (InvalidInputException e) {
            String unplaced = problems.show(e);
            if (unplaced != null) {
                problem.setText(unplaced);
                problem.setVisible(true);
            }
            return;
        }
        Map<String, List<String>> params = new HashMap<>();
        params.put(CohortPages.PARAMETER, List.of(String.valueOf(cohortId)));
        params.put("preset", List.of(p.name().toLowerCase(Locale.ROOT)));
        if (p == ReportPeriod.Preset.CUSTOM) {
            params.put("from", List.of(from.getValue().toString()));
            params.put("to", List.of(to.getValue().toString()));
        }
        if (compare.getValue() != null && compare.getValue() != 0L) {
            params.put("compare", List.of(String.valueOf(compare.getValue())));
        }
        UI.getCurrent().navigate("cohort-report", new QueryParameters(params));
    }

    private Component column(CohortReport report, String id) {
        Div column = new Div();
        column.setId(id);
        column.addClassName("learning-column");
        H2 name = new H2(report.cohortName());
        name.setId(id + "-name");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        Paragraph period = new Paragraph(getTranslation("learning.period.shown", date.format(report.period().from()),
                date.format(report.period().to())) + " · " + getTranslation("learning.period.helper",
                report.zone().getId()));
        period.setId(id + "-period");
        period.addClassName("praxis-muted");
        Paragraph floor = new Paragraph(getTranslation("learning.floor-note"));
        floor.addClassName("praxis-muted");
        column.add(name, period, downloads(report, id), floor);
        for (CohortReport.Section s : report.sections()) {
            column.add(section(s, id));
        }
        column.add(passages(report, id));
        return column;
    }

    private Component downloads(CohortReport report, String id) {
        String file = ("report-" + report.cohortName() + "-" + report.period().from() + "-" + report.period().to())
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        long cohort = report.cohortId();
        ReportPeriod period = report.period();
        Anchor csv = new Anchor(new StreamResource(file + ".csv", () -> new ByteArrayInputStream(
                learning.csv(cohort, period))), getTranslation("learning.download.csv"));
        csv.setId(id + "-csv");
        csv.getElement().setAttribute("download", true);
        Anchor pdf = new Anchor(new StreamResource(file + ".pdf", () -> new ByteArrayInputStream(
                learning.pdf(cohort, period))), getTranslation("learning.download.pdf"));
        pdf.setId(id + "-pdf");
        pdf.getElement().setAttribute("download", true);
        HorizontalLayout row = new HorizontalLayout(csv, pdf);
        row.addClassName("learning-downloads");
        row.getElement().setAttribute("role", "group");
        row.getElement().setAttribute("aria-label", getTranslation("learning.downloads", report.cohortName()));
        return row;
    }

    private Component section(CohortReport.Section s, String id) {
        Section section = new Section();
        section.setId(id + "-" + s.key());
        section.addClassName("learning-section");
        section.add(new H3(s.title()));
        if (s.rows().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("learning.none"));
            none.addClassName("praxis-muted");
            section.add(none);
            return section;
        }
        long max = Math.max(1, s.rows().stream().filter(r -> r.count().isNumber()).mapToLong(r -> r.count().value())
                .max().orElse(1));
        NativeTable table = new NativeTable();
        table.setId(id + "-" + s.key() + "-table");
        table.addClassName("praxis-table");
        table.addClassName("learning-table");
        table.setCaptionText(s.caption());
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(s.labelHeading());
        head.addHeaderCell().setText(getTranslation("learning.value"));
        for (CohortReport.Row r : s.rows()) {
            row(table.getBody().addRow(), r, s.chart() ? max : 0);
        }
        if (s.total() != null) {
            NativeTableRow total = table.getFoot().addRow();
            row(total, s.total(), 0);
            total.addClassName("learning-total");
        }
        section.add(table);
        return section;
    }

    /** A figure's row: its label as the row's header, its value as text, and (for charts) a bar beside it, hidden from screen readers. */
    private void row(NativeTableRow row, CohortReport.Row r, long max) {
        var label = row.addHeaderCell();
        label.setText(r.label());
        label.getElement().setAttribute("scope", "row");
        NativeTableCell value = row.addDataCell();
        value.addClassName("learning-value");
        Span number = new Span(r.count().text(this::getTranslation));
        number.addClassName("learning-number");
        if (!r.count().isNumber()) {
            number.addClassName("learning-floored");
        }
        value.add(number);
        if (max > 0 && r.count().isNumber() && r.count().value() > 0) {
            Span bar = new Span();
            bar.addClassName("learning-bar");
            bar.getElement().setAttribute("aria-hidden", "true");
            bar.getStyle().set("--learning-share", (100 * r.count().value() / max) + "%");
            value.add(bar);
        }
    }

    private Component passages(CohortReport report, String id) {
        Section section = new Section();
        section.setId(id + "-passages");
        section.addClassName("learning-section");
        section.add(new H3(getTranslation("learning.passages")));
        if (report.passages().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("learning.passages.none"));
            none.addClassName("praxis-muted");
            section.add(none);
            return section;
        }
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (NetworkPassage p : report.passages()) {
            Article a = new Article();
            a.addClassName("learning-passage");
            Span kind = new Span(getTranslation(p.kindKey()));
            kind.addClassName("learning-passage-kind");
            H4 heading = new H4(p.title());
            Paragraph meta = new Paragraph(p.authorName().orElse(getTranslation("learning.passage.anonymous")) + " · "
                    + day.format(p.at().atZone(report.zone())));
            meta.addClassName("praxis-muted");
            Paragraph text = new Paragraph(p.text());
            text.addClassName("learning-passage-text");
            a.add(kind, heading, meta, text);
            if (p.link() != null && !p.link().isBlank()) {
                Anchor open = Links.route(getTranslation("learning.passage.open"), p.link());
                open.getElement().setAttribute("aria-label", getTranslation("learning.passage.open") + ": " + p.title());
                a.add(open);
            }
            section.add(a);
        }
        return section;
    }

    private String presetText(ReportPeriod.Preset p) {
        return switch (p) {
            case WHOLE_RUN -> getTranslation("learning.period.preset.whole_run");
            case LAST_3_MONTHS -> getTranslation("learning.period.preset.last_3_months");
            case LAST_12_MONTHS -> getTranslation("learning.period.preset.last_12_months");
            case CUSTOM -> getTranslation("learning.period.preset.custom");
        };
    }

    private static Optional<ReportPeriod.Preset> preset(String s) {
        try {
            return Optional.of(ReportPeriod.Preset.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(QueryParameters params, String name) {
        try {
            return params.getSingleParameter(name).map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
