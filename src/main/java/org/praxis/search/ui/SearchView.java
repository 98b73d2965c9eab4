package org.praxis.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.SafeHtml;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchService;

/** Results for {@code ?q=}: what the reader may see, with highlighted snippets, each opening where it was said. */
@Route(value = "search", layout = MainLayout.class)
@PermitAll
public class SearchView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SearchService search;
    private final TextField query = new TextField();
    private final UnorderedList results = new UnorderedList();
    private final Paragraph status = new Paragraph();

    public SearchView(SearchService search) {
        this.search = search;
        setId("search-view");
        addClassName("praxis-view");
        query.setId("search-query");
        query.setLabel(getTranslation("search.label"));
        query.setHelperText(getTranslation("search.help"));
        query.setWidth("min(36rem, 100%)");
        query.addKeyPressListener(Key.ENTER, e -> go());
        Button go = new Button(getTranslation("search.go"), click -> go());
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(query, go);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        status.setId("search-status");
        status.getElement().setAttribute("role", "status");
        results.setId("search-results");
        results.addClassName("praxis-cards");
        add(new H1(getTranslation("search.title")), bar, status, results);
    }

    private void go() {
        getUI().ifPresent(ui -> ui.navigate("search", QueryParameters.of("q", query.getValue())));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        query.setValue(q);
        results.removeAll();
        if (q.isBlank()) {
            status.setText(getTranslation("search.empty"));
            return;
        }
        List<SearchHit> hits = search.search(q, 50);
        status.setText(hits.isEmpty() ? getTranslation("search.none") : getTranslation("search.count", hits.size()));
        for (SearchHit hit : hits) {
            ListItem item = new ListItem();
            item.setId("result-" + hit.type() + "-" + hit.id());
            item.addClassName("praxis-card");
            var title = Links.route(hit.title(), hit.path());
            title.addClassName("praxis-card-title");
            Span type = new Span(getTranslation("search.type." + hit.type()));
            type.getElement().getThemeList().add("badge contrast");
            SafeHtml snippet = new SafeHtml(hit.snippetHtml());
            item.add(title, type, snippet);
            results.add(item);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.page-title");
    }
}
