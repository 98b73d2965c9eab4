package org.praxis.practice.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.ui.MainLayout;
import org.praxis.practice.NoteSummary;
import org.praxis.practice.PracticeNoteService;

/**
 * The practice notes of every cohort that their authors shared with the network and a facilitator
 * published, for anyone who belongs to a cohort; newest published first, filtered by area and
 * dimension (never by author: a removed name is not to be told by a filter either).
 */
@Route(value = "notes/network", layout = MainLayout.class)
@PermitAll
public class NetworkNotesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PracticeNoteService notes;
    private final Select<PolicyArea> area = new Select<>();
    private final Select<Dimension> dimension = new Select<>();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph count = new Paragraph();
    private boolean filling;

    public NetworkNotesView(PracticeNoteService notes) {
        this.notes = notes;
        setId("network-notes-view");
        addClassName("praxis-view");
        select(area, "network-area", "analysis.area", "analysis.area.", PolicyArea.values());
        select(dimension, "network-dimension", "analysis.dimension", "analysis.dimension.", Dimension.values());
        list.setId("network-notes-list");
        list.addClassName("praxis-cards");
        count.setId("network-notes-count");
        count.getElement().setAttribute("role", "status");
    }

    private <E extends Enum<E>> void select(Select<E> select, String id, String label, String itemKeys, E[] values) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("search.filter.any"));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("search.filter.any")
                : getTranslation(itemKeys + v.name().toLowerCase(Locale.ROOT)));
        select.addValueChangeListener(e -> {
            if (filling) {
                return;
            }
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (area.getValue() != null) {
                params.put("area", List.of(area.getValue().name().toLowerCase(Locale.ROOT)));
            }
            if (dimension.getValue() != null) {
                params.put("dimension", List.of(dimension.getValue().name().toLowerCase(Locale.ROOT)));
            }
            getUI().ifPresent(ui -> ui.navigate("notes/network", new QueryParameters(params)));
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("notes.network.title")), new Paragraph(getTranslation("notes.network.intro")));
        QueryParameters params = event.getLocation().getQueryParameters();
        filling = true;
        try {
            area.setValue(NotesView.option(PolicyArea.class, params.getSingleParameter("area").orElse(null)));
            dimension.setValue(NotesView.option(Dimension.class, params.getSingleParameter("dimension").orElse(null)));
        } finally {
            filling = false;
        }
        Div filters = new Div(area, dimension);
        filters.addClassName("praxis-filters");
        filters.getElement().setAttribute("role", "group");
        filters.getElement().setAttribute("aria-label", getTranslation("search.filters"));
        List<NoteSummary> found = notes.network(area.getValue(), dimension.getValue());
        count.setText(getTranslation("notes.count", found.size()));
        list.removeAll();
        found.forEach(n -> list.add(NoteCards.card(this, n, true)));
        add(filters, count, list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notes.network.page-title");
    }
}
