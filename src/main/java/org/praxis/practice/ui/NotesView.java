package org.praxis.practice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.practice.NoteChoices;
import org.praxis.practice.NoteFilter;
import org.praxis.practice.NoteSummary;
import org.praxis.practice.PracticeNoteService;
import org.praxis.session.SessionService;
import org.praxis.session.SessionSummary;

/**
 * The cohort's practice notes that the reader may read (their own drafts too), newest first,
 * filtered by tag, equity dimension, policy area, author and session; the filters live in the
 * address. Links to the network's notes, and for facilitators to the notes awaiting publishing.
 */
@Route(value = "notes", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.notes", order = 4.5, icon = "vaadin:notebook")
public class NotesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PracticeNoteService notes;
    private final transient SessionService sessions;
    private final transient CohortPages pages;
    private final TextField tag = new TextField();
    private final Select<Dimension> dimension = new Select<>();
    private final Select<PolicyArea> area = new Select<>();
    private final Select<NoteChoices.Choice> author = new Select<>();
    private final Select<NoteChoices.Choice> session = new Select<>();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph count = new Paragraph();
    private long cohortId;
    private boolean filling;

    public NotesView(PracticeNoteService notes, SessionService sessions, CohortPages pages) {
        this.notes = notes;
        this.sessions = sessions;
        this.pages = pages;
        setId("notes-view");
        addClassName("praxis-view");
        tag.setId("notes-tag");
        tag.setLabel(getTranslation("note.tag"));
        tag.setMaxLength(PracticeNoteService.TAG_MAX);
        tag.setClearButtonVisible(true);
        tag.addValueChangeListener(e -> changed());
        enumSelect(area, "notes-area", "analysis.area", "analysis.area.", PolicyArea.values());
        enumSelect(dimension, "notes-dimension", "analysis.dimension", "analysis.dimension.", Dimension.values());
        choiceSelect(author, "notes-author", "search.filter.author");
        choiceSelect(session, "notes-session", "note.session");
        list.setId("notes-list");
        list.addClassName("praxis-cards");
        count.setId("notes-count");
        count.getElement().setAttribute("role", "status");
    }

    private <E extends Enum<E>> void enumSelect(Select<E> select, String id, String label, String itemKeys, E[] values) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("search.filter.any"));
        select.setItemLabelGenerator(v -> v == null ? getTranslation("search.filter.any")
                : getTranslation(itemKeys + v.name().toLowerCase(Locale.ROOT)));
        select.addValueChangeListener(e -> changed());
    }

    private void choiceSelect(Select<NoteChoices.Choice> select, String id, String label) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("search.filter.any"));
        select.setItemLabelGenerator(c -> c == null ? getTranslation("search.filter.any") : c.title());
        select.addValueChangeListener(e -> changed());
    }

    private void changed() {
        if (filling) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put(CohortPages.PARAMETER, List.of(String.valueOf(cohortId)));
        if (!tag.getValue().isBlank()) {
            params.put("tag", List.of(tag.getValue().strip()));
        }
        if (area.getValue() != null) {
            params.put("area", List.of(area.getValue().name().toLowerCase(Locale.ROOT)));
        }
        if (dimension.getValue() != null) {
            params.put("dimension", List.of(dimension.getValue().name().toLowerCase(Locale.ROOT)));
        }
        if (author.getValue() != null) {
            params.put("author", List.of(String.valueOf(author.getValue().id())));
        }
        if (session.getValue() != null) {
            params.put("session", List.of(String.valueOf(session.getValue().id())));
        }
        getUI().ifPresent(ui -> ui.navigate("notes", new QueryParameters(params)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("notes.title")), new Paragraph(getTranslation("notes.intro")));
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.MEMBER,
                () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
        if (cohort.isEmpty()) {
            return;
        }
        cohortId = cohort.get().id();
        QueryParameters params = event.getLocation().getQueryParameters();
        filling = true;
        try {
            tag.setValue(params.getSingleParameter("tag").map(t -> t.length() > PracticeNoteService.TAG_MAX
                    ? t.substring(0, PracticeNoteService.TAG_MAX) : t).orElse(""));
            area.setValue(option(PolicyArea.class, params.getSingleParameter("area").orElse(null)));
            dimension.setValue(option(Dimension.class, params.getSingleParameter("dimension").orElse(null)));
            Long authorId = number(params, "author");
            List<NoteChoices.Choice> authors = notes.authorsIn(cohortId).entrySet().stream()
                    .map(e -> new NoteChoices.Choice(e.getKey(), e.getValue())).toList();
            author.setItems(authors);
            author.setValue(authors.stream().filter(a -> authorId != null && a.id() == authorId).findFirst().orElse(null));
            Long sessionId = number(params, "session");
            List<NoteChoices.Choice> cohortSessions = sessions.sessionsOf(cohortId).stream()
                    .map((SessionSummary s) -> new NoteChoices.Choice(s.id(), s.title())).toList();
            session.setItems(cohortSessions);
            session.setValue(cohortSessions.stream().filter(s -> sessionId != null && s.id() == sessionId).findFirst()
                    .orElse(null));
        } finally {
            filling = false;
        }
        Button write = new Button(getTranslation("notes.new"), VaadinIcon.PLUS.create(),
                click -> getUI().ifPresent(ui -> ui.navigate("notes/write",
                        QueryParameters.of(CohortPages.PARAMETER, String.valueOf(cohortId)))));
        write.setId("notes-new");
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(write);
        actions.setWrap(true);
        actions.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        var network = Links.route(getTranslation("notes.network-link"), "notes/network");
        network.setId("notes-network-link");
        actions.add(network);
        if (cohort.get().facilitating()) {
            int waiting = notes.awaitingPublishing(cohortId).size();
            var queue = Links.route(getTranslation("notes.queue-link", waiting),
                    "notes/queue?" + CohortPages.PARAMETER + "=" + cohortId);
            queue.setId("notes-queue-link");
            actions.add(queue);
        }
        Div filters = new Div(tag, area, dimension, author, session);
        filters.addClassName("praxis-filters");
        filters.getElement().setAttribute("role", "group");
        filters.getElement().setAttribute("aria-label", getTranslation("search.filters"));
        List<NoteSummary> found = notes.cohortNotes(cohortId, new NoteFilter(tag.getValue().isBlank() ? null : tag.getValue(),
                dimension.getValue(), area.getValue(), author.getValue() == null ? null : author.getValue().id(),
                session.getValue() == null ? null : session.getValue().id()));
        count.setText(getTranslation("notes.count", found.size()));
        list.removeAll();
        found.forEach(n -> list.add(NoteCards.card(this, n, false)));
        add(actions, filters, count, list);
    }

    static Long number(QueryParameters params, String name) {
        return params.getSingleParameter(name).filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
    }

    static <E extends Enum<E>> E option(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notes.page-title");
    }
}
