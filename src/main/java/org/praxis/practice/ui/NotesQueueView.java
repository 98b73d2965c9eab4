package org.praxis.practice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.practice.NoteSummary;
import org.praxis.practice.PracticeNoteService;

/**
 * For a cohort's facilitators: the notes whose authors agreed to share them with the network,
 * waiting to be published, oldest first; each opens to be read before it is published.
 */
@Route(value = "notes/queue", layout = MainLayout.class)
@RolesAllowed("FACILITATOR")
public class NotesQueueView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PracticeNoteService notes;
    private final transient CohortPages pages;
    private long cohortId;

    public NotesQueueView(PracticeNoteService notes, CohortPages pages) {
        this.notes = notes;
        this.pages = pages;
        setId("notes-queue-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("notes.queue.title")), new Paragraph(getTranslation("notes.queue.intro")));
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.FACILITATOR,
                () -> add(CohortPages.noCohort(this, CohortPages.Need.FACILITATOR)));
        if (cohort.isEmpty()) {
            return;
        }
        cohortId = cohort.get().id();
        render();
    }

    private void render() {
        getChildren().skip(2).toList().forEach(this::remove);
        List<NoteSummary> waiting = notes.awaitingPublishing(cohortId);
        Paragraph count = new Paragraph(getTranslation("notes.queue.count", waiting.size()));
        count.setId("notes-queue-count");
        count.getElement().setAttribute("role", "status");
        UnorderedList list = new UnorderedList();
        list.setId("notes-queue-list");
        list.addClassName("praxis-cards");
        for (NoteSummary n : waiting) {
            ListItem card = NoteCards.card(this, n, false);
            Button publish = new Button(getTranslation("note.publish"), click -> {
                notes.publish(n.id());
                Notification.show(getTranslation("note.publish.done", n.title()));
                render();
            });
            publish.setId("queue-publish-" + n.id());
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(publish);
            list.add(card);
        }
        add(count, list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notes.queue.page-title");
    }
}
