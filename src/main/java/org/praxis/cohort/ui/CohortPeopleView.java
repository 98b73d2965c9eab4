package org.praxis.cohort.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortOverview;
import org.praxis.cohort.CohortPerson;
import org.praxis.cohort.CohortService;

/**
 * The people of one cohort, for anyone in it: its dates, its facilitators and its members, each
 * with pronouns, title, organisation and county, and their bio. The accounts page ({@code people})
 * is another thing: facilitators and admins manage accounts there.
 */
@Route(value = "cohort-people", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.cohort-people", order = 0.5, icon = "vaadin:users")
public class CohortPeopleView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CohortService cohortService;
    private final transient CohortPages pages;

    public CohortPeopleView(CohortService cohortService, CohortPages pages) {
        this.cohortService = cohortService;
        this.pages = pages;
        setId("cohort-people-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        pages.resolve(event, CohortPages.Need.MEMBER, () -> {
            add(new H1(getTranslation("cohort-people.title-none")));
            add(CohortPages.noCohort(this, CohortPages.Need.MEMBER));
        }).flatMap(shown -> cohortService.myCohorts().stream().filter(c -> c.id() == shown.id()).findFirst())
                .ifPresent(this::cohort);
    }

    private void cohort(CohortOverview cohort) {
        H1 title = new H1(getTranslation("cohort-directory.title", cohort.name()));
        title.setId("cohort-people-title");
        add(title);
        if (cohort.startsOn() != null) {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
            Paragraph dates = new Paragraph(cohort.endsOn() == null
                    ? getTranslation("home.starts", format.format(cohort.startsOn()))
                    : getTranslation("home.dates", format.format(cohort.startsOn()), format.format(cohort.endsOn())));
            dates.addClassName("praxis-muted");
            add(dates);
        }
        add(people(getTranslation("home.facilitators"), "facilitators-" + cohort.id(), cohort.facilitators()));
        add(people(getTranslation("home.members", cohort.members().size(), cohort.capacity()),
                "members-" + cohort.id(), cohort.members()));
    }

    private Div people(String heading, String id, List<CohortPerson> people) {
        Div group = new Div();
        group.add(new H2(heading));
        if (people.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("home.nobody-yet"));
            none.setId(id + "-empty");
            none.addClassName("praxis-muted");
            group.add(none);
            return group;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("praxis-people");
        people.forEach(p -> list.add(person(p)));
        group.add(list);
        return group;
    }

    private ListItem person(CohortPerson p) {
        ListItem item = new ListItem();
        item.setId("person-" + p.memberId());
        item.addClassName("praxis-person");
        Span name = new Span(p.displayName());
        name.addClassName("praxis-person-name");
        item.add(name);
        if (p.pronouns() != null) {
            Span pronouns = new Span(p.pronouns());
            pronouns.addClassName("praxis-person-pronouns");
            item.add(pronouns);
        }
        if (p.title() != null) {
            item.add(line(p.title()));
        }
        if (p.organizationName() != null) {
            item.add(line(p.county() == null ? p.organizationName()
                    : getTranslation("home.organization-in-county", p.organizationName(),
                            getTranslation(p.county().messageKey()))));
        }
        if (p.bio() != null) {
            Paragraph bio = new Paragraph(p.bio());
            bio.addClassName("praxis-person-bio");
            item.add(bio);
        }
        return item;
    }

    private static Span line(String text) {
        Span span = new Span(text);
        span.addClassName("praxis-person-line");
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cohort-people.page-title");
    }
}
