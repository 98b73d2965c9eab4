package org.praxis.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Role;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.HomeVisits;

/**
 * A cohort's home, the page people come back to: what is next, what is new since their last
 * visit, their own open work, and for facilitators what needs them. The blocks come from the
 * features that own the data ({@link HomeContribution}); this page only orders them by
 * {@link HomeContext.Group} and says since when things count as new ({@link HomeVisits}). Then
 * a link to the cohort's people and the person's other cohorts.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
public class HomeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CohortPages pages;
    private final transient CurrentUser currentUser;
    private final transient CurrentCohort current;
    private final transient CohortAccess access;
    private final transient HomeVisits visits;
    private final transient List<HomeContribution> contributions;

    public HomeView(CohortPages pages, CurrentUser currentUser, CurrentCohort current, CohortAccess access,
            HomeVisits visits, List<HomeContribution> contributions) {
        this.pages = pages;
        this.currentUser = currentUser;
        this.current = current;
        this.access = access;
        this.visits = visits;
        this.contributions = contributions.stream()
                .sorted(Comparator.comparingInt(HomeContribution::position)).toList();
        setId("home-view");
        addClassName("praxis-view");
        addClassName("praxis-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        pages.resolve(event, CohortPages.Need.MEMBER, this::noCohort).ifPresent(this::render);
    }

    private void noCohort() {
        add(new H1(getTranslation("home.welcome", currentUser.require().displayName())));
        if (currentUser.require().role() == Role.ADMIN) {
            Paragraph none = new Paragraph(getTranslation("home.admin-no-cohort"));
            none.setId("no-cohort");
            Anchor cohorts = Links.route(getTranslation("home.admin-cohorts"), "admin/cohorts");
            cohorts.setId("home-admin-cohorts");
            add(none, new Paragraph(cohorts));
        } else {
            add(CohortPages.noCohort(this, CohortPages.Need.MEMBER));
        }
    }

    private void render(CurrentCohort.Choice cohort) {
        removeAll();
        H1 title = new H1(cohort.name());
        title.setId("cohort-name");
        add(title);
        HomeVisits.Since since = visits.visit(cohort.id());
        add(sinceLine(cohort, since));
        ClosedCohortNotice.of(this, access, cohort.id()).ifPresent(this::add);
        HomeContext home = new HomeContext(cohort.id(), cohort.name(), cohort.facilitating(), cohort.closed(),
                access.zoneOf(cohort.id()), since.at(), since.firstVisit(), 2);
        for (HomeContext.Group group : HomeContext.Group.values()) {
            addGroup(group, home);
        }
        add(peopleAndOtherCohorts(cohort));
    }

    /** Since when things count as new, and a way to say "I have seen all of it". */
    private Div sinceLine(CurrentCohort.Choice cohort, HomeVisits.Since since) {
        Span text = new Span(since.firstVisit() ? getTranslation("home.since.first")
                : getTranslation("home.since", Times.dateTime(since.at(), access.zoneOf(cohort.id()), getLocale())));
        text.setId("home-since");
        Button seen = new Button(getTranslation("home.mark-seen"), click -> {
            visits.markAllSeen(cohort.id());
            render(cohort);
        });
        seen.setId("home-mark-seen");
        seen.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Div line = new Div(text, seen);
        line.addClassName("praxis-home-since");
        return line;
    }

    private void addGroup(HomeContext.Group group, HomeContext home) {
        boolean grouped = group.headingKey() != null;
        HomeContext context = home.withHeadingLevel(grouped ? 3 : 2);
        List<Component> blocks = new ArrayList<>();
        contributions.stream().filter(c -> c.group() == group)
                .forEach(c -> c.block(context).ifPresent(blocks::add));
        if (blocks.isEmpty()) {
            return;
        }
        if (!grouped) {
            // the member's own blocks side by side on a wide screen, one column on a phone
            Div grid = new Div();
            grid.addClassName("praxis-home-grid");
            blocks.forEach(grid::add);
            add(grid);
            return;
        }
        Section section = new Section();
        section.setId("home-group-" + group.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        section.addClassName("praxis-home-group");
        section.add(new H2(getTranslation(group.headingKey())));
        Div grid = new Div();
        grid.addClassName("praxis-home-grid");
        blocks.forEach(grid::add);
        section.add(grid);
        add(section);
    }

    private Section peopleAndOtherCohorts(CurrentCohort.Choice shown) {
        Section section = new Section(new H2(getTranslation("home.cohort-and-people")));
        section.setId("home-people");
        Anchor people = Links.route(getTranslation("home.people-link"),
                "cohort-people?" + CohortPages.PARAMETER + "=" + shown.id());
        people.setId("home-people-link");
        section.add(new Paragraph(people));
        List<CurrentCohort.Choice> others = current.choices().stream().filter(c -> c.id() != shown.id()).toList();
        if (!others.isEmpty()) {
            Paragraph intro = new Paragraph(getTranslation("home.other-cohorts.intro"));
            intro.setId("other-cohorts");
            intro.addClassName("praxis-muted");
            UnorderedList list = new UnorderedList();
            for (CurrentCohort.Choice other : others) {
                Anchor open = Links.route(other.name(), "?" + CohortPages.PARAMETER + "=" + other.id());
                open.setId("open-cohort-" + other.id());
                list.add(new ListItem(open));
            }
            section.add(intro, list);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.page-title");
    }
}
