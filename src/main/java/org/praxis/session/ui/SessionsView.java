package org.praxis.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.session.SessionSummary;

/** The cohort's sessions, upcoming first; facilitators plan new ones here. */
@Route(value = "sessions", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.sessions", order = 1, icon = "vaadin:calendar")
public class SessionsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SessionService sessions;
    private final transient CohortAccess access;
    private final transient Clock clock;
    private final transient CohortPages pages;

    public SessionsView(SessionService sessions, CohortAccess access, Clock clock, CohortPages pages) {
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
        this.pages = pages;
        setId("sessions-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("sessions.title")));
        pages.resolve(event, CohortPages.Need.MEMBER, () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)))
                .ifPresent(cohort -> add(cohortSessions(new CohortChoice(cohort.id(), cohort.name(), cohort.closed()), false)));
    }

    private Div cohortSessions(CohortChoice cohort, boolean named) {
        Div section = new Div();
        section.setId("sessions-of-" + cohort.id());
        if (named) {
            section.add(new Paragraph(cohort.name()));
        }
        if (access.requireMember(cohort.id()) == CohortRole.FACILITATOR) {
            Button create = new Button(getTranslation("sessions.new"), VaadinIcon.PLUS.create(),
                    click -> openNewSession(cohort.id()));
            create.setId("new-session-" + cohort.id());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(create);
        }
        List<SessionSummary> all = sessions.sessionsOf(cohort.id());
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<SessionSummary> upcoming = all.stream().filter(s -> s.endsAt().isAfter(now)).toList();
        List<SessionSummary> past = all.stream().filter(s -> !s.endsAt().isAfter(now))
                .sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList();
        section.add(new H2(getTranslation("sessions.upcoming")), list("upcoming-" + cohort.id(), upcoming,
                "sessions.none-upcoming"));
        section.add(new H2(getTranslation("sessions.past")), list("past-" + cohort.id(), past, "sessions.none-past"));
        return section;
    }

    private Div list(String id, List<SessionSummary> items, String emptyKey) {
        Div wrapper = new Div();
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(emptyKey));
            empty.setId(id + "-empty");
            empty.addClassName("praxis-muted");
            wrapper.add(empty);
            return wrapper;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("praxis-cards");
        for (SessionSummary s : items) {
            ListItem item = new ListItem();
            item.setId("session-" + s.id());
            item.addClassName("praxis-card");
            RouterLink link = new RouterLink(s.title(), SessionView.class, new RouteParameters("sessionId",
                    String.valueOf(s.id())));
            link.addClassName("praxis-card-title");
            item.add(link);
            item.add(line(Times.dateTime(s.startsAt(), getLocale()) + " – " + Times.time(s.endsAt(), getLocale())));
            if (s.theme() != null) {
                item.add(line(s.theme()));
            }
            item.add(line(getTranslation("sessions.prompts", s.prompts())));
            if (s.cancelled()) {
                Span cancelled = new Span(getTranslation("session.cancelled"));
                cancelled.setId("session-cancelled-" + s.id());
                cancelled.getElement().getThemeList().add("badge error");
                item.add(cancelled);
            } else if (s.willJoin() != null) {
                Span answer = new Span(getTranslation(s.willJoin() ? "session.you-will-join" : "session.you-will-not-join"));
                answer.getElement().getThemeList().add("badge");
                item.add(answer);
            }
            list.add(item);
        }
        wrapper.add(list);
        return wrapper;
    }

    private static Span line(String text) {
        Span span = new Span(text);
        span.addClassName("praxis-card-line");
        return span;
    }

    private void openNewSession(long cohortId) {
        Dialog dialog = new Dialog();
        dialog.setId("session-dialog");
        dialog.setHeaderTitle(getTranslation("sessions.new"));
        dialog.setWidth("min(48rem, 95vw)");
        SessionForm form = new SessionForm(access.zoneOf(cohortId));
        form.addSaveListener(save -> {
            try {
                long id = sessions.create(cohortId, save.draft());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(SessionView.class, new RouteParameters("sessionId", String.valueOf(id))));
            } catch (InvalidInputException e) {
                form.show(e);
            }
        });
        form.addCancelListener(cancel -> dialog.close());
        dialog.add(form);
        form.edit(new SessionDraft());
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessions.page-title");
    }
}
