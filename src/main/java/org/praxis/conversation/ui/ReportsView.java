package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ReportItem;

/** Reports of posts waiting for the facilitators (or, about a facilitator, the admins). */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({"FACILITATOR", "ADMIN"})
@Menu(title = "nav.reports", order = 20, icon = "vaadin:flag-o")
public class ReportsView extends Main implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final transient ModerationService moderation;

    public ReportsView(ModerationService moderation) {
        this.moderation = moderation;
        setId("reports-view");
        addClassName("praxis-view");
    }

    /** Read afresh on every visit: reports come and go. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("reports.title")));
        List<ReportItem> reports = moderation.openReports();
        if (reports.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("reports.none"));
            none.setId("no-reports");
            none.addClassName("praxis-muted");
            add(none);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("reports");
        list.addClassName("praxis-cards");
        for (ReportItem r : reports) {
            ListItem item = new ListItem();
            item.setId("report-" + r.id());
            item.addClassName("praxis-card");
            var link = Links.route(getTranslation("reports.in", r.threadTitle(), r.cohortName()), "threads/" + r.threadId());
            link.addClassName("praxis-card-title");
            Paragraph reason = new Paragraph(r.reason());
            reason.setId("report-reason-" + r.id());
            Span meta = new Span(getTranslation("reports.by", r.reporterName(),
                    Times.dateTime(r.createdAt(), ZoneId.of("America/Los_Angeles"), getLocale())));
            meta.addClassName("praxis-card-line");
            item.add(link, reason, meta);
            if (r.toAdmins()) {
                Span admins = new Span(getTranslation("reports.to-admins"));
                admins.getElement().getThemeList().add("badge error");
                item.add(admins);
            }
            Button resolve = new Button(getTranslation("reports.resolve"), click -> {
                moderation.resolve(r.id());
                render();
            });
            resolve.setId("resolve-" + r.id());
            resolve.addThemeVariants(ButtonVariant.LUMO_SMALL);
            item.add(resolve);
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.page-title");
    }
}
