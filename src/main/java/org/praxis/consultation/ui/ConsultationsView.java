package org.praxis.consultation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
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
import java.util.List;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.ClosedCohortNotice;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.consultation.ConsultationService;
import org.praxis.consultation.ConsultationSummary;
import org.praxis.consultation.Mode;

/** The cohort's peer consultations, newest first, each with its stage; anyone in the cohort brings one. */
@Route(value = "consultations", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.consultations", order = 2.5, icon = "vaadin:lightbulb")
public class ConsultationsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient CohortAccess access;
    private final transient CohortPages pages;

    public ConsultationsView(ConsultationService consultations, CohortAccess access, CohortPages pages) {
        this.consultations = consultations;
        this.access = access;
        this.pages = pages;
        setId("consultations-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("consultations.title")));
        add(new Paragraph(getTranslation("consultations.intro")));
        pages.resolve(event, CohortPages.Need.MEMBER, () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)))
                .ifPresent(this::show);
    }

    private void show(CurrentCohort.Choice cohort) {
        ClosedCohortNotice.of(this, access, cohort.id()).ifPresent(this::add);
        if (!cohort.closed()) {
            var bring = Links.route(getTranslation("consultations.bring"), "consultations/new?cohort=" + cohort.id());
            bring.setId("bring-consultation");
            bring.addClassName("praxis-button-link");
            add(bring);
        }
        List<ConsultationSummary> list = consultations.list(cohort.id());
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("consultations.none"));
            none.setId("no-consultations");
            none.addClassName("praxis-muted");
            add(none);
            return;
        }
        UnorderedList items = new UnorderedList();
        items.setId("consultations");
        items.addClassName("praxis-cards");
        for (ConsultationSummary c : list) {
            items.add(card(c));
        }
        add(items);
    }

    private ListItem card(ConsultationSummary c) {
        ListItem item = new ListItem();
        item.setId("consultation-" + c.id());
        item.addClassName("praxis-card");
        var link = Links.route(c.title(), "consultations/" + c.id());
        link.addClassName("praxis-card-title");
        item.add(link);
        Span stage = new Span(ConsultationTexts.stage(this, c.stage()));
        stage.getElement().getThemeList().add("badge contrast");
        item.add(stage);
        item.add(line(c.presenterName() == null ? getTranslation("consultation.brought-by.former")
                : getTranslation("consultation.brought-by", c.presenterName())));
        if (c.mode() != null) {
            item.add(line(c.mode() == Mode.IN_SESSION && c.sessionTitle() != null
                    ? getTranslation("consultation.in-session", c.sessionTitle())
                    : getTranslation("consultation.async")));
        }
        if (c.stageEndsAt() != null) {
            item.add(line(getTranslation("consultation.ends", ConsultationTexts.when(this, c.stageEndsAt()))));
        }
        return item;
    }

    private Div line(String text) {
        Div line = new Div();
        line.setText(text);
        line.addClassName("praxis-card-line");
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consultations.page-title");
    }
}
