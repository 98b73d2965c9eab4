package org.praxis.worksheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.worksheet.AssignmentSummary;
import org.praxis.worksheet.ResponseStatus;
import org.praxis.worksheet.WorksheetService;

/**
 * The worksheets given to the reader's cohorts, newest first, each with where they are with it
 * and one button to start, continue or open it. Facilitators also find their templates here.
 */
@Route(value = "worksheets", layout = MainLayout.class)
@Menu(title = "nav.worksheets", order = 5, icon = "vaadin:clipboard-text")
@PermitAll
public class WorksheetsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient WorksheetService worksheets;

    private final transient CohortPages pages;

    public WorksheetsView(WorksheetService worksheets, CohortPages pages) {
        this.worksheets = worksheets;
        this.pages = pages;
        setId("worksheets-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("worksheet.list.title")));
        var shown = pages.resolve(event, CohortPages.Need.MEMBER,
                () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
        if (shown.isEmpty()) {
            return;
        }
        CurrentCohort.Choice cohort = shown.get();
        boolean anyFacilitated = cohort.facilitating();
        boolean any = false;
        List<AssignmentSummary> given = worksheets.assignments(cohort.id());
        if (!given.isEmpty()) {
            any = true;
            UnorderedList list = new UnorderedList();
            list.addClassName("praxis-cards");
            given.forEach(a -> list.add(card(a)));
            add(list);
        }
        if (anyFacilitated) {
            Anchor templates = Links.route(getTranslation("worksheet.templates.open"), "worksheets/templates");
            templates.setId("worksheet-templates-link");
            addComponentAtIndex(1, templates);
        }
        if (!any) {
            Paragraph none = new Paragraph(getTranslation(anyFacilitated ? "worksheet.list.none-facilitator"
                    : "worksheet.list.none"));
            none.setId("no-worksheets");
            none.addClassName("praxis-muted");
            add(none);
        }
    }

    private ListItem card(AssignmentSummary a) {
        ListItem item = new ListItem();
        item.setId("assignment-" + a.id());
        item.addClassName("praxis-card");
        Anchor title = Links.route(a.title(), "worksheets/assignments/" + a.id());
        title.addClassName("praxis-card-title");
        item.add(title);
        StringBuilder meta = new StringBuilder();
        if (a.sessionTitle() != null) {
            meta.append(getTranslation("worksheet.for-session", a.sessionTitle()));
        }
        if (a.dueOn() != null) {
            meta.append(meta.isEmpty() ? "" : " · ").append(getTranslation("worksheet.due", Times.date(a.dueOn(), getLocale())));
        }
        if (a.reviewOn() != null) {
            meta.append(meta.isEmpty() ? "" : " · ")
                    .append(getTranslation("worksheet.review", Times.date(a.reviewOn(), getLocale())));
        }
        if (!meta.isEmpty()) {
            Paragraph line = new Paragraph(meta.toString());
            line.addClassName("praxis-card-line");
            item.add(line);
        }
        Span status = new Span(getTranslation("worksheet.status." + a.myStatus().name().toLowerCase(Locale.ROOT)));
        status.getElement().getThemeList().add(a.myStatus() == ResponseStatus.SUBMITTED ? "badge success" : "badge");
        status.setId("assignment-" + a.id() + "-status");
        Button go = new Button(getTranslation(switch (a.myStatus()) {
            case NOT_STARTED -> "worksheet.start";
            case IN_PROGRESS -> "worksheet.continue";
            case SUBMITTED -> "worksheet.open";
        }), click -> UI.getCurrent().navigate("worksheets/responses/" + worksheets.start(a.id())));
        go.setId("assignment-" + a.id() + "-go");
        if (a.myStatus() != ResponseStatus.SUBMITTED) {
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        go.getElement().setAttribute("aria-label", getTranslation("worksheet.go.label", go.getText(), a.title()));
        item.add(status, go);
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worksheet.list.page-title");
    }
}
