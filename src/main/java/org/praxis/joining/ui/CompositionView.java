package org.praxis.joining.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.RepresentationOverview;
import org.springframework.security.access.AccessDeniedException;

/**
 * The cohort being composed — its members and the applicants shortlisted or invited — against
 * its capacity: counts by each self-described fact, sector, county, authority and organisation,
 * and the gaps. A count of one or two never shows: it reads "fewer than 3".
 */
@Route(value = "composition", layout = MainLayout.class)
@RolesAllowed("FACILITATOR")
public class CompositionView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ApplicationService applications;
    private final transient CohortPages pages;

    public CompositionView(ApplicationService applications, CohortPages pages) {
        this.applications = applications;
        this.pages = pages;
        setId("composition-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.FACILITATOR, () -> add(
                new H1(getTranslation("composition.title")), CohortPages.noCohort(this, CohortPages.Need.FACILITATOR)));
        if (cohort.isEmpty()) {
            return;
        }
        long cohortId = cohort.get().id();
        RepresentationOverview o;
        try {
            o = applications.overview(cohortId);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        render(cohortId, o);
    }

    private void render(long cohortId, RepresentationOverview o) {
        removeAll();
        add(new H1(getTranslation("composition.title")));
        Anchor back = Links.route(getTranslation("composition.back"), "applications?cohort=" + cohortId);
        add(back);
        Paragraph size = new Paragraph(getTranslation("composition.size", o.composing(), o.capacity(), o.members(),
                o.applicants()));
        size.setId("composition-size");
        ProgressBar fill = new ProgressBar(0, Math.max(o.capacity(), o.composing()), o.composing());
        fill.getElement().setAttribute("aria-label", size.getText());
        fill.setWidth("min(30rem, 100%)");
        Paragraph note = new Paragraph(getTranslation("composition.note"));
        note.addClassName("praxis-muted");
        add(size, fill, note, gaps(o));
        Div grid = new Div();
        grid.addClassName("praxis-composition");
        grid.add(table("composition-sector", "composition.sector", o.sector(), k -> getTranslation("sector." + k)));
        grid.add(table("composition-county", "composition.county", o.county(), k -> getTranslation("fact." + k)));
        grid.add(table("composition-race", "composition.race", o.raceEthnicity(), k -> getTranslation("fact." + k)));
        grid.add(table("composition-gender", "composition.gender", o.gender(), k -> getTranslation("fact." + k)));
        grid.add(table("composition-tribal", "composition.tribal", o.tribal(), k -> getTranslation("fact." + k)));
        grid.add(table("composition-authority", "composition.authority", o.authority(),
                k -> getTranslation("apply.authority." + k.toLowerCase(java.util.Locale.ROOT))));
        grid.add(table("composition-organizations", "composition.organizations", o.organizations(), k -> k));
        add(grid);
        Paragraph lived = new Paragraph(o.livedExperienceFew() ? getTranslation("composition.lived.few")
                : getTranslation("composition.lived", o.livedExperienceShared()));
        lived.setId("composition-lived");
        add(new H2(getTranslation("composition.lived.title")), lived);
    }

    private Section gaps(RepresentationOverview o) {
        Section section = new Section(new H2(getTranslation("composition.gaps")));
        UnorderedList list = new UnorderedList();
        list.setId("composition-gaps");
        o.countyGaps().forEach(c -> list.add(new ListItem(getTranslation("composition.gap.county",
                getTranslation("fact." + c)))));
        o.sectorGaps().forEach(s -> list.add(new ListItem(getTranslation("composition.gap.sector",
                getTranslation("sector." + s)))));
        if (o.noTribalAffiliation()) {
            list.add(new ListItem(getTranslation("composition.gap.tribal")));
        }
        if (list.getChildren().findAny().isEmpty()) {
            section.add(new Paragraph(getTranslation("composition.gaps.none")));
        } else {
            section.add(list);
        }
        return section;
    }

    private Section table(String id, String titleKey, List<RepresentationOverview.Count> counts,
            Function<String, String> label) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("praxis-table");
        NativeTableRow head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("composition.value"));
        head.addHeaderCell().setText(getTranslation("composition.people"));
        for (RepresentationOverview.Count c : counts) {
            NativeTableRow row = table.getBody().addRow();
            row.addDataCell().setText(label.apply(c.key()));
            row.addDataCell().setText(c.fewerThanThree() ? getTranslation("composition.fewer-than-3")
                    : String.valueOf(c.count()));
            // nobody in a real group is a gap; nobody choosing "other", self-description or "prefer not" is not
            if (c.count() == 0 && !c.fewerThanThree() && !java.util.Set.of(org.praxis.joining.Facts.SELF_DESCRIBE,
                    org.praxis.joining.Facts.PREFER_NOT, "OTHER").contains(c.key())) {
                row.addClassName("praxis-gap");
            }
        }
        section.add(table);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("composition.page-title");
    }
}
