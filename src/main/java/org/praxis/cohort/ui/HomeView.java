package org.praxis.cohort.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
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
import java.util.Optional;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortOverview;
import org.praxis.cohort.CohortPerson;
import org.praxis.cohort.CohortService;
import org.praxis.cohort.CurrentCohort;

/**
 * The signed-in person's cohort on view (the switcher's, or the one in {@code ?cohort=}): its
 * dates, its facilitators and its members; then their other cohorts, each a link that opens it.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
public class HomeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CohortService cohortService;
    private final transient CohortPages pages;
    private final transient CurrentUser currentUser;

    public HomeView(CohortService cohortService, CohortPages pages, CurrentUser currentUser) {
        this.cohortService = cohortService;
        this.pages = pages;
        this.currentUser = currentUser;
        setId("home-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CurrentCohort.Choice> shown = pages.resolve(event, CohortPages.Need.MEMBER, () -> {
            add(new H1(getTranslation("home.welcome", currentUser.require().displayName())));
            add(CohortPages.noCohort(this, CohortPages.Need.MEMBER));
        });
        if (shown.isEmpty()) {
            return;
        }
        List<CohortOverview> cohorts = cohortService.myCohorts();
        cohorts.stream().filter(c -> c.id() == shown.get().id()).findFirst().ifPresent(c -> add(cohort(c, false)));
        List<CohortOverview> others = cohorts.stream().filter(c -> c.id() != shown.get().id()).toList();
        if (!others.isEmpty()) {
            Section section = new Section(new H2(getTranslation("home.other-cohorts")));
            section.setId("other-cohorts");
            Paragraph intro = new Paragraph(getTranslation("home.other-cohorts.intro"));
            intro.addClassName("praxis-muted");
            UnorderedList list = new UnorderedList();
            for (CohortOverview other : others) {
                Anchor open = Links.route(other.name(), "?" + CohortPages.PARAMETER + "=" + other.id());
                open.setId("open-cohort-" + other.id());
                list.add(new ListItem(open));
            }
            section.add(intro, list);
            add(section);
        }
    }

    private Section cohort(CohortOverview cohort, boolean nested) {
        Section section = new Section();
        section.setId("cohort-" + cohort.id());
        section.addClassName("praxis-cohort");
        if (nested) {
            section.add(new H2(cohort.name()));
        } else {
            H1 title = new H1(cohort.name());
            title.setId("cohort-name");
            section.add(title);
        }
        if (cohort.startsOn() != null) {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
            Paragraph dates = new Paragraph(cohort.endsOn() == null
                    ? getTranslation("home.starts", format.format(cohort.startsOn()))
                    : getTranslation("home.dates", format.format(cohort.startsOn()), format.format(cohort.endsOn())));
            dates.addClassName("praxis-muted");
            section.add(dates);
        }
        section.add(people(getTranslation("home.facilitators"), "facilitators-" + cohort.id(), cohort.facilitators(),
                nested));
        section.add(people(getTranslation("home.members", cohort.members().size(), cohort.capacity()),
                "members-" + cohort.id(), cohort.members(), nested));
        return section;
    }

    private Div people(String heading, String id, List<CohortPerson> people, boolean nested) {
        Div group = new Div();
        group.add(nested ? new com.vaadin.flow.component.html.H3(heading) : new H2(heading));
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
        return getTranslation("home.page-title");
    }
}
