package org.praxis.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortDetails;
import org.praxis.cohort.CohortService;

/** For admins: every cohort, active ones first, then closed ones; each leads to its page. */
@Route(value = "admin/cohorts", layout = MainLayout.class)
@RolesAllowed("ADMIN")
@Menu(title = "nav.cohorts-admin", order = 29, icon = "vaadin:group")
public class CohortsAdminView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final transient CohortService cohorts;

    public CohortsAdminView(CohortService cohorts) {
        this.cohorts = cohorts;
        setId("cohorts-admin-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("cohorts-admin.title")), new Paragraph(getTranslation("cohorts-admin.intro")));
        Button create = new Button(getTranslation("cohorts-admin.new"),
                click -> getUI().ifPresent(ui -> ui.navigate("admin/cohorts/new")));
        create.setId("cohorts-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        List<CohortDetails> all = cohorts.all();
        add(new H2(getTranslation("cohorts-admin.active")));
        add(list("cohorts-active", "cohorts-admin.none-active", all.stream().filter(c -> !c.closed()).toList()));
        add(new H2(getTranslation("cohorts-admin.closed")));
        add(list("cohorts-closed", "cohorts-admin.none-closed", all.stream().filter(CohortDetails::closed).toList()));
    }

    private com.vaadin.flow.component.Component list(String id, String noneKey, List<CohortDetails> items) {
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(noneKey));
            none.setId(id + "-none");
            none.addClassName("praxis-muted");
            return none;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("praxis-cards");
        for (CohortDetails c : items) {
            ListItem item = new ListItem();
            item.addClassName("praxis-card");
            item.setId("cohort-item-" + c.id());
            var link = Links.route(c.name(), "admin/cohorts/" + c.id());
            link.setId("cohort-link-" + c.id());
            link.addClassName("praxis-card-title");
            item.add(link);
            item.add(line(dates(c)));
            item.add(line(getTranslation("cohorts-admin.counts", c.facilitatorCount(), c.memberCount(), c.capacity())));
            if (c.closed()) {
                item.add(line(getTranslation("cohorts-admin.closed-on",
                        Times.date(c.closedAt().atZoneSameInstant(java.time.ZoneId.of(c.timeZone())).toLocalDate(),
                                getLocale()))));
            } else if (c.applicationsOpen()) {
                Span open = new Span(getTranslation("cohorts-admin.applications-open"));
                open.getElement().getThemeList().add("badge success");
                item.add(open);
            }
            list.add(item);
        }
        return list;
    }

    private String dates(CohortDetails c) {
        if (c.startsOn() != null && c.endsOn() != null) {
            return getTranslation("cohorts-admin.dates", Times.date(c.startsOn(), getLocale()),
                    Times.date(c.endsOn(), getLocale()));
        }
        if (c.startsOn() != null) {
            return getTranslation("cohorts-admin.starts", Times.date(c.startsOn(), getLocale()));
        }
        return getTranslation("cohorts-admin.no-dates");
    }

    private Paragraph line(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("praxis-card-line");
        return p;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cohorts-admin.page-title");
    }
}
