package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.ThreadSummary;

/** The cohort's free-standing threads, pinned first; facilitators open new ones. */
@Route(value = "commons", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.commons", order = 2, icon = "vaadin:comments-o")
public class CommonsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ThreadService threads;
    private final transient CohortAccess access;

    private final transient CohortPages pages;

    private final transient org.praxis.conversation.ThreadReads reads;

    public CommonsView(ThreadService threads, CohortAccess access, CohortPages pages,
            org.praxis.conversation.ThreadReads reads) {
        this.reads = reads;
        this.threads = threads;
        this.access = access;
        this.pages = pages;
        setId("commons-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("commons.title")));
        add(new Paragraph(getTranslation("commons.intro")));
        pages.resolve(event, CohortPages.Need.MEMBER, () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)))
                .ifPresent(c -> add(cohortThreads(new CohortChoice(c.id(), c.name(), c.closed()), false)));
    }

    private Div cohortThreads(CohortChoice cohort, boolean named) {
        Div section = new Div();
        if (named) {
            section.add(new Paragraph(cohort.name()));
        }
        org.praxis.cohort.ui.ClosedCohortNotice.of(this, access, cohort.id()).ifPresent(section::add);
        if (!cohort.closed() && threads.mayOpenThread(cohort.id())) {
            Button open = new Button(getTranslation("commons.open-thread"), VaadinIcon.PLUS.create(),
                    click -> openThread(cohort.id()));
            open.setId("open-thread-" + cohort.id());
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(open);
        }
        List<ThreadSummary> list = threads.commons(cohort.id());
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("commons.none"));
            none.setId("no-threads-" + cohort.id());
            none.addClassName("praxis-muted");
            section.add(none);
            return section;
        }
        // last activity and unread posts of the whole list, in one query
        var activity = reads.activity(cohort.id(), list.stream().map(ThreadSummary::id).toList());
        java.time.ZoneId zone = access.zoneOf(cohort.id());
        UnorderedList items = new UnorderedList();
        items.setId("threads-" + cohort.id());
        items.addClassName("praxis-cards");
        for (ThreadSummary t : list) {
            ListItem item = new ListItem();
            item.setId("thread-" + t.id());
            item.addClassName("praxis-card");
            RouterLink link = new RouterLink(t.title(), ThreadView.class,
                    new RouteParameters("threadId", String.valueOf(t.id())));
            link.addClassName("praxis-card-title");
            item.add(link);
            ThreadActivityText.unreadMarker(this, activity.get(t.id())).ifPresent(marker -> {
                item.add(marker);
                item.addClassName("praxis-card-unread");
            });
            if (t.pinned()) {
                item.add(badge("thread.pinned-badge"));
            }
            if (t.locked()) {
                item.add(badge("thread.locked-badge"));
            }
            if (t.contentNote() != null) {
                item.add(badge("thread.has-content-note"));
            }
            Span count = new Span(getTranslation("commons.posts", t.posts()));
            count.addClassName("praxis-card-line");
            item.add(count);
            ThreadActivityText.lastActivity(this, activity.get(t.id()), zone, getLocale()).ifPresent(item::add);
            items.add(item);
        }
        section.add(items);
        return section;
    }

    private Span badge(String key) {
        Span s = new Span(getTranslation(key));
        s.getElement().getThemeList().add("badge contrast");
        return s;
    }

    private void openThread(long cohortId) {
        Dialog dialog = new Dialog();
        dialog.setId("thread-dialog");
        dialog.setHeaderTitle(getTranslation("commons.open-thread"));
        dialog.setWidth("min(40rem, 95vw)");
        TextField title = new TextField(getTranslation("thread.title"));
        title.setId("thread-title-field");
        title.setRequiredIndicatorVisible(true);
        TextArea note = new TextArea(getTranslation("thread.content-note.field"));
        note.setId("thread-content-note");
        note.setHelperText(getTranslation("thread.content-note.help"));
        Checkbox hideable = new Checkbox(getTranslation("thread.names-hideable"));
        hideable.setId("thread-names-hideable");
        FieldProblems problems = new FieldProblems(this).bind("title", title).bind("contentNote", note);
        FormLayout form = new FormLayout(title, note, hideable);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Button save = new Button(getTranslation("commons.open"), click -> {
            try {
                long id = threads.openThread(cohortId, title.getValue(), note.getValue(), hideable.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(ThreadView.class, new RouteParameters("threadId", String.valueOf(id))));
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        save.setId("thread-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        title.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("commons.page-title");
    }
}
