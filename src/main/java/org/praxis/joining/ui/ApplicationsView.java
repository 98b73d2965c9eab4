package org.praxis.joining.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.ApplicationStatus;
import org.praxis.joining.ApplicationSummary;

/**
 * Facilitators' list of applications to a cohort they run, by status with counts, and whether
 * the cohort takes applications now. {@code ?cohort=} and {@code ?status=} are kept in the address.
 */
@Route(value = "applications", layout = MainLayout.class)
@Menu(title = "nav.applications", order = 12, icon = "vaadin:envelope-open-o")
@RolesAllowed("FACILITATOR")
public class ApplicationsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ApplicationService applications;
    private final transient CohortPages pages;
    private final Select<ApplicationStatus> status = new Select<>();
    private long cohortId;
    private boolean loading;

    public ApplicationsView(ApplicationService applications, CohortPages pages) {
        this.applications = applications;
        this.pages = pages;
        setId("applications-view");
        addClassName("praxis-view");
        status.setId("applications-status");
        status.setLabel(getTranslation("applications.status"));
        status.setEmptySelectionAllowed(true);
        status.setItems(ApplicationStatus.values());
        status.addValueChangeListener(e -> changed());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.FACILITATOR, () -> {
            Paragraph none = new Paragraph(getTranslation("applications.not-facilitating"));
            none.setId("applications-none");
            add(new H1(getTranslation("applications.title")), none);
        });
        if (cohort.isEmpty()) {
            return;
        }
        cohortId = cohort.get().id();
        var params = event.getLocation().getQueryParameters();
        loading = true;
        try {
            status.setValue(params.getSingleParameter("status").flatMap(s -> java.util.Arrays.stream(ApplicationStatus.values())
                    .filter(v -> v.name().equalsIgnoreCase(s)).findFirst()).orElse(null));
        } finally {
            loading = false;
        }
        render();
    }

    private void changed() {
        if (loading) {
            return;
        }
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put(CohortPages.PARAMETER, String.valueOf(cohortId));
        if (status.getValue() != null) {
            params.put("status", status.getValue().name().toLowerCase(Locale.ROOT));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("applications", QueryParameters.simple(params))));
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("applications.title")));
        Map<ApplicationStatus, Integer> counts = applications.statusCounts(cohortId);
        status.setItemLabelGenerator(s -> s == null ? getTranslation("applications.status.all")
                : getTranslation("applications.status.count", label(s), counts.get(s)));
        status.setEmptySelectionCaption(getTranslation("applications.status.all"));
        Checkbox open = new Checkbox(getTranslation("applications.open"), applications.applicationsOpen(cohortId));
        open.setId("applications-open");
        open.setHelperText(getTranslation("applications.open.help"));
        open.addValueChangeListener(e -> applications.setApplicationsOpen(cohortId, e.getValue()));
        Anchor overview = Links.route(getTranslation("applications.overview"), "composition?cohort=" + cohortId);
        overview.setId("applications-overview-link");
        HorizontalLayout filters = new HorizontalLayout(status);
        filters.setWrap(true);
        add(filters, open, overview);
        List<ApplicationSummary> list = applications.list(cohortId, status.getValue());
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("applications.empty"));
            none.setId("applications-empty");
            none.addClassName("praxis-muted");
            add(none);
            return;
        }
        NativeTable table = new NativeTable();
        table.setId("applications-table");
        table.addClassName("praxis-table");
        NativeTableRow head = table.getHead().addRow();
        for (String key : new String[] {"applications.name", "applications.organization", "applications.sector",
                "applications.status", "applications.received"}) {
            head.addHeaderCell().setText(getTranslation(key));
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (ApplicationSummary a : list) {
            NativeTableRow row = table.getBody().addRow();
            row.setId("application-" + a.id());
            Anchor open1 = Links.route(a.name(), "applications/" + a.id());
            row.addDataCell().add(open1);
            row.addDataCell().setText(a.organization() == null ? "" : a.organization());
            row.addDataCell().setText(getTranslation(a.sector().messageKey()));
            row.addDataCell().setText(label(a.status()));
            row.addDataCell().setText(date.format(a.createdAt()));
        }
        add(table);
    }

    private String label(ApplicationStatus s) {
        return getTranslation("application.status." + s.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("applications.page-title");
    }
}
