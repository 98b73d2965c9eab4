package org.praxis.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.AnalysisStatus;
import org.praxis.analysis.AnalysisSummary;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.LibraryFilter;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortPerson;
import org.praxis.cohort.CohortService;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.organization.Organization;
import org.praxis.organization.OrganizationService;

/**
 * The cohort's library of policy analyses (and those published to every cohort): filters by
 * policy area, equity dimension and status, recent or most discussed first; a reader's own
 * drafts are listed for them alone. Filters live in the address.
 */
@Route(value = "library", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.library", order = 4, icon = "vaadin:book")
public class LibraryView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AnalysisService analyses;
    private final transient CohortPages pages;
    private final Select<PolicyArea> area = new Select<>();
    private final Select<Dimension> dimension = new Select<>();
    private final Select<AnalysisStatus> status = new Select<>();
    private final Select<LibraryFilter.Order> order = new Select<>();
    private final Select<Organization> organization = new Select<>();
    private final Select<CohortPerson> author = new Select<>();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph count = new Paragraph();
    private long cohortId;
    private boolean filling;

    private final transient OrganizationService organizations;
    private final transient CohortService cohortService;

    public LibraryView(AnalysisService analyses, CohortPages pages, OrganizationService organizations,
            CohortService cohortService) {
        this.analyses = analyses;
        this.pages = pages;
        this.organizations = organizations;
        this.cohortService = cohortService;
        organization.setId("library-organization");
        organization.setLabel(getTranslation("analysis.organization"));
        organization.setEmptySelectionAllowed(true);
        organization.setEmptySelectionCaption(getTranslation("search.filter.any"));
        organization.setItemLabelGenerator(o -> o == null ? getTranslation("search.filter.any") : o.name());
        organization.addValueChangeListener(e -> {
            if (!filling) {
                go();
            }
        });
        author.setId("library-author");
        author.setLabel(getTranslation("search.filter.author"));
        author.setEmptySelectionAllowed(true);
        author.setEmptySelectionCaption(getTranslation("search.filter.any"));
        author.setItemLabelGenerator(p -> p == null ? getTranslation("search.filter.any") : p.displayName());
        author.addValueChangeListener(e -> {
            if (!filling) {
                go();
            }
        });
        setId("library-view");
        addClassName("praxis-view");
        enumSelect(area, "library-area", "analysis.area", "analysis.area.", PolicyArea.values(), "area");
        enumSelect(dimension, "library-dimension", "analysis.dimension", "analysis.dimension.", Dimension.values(),
                "dimension");
        enumSelect(status, "library-status", "analysis.status", "library.status.", AnalysisStatus.values(), "status");
        order.setId("library-order");
        order.setLabel(getTranslation("library.order"));
        order.setItems(LibraryFilter.Order.values());
        order.setItemLabelGenerator(o -> getTranslation("library.order." + o.name().toLowerCase(Locale.ROOT)));
        order.addValueChangeListener(e -> {
            if (!filling) {
                go();
            }
        });
        list.setId("library-list");
        list.addClassName("praxis-cards");
        count.setId("library-count");
        count.getElement().setAttribute("role", "status");
    }

    private <E extends Enum<E>> void enumSelect(Select<E> select, String id, String label, String itemKeys, E[] values,
            String parameter) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("search.filter.any"));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("search.filter.any")
                : getTranslation(itemKeys + v.name().toLowerCase(Locale.ROOT)));
        select.addValueChangeListener(e -> {
            if (!filling) {
                go();
            }
        });
    }

    private void go() {
        java.util.Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        params.put("cohort", List.of(String.valueOf(cohortId)));
        put(params, "area", area.getValue());
        put(params, "dimension", dimension.getValue());
        put(params, "status", status.getValue());
        if (organization.getValue() != null) {
            params.put("organization", List.of(String.valueOf(organization.getValue().id())));
        }
        if (author.getValue() != null) {
            params.put("author", List.of(String.valueOf(author.getValue().memberId())));
        }
        if (order.getValue() == LibraryFilter.Order.MOST_DISCUSSED) {
            params.put("order", List.of("most_discussed"));
        }
        getUI().ifPresent(ui -> ui.navigate("library", new QueryParameters(params)));
    }

    private static void put(java.util.Map<String, List<String>> params, String name, Enum<?> value) {
        if (value != null) {
            params.put(name, List.of(value.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static Long number(QueryParameters params, String name) {
        return params.getSingleParameter(name).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
    }

    private static <E extends Enum<E>> E option(Class<E> type, QueryParameters params, String name) {
        String value = params.getSingleParameter(name).orElse(null);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("library.title")), new Paragraph(getTranslation("library.intro")));
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.MEMBER,
                () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
        if (cohort.isEmpty()) {
            return;
        }
        cohortId = cohort.get().id();
        QueryParameters params = event.getLocation().getQueryParameters();
        filling = true;
        try {
            Long orgId = number(params, "organization");
            Long authorId = number(params, "author");
            List<Organization> orgs = organizations.list();
            organization.setItems(orgs);
            organization.setValue(orgs.stream().filter(o -> orgId != null && o.id() == orgId).findFirst().orElse(null));
            List<CohortPerson> people = cohortService.myCohorts().stream().filter(c -> c.id() == cohortId).findFirst()
                    .map(c -> java.util.stream.Stream.concat(c.facilitators().stream(), c.members().stream()).toList())
                    .orElse(List.of());
            author.setItems(people);
            author.setValue(people.stream().filter(p -> authorId != null && p.memberId() == authorId).findFirst()
                    .orElse(null));
            area.setValue(option(PolicyArea.class, params, "area"));
            dimension.setValue(option(Dimension.class, params, "dimension"));
            status.setValue(option(AnalysisStatus.class, params, "status"));
            LibraryFilter.Order o = option(LibraryFilter.Order.class, params, "order");
            order.setValue(o == null ? LibraryFilter.Order.RECENT : o);
        } finally {
            filling = false;
        }
        Button create = new Button(getTranslation("library.new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate("analyses/write", QueryParameters.of("cohort",
                        String.valueOf(cohortId)))));
        create.setId("library-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div filters = new Div(area, dimension, organization, author, status, order);
        filters.addClassName("praxis-filters");
        filters.getElement().setAttribute("role", "group");
        filters.getElement().setAttribute("aria-label", getTranslation("search.filters"));
        add(create, filters, count, list);
        List<AnalysisSummary> found = analyses.library(cohortId, new LibraryFilter(area.getValue(), dimension.getValue(),
                organization.getValue() == null ? null : organization.getValue().id(), status.getValue(),
                author.getValue() == null ? null : author.getValue().memberId(), order.getValue()));
        count.setText(getTranslation("library.count", found.size()));
        list.removeAll();
        for (AnalysisSummary a : found) {
            list.add(card(a));
        }
    }

    private ListItem card(AnalysisSummary a) {
        ListItem item = new ListItem();
        item.setId("analysis-" + a.id());
        item.addClassName("praxis-card");
        var title = Links.route(a.title(), "analyses/" + a.id());
        title.addClassName("praxis-card-title");
        item.add(title);
        Span state = new Span(getTranslation("library.status." + a.status().name().toLowerCase(Locale.ROOT)));
        state.getElement().getThemeList().add(a.status() == AnalysisStatus.DRAFT ? "badge contrast" : "badge");
        item.add(state);
        if (a.featured()) {
            Span featured = new Span(getTranslation("library.featured"));
            featured.getElement().getThemeList().add("badge success");
            item.add(featured);
        }
        if (a.published()) {
            Span published = new Span(getTranslation("analysis.published"));
            published.getElement().getThemeList().add("badge success");
            item.add(published);
        }
        StringBuilder line = new StringBuilder(getTranslation("analysis.area." + a.area().name().toLowerCase(Locale.ROOT)));
        if (a.organization() != null) {
            line.append(" · ").append(a.organization());
        }
        line.append(" · ").append(getTranslation("analysis.by", String.join(", ", a.authors())));
        line.append(" · ").append(getTranslation("library.comments", a.comments()));
        Span meta = new Span(line.toString());
        meta.addClassName("praxis-card-line");
        item.add(meta);
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.page-title");
    }
}
