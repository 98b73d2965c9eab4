package org.praxis.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.SafeHtml;
import org.praxis.cohort.CohortAccess;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchQuery;
import org.praxis.search.SearchResults;
import org.praxis.search.SearchResults.Facet;
import org.praxis.search.SearchResults.FacetCount;
import org.praxis.search.SearchService;

/**
 * Results for {@code ?q=}: what the reader may see, with highlighted snippets, each opening where
 * it was said; filters by type, cohort, session, author and age with counts, newest or best
 * first, and more on request. No text shows recent activity. Everything lives in the address,
 * so a search can be shared, bookmarked and gone back to.
 */
@Route(value = "search", layout = MainLayout.class)
@PermitAll
public class SearchView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final String[] PARAMS = {"q", "type", "cohort", "session", "author", "since", "order", "limit"};

    private final transient SearchService search;
    private final transient CohortAccess access;
    private final TextField query = new TextField();
    private final Map<Facet, Select<String>> facets = new EnumMap<>(Facet.class);
    private final Select<SearchQuery.Since> since = new Select<>();
    private final Select<SearchQuery.Order> order = new Select<>();
    private final UnorderedList results = new UnorderedList();
    private final Paragraph status = new Paragraph();
    private final Paragraph rebuilding = new Paragraph();
    private final Button more = new Button();
    private Map<String, String> current = new LinkedHashMap<>();
    private boolean filling;

    public SearchView(SearchService search, CohortAccess access) {
        this.search = search;
        this.access = access;
        setId("search-view");
        addClassName("praxis-view");
        query.setId("search-query");
        query.setLabel(getTranslation("search.label"));
        query.setHelperText(getTranslation("search.help"));
        query.setWidth("min(36rem, 100%)");
        query.setMaxLength(SearchService.QUERY_MAX * 20);
        query.addKeyPressListener(Key.ENTER, e -> go(with("q", query.getValue().strip(), true)));
        Button go = new Button(getTranslation("search.go"), click -> go(with("q", query.getValue().strip(), true)));
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(query, go);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        Div filters = new Div();
        filters.setId("search-filters");
        filters.addClassName("praxis-filters");
        filters.getElement().setAttribute("role", "group");
        filters.getElement().setAttribute("aria-label", getTranslation("search.filters"));
        for (Facet facet : Facet.values()) {
            Select<String> select = new Select<>();
            String name = facet.name().toLowerCase(java.util.Locale.ROOT);
            select.setId("search-filter-" + name);
            select.setLabel(getTranslation("search.filter." + name));
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("search.filter.any"));
            select.addValueChangeListener(e -> {
                if (!filling) {
                    go(with(param(facet), e.getValue(), true));
                }
            });
            facets.put(facet, select);
            filters.add(select);
        }
        choice(since, "search-filter-since", "search.filter.since", "since", "search.since.", SearchQuery.Since.values(),
                SearchQuery.Since.ANY);
        choice(order, "search-order", "search.order", "order", "search.order.", SearchQuery.Order.values(),
                SearchQuery.Order.RELEVANCE);
        filters.add(since, order);

        status.setId("search-status");
        status.getElement().setAttribute("role", "status");
        rebuilding.setId("search-rebuilding");
        rebuilding.addClassName("praxis-callout");
        rebuilding.setText(getTranslation("search.rebuilding.partial"));
        rebuilding.setVisible(false);
        results.setId("search-results");
        results.addClassName("praxis-cards");
        more.setId("search-more");
        more.setText(getTranslation("search.more"));
        more.addClickListener(click -> go(with("limit", String.valueOf(limit() + SearchQuery.PAGE), false)));
        add(new H1(getTranslation("search.title")), bar, filters, status, rebuilding, results, more);
    }

    /** A select of fixed options kept in the address as {@code parameter}; the default leaves it out. */
    private <E extends Enum<E>> void choice(Select<E> select, String id, String label, String parameter,
            String itemLabels, E[] options, E otherwise) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setItems(options);
        select.setItemLabelGenerator(o -> getTranslation(itemLabels + o.name().toLowerCase(java.util.Locale.ROOT)));
        select.addValueChangeListener(e -> {
            if (!filling) {
                go(with(parameter, e.getValue() == null || e.getValue() == otherwise ? null
                        : e.getValue().name().toLowerCase(java.util.Locale.ROOT), true));
            }
        });
    }

    private static String param(Facet facet) {
        return facet.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The current parameters with one changed; a new search or filter starts from the first page again. */
    private Map<String, String> with(String name, String value, boolean firstPage) {
        Map<String, String> next = new LinkedHashMap<>(current);
        if (value == null || value.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, value);
        }
        if (firstPage) {
            next.remove("limit");
        }
        return next;
    }

    private void go(Map<String, String> parameters) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        parameters.forEach((k, v) -> all.put(k, List.of(v)));
        getUI().ifPresent(ui -> ui.navigate("search", new QueryParameters(all)));
    }

    private int limit() {
        return number(current.get("limit")).map(Long::intValue).orElse(SearchQuery.PAGE);
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        return otherwise;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> given = event.getLocation().getQueryParameters().getParameters();
        current = new LinkedHashMap<>();
        for (String name : PARAMS) {
            List<String> values = given.get(name);
            if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                current.put(name, values.get(0));
            }
        }
        String q = current.getOrDefault("q", "");
        String type = current.get("type");
        SearchQuery request = new SearchQuery(q, type == null ? null : type.toLowerCase(java.util.Locale.ROOT),
                number(current.get("cohort")).orElse(null), number(current.get("session")).orElse(null),
                number(current.get("author")).orElse(null), option(SearchQuery.Since.class, current.get("since"), null),
                option(SearchQuery.Order.class, current.get("order"), null), limit());
        SearchResults found;
        try {
            found = search.search(request);
        } catch (RateLimitedException e) {
            // what was typed stays in the field, to search again once the wait is over
            query.setValue(request.text());
            results.removeAll();
            more.setVisible(false);
            status.setText(getTranslation(e.problem().key(), e.problem().args().toArray()));
            return;
        }
        show(request, found);
    }

    private void show(SearchQuery request, SearchResults found) {
        filling = true;
        try {
            query.setValue(request.text());
            for (Facet facet : Facet.values()) {
                fill(facets.get(facet), facet, found.facets().getOrDefault(facet, List.of()), current.get(param(facet)));
            }
            since.setValue(request.since());
            order.setValue(request.order());
            order.setEnabled(!found.recent());
        } finally {
            filling = false;
        }
        results.removeAll();
        // while the index is rebuilt, nothing found means "not yet", never "not there"
        rebuilding.setVisible(found.rebuilding() && !found.hits().isEmpty());
        if (found.rebuilding() && found.hits().isEmpty()) {
            status.setText(getTranslation("search.rebuilding"));
        } else if (found.recent()) {
            status.setText(found.hits().isEmpty() ? getTranslation("search.recent.none")
                    : getTranslation("search.recent", found.total()));
        } else if (found.hits().isEmpty()) {
            status.setText(getTranslation("search.none"));
        } else if (found.similar()) {
            status.setText(getTranslation("search.similar", found.total(), request.text()));
        } else {
            status.setText(getTranslation("search.count", found.total()));
        }
        Map<Long, ZoneId> zones = new HashMap<>();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (SearchHit hit : found.hits()) {
            results.add(item(hit, zones, dates));
        }
        more.setVisible(found.total() > found.hits().size() && request.limit() < SearchQuery.MAX_LIMIT);
    }

    private void fill(Select<String> select, Facet facet, List<FacetCount> counts, String chosen) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (FacetCount c : counts) {
            String label = facet == Facet.TYPE ? getTranslation("search.type." + c.value()) : c.label();
            labels.put(c.value(), getTranslation("search.filter.count", label, c.count()));
        }
        if (chosen != null && !labels.containsKey(chosen)) {
            labels.put(chosen, getTranslation("search.filter.none", chosen));
        }
        select.setItems(new ArrayList<>(labels.keySet()));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("search.filter.any") : labels.getOrDefault(v, v));
        select.setValue(chosen);
    }

    private ListItem item(SearchHit hit, Map<Long, ZoneId> zones, DateTimeFormatter dates) {
        ListItem item = new ListItem();
        item.setId("result-" + hit.type() + "-" + hit.id());
        item.addClassName("praxis-card");
        var title = Links.route(hit.title(), hit.path());
        title.addClassName("praxis-card-title");
        Span type = new Span(getTranslation("search.type." + hit.type()));
        type.getElement().getThemeList().add("badge contrast");
        List<String> where = new ArrayList<>();
        if (hit.cohort() != null) {
            where.add(hit.cohort());
        }
        if (hit.session() != null && !"session".equals(hit.type())) {
            where.add(hit.session());
        }
        if (hit.author() != null) {
            where.add(hit.author());
        }
        ZoneId zone = zones.computeIfAbsent(hit.cohortId(), access::zoneOf);
        where.add(dates.format(hit.created().atZone(zone)));
        Span line = new Span(String.join(" · ", where));
        line.addClassName("praxis-card-line");
        SafeHtml snippet = new SafeHtml(hit.snippetHtml());
        snippet.addClassName("praxis-snippet");
        item.add(title, type, line);
        if (hit.section() != null) {
            Span section = new Span(getTranslation("search.in-section", getTranslation("analysis.section." + hit.section())));
            section.addClassName("praxis-card-line");
            section.setId("result-section-" + hit.id());
            item.add(section);
        }
        item.add(snippet);
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.page-title");
    }
}
