package org.praxis.conversation.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.SafeHtml;
import org.praxis.base.ui.Times;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ReportItem;

/**
 * Reports of posts for the facilitators of the post's cohort (or, about a facilitator, the
 * admins): each quotes the post as they may read it and links to it in its thread; handling one
 * records what was done. Handled reports leave the open list and stay readable below it.
 * {@code ?report=} (from a notification) brings one report into view.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({"FACILITATOR", "ADMIN"})
@Menu(title = "nav.reports", order = 20, icon = "vaadin:flag-o")
public class ReportsView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final transient ModerationService moderation;
    private Long focus;

    public ReportsView(ModerationService moderation) {
        this.moderation = moderation;
        setId("reports-view");
        addClassName("praxis-view");
    }

    /** Read afresh on every visit: reports come and go. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        focus = event.getLocation().getQueryParameters().getSingleParameter("report")
                .filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        render();
    }

    void render() {
        removeAll();
        add(new H1(getTranslation("reports.title")));
        List<ReportItem> open = moderation.openReports();
        Section openSection = new Section(new H2(getTranslation("reports.open", open.size())));
        openSection.setId("open-reports");
        if (open.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("reports.none"));
            none.setId("no-reports");
            none.addClassName("praxis-muted");
            openSection.add(none);
        } else {
            openSection.add(list("reports", open));
        }
        add(openSection);
        List<ReportItem> handled = moderation.handledReports();
        if (!handled.isEmpty()) {
            Section handledSection = new Section(new H2(getTranslation("reports.handled")));
            handledSection.setId("handled-reports");
            handledSection.add(list("handled-report-list", handled));
            add(handledSection);
        }
    }

    private UnorderedList list(String id, List<ReportItem> reports) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("praxis-cards");
        for (ReportItem r : reports) {
            ListItem item = card(r);
            list.add(item);
            if (focus != null && focus == r.id()) {
                item.getElement().executeJs("this.scrollIntoView({block: 'start'})");
            }
        }
        return list;
    }

    private ListItem card(ReportItem r) {
        ListItem item = new ListItem();
        item.setId("report-" + r.id());
        item.addClassName("praxis-card");
        var link = Links.route(getTranslation("reports.in", r.threadTitle(), r.cohortName()), r.postPath());
        link.setId("report-link-" + r.id());
        link.addClassName("praxis-card-title");
        item.add(link, quote(r));
        Paragraph reason = new Paragraph(r.reason());
        reason.setId("report-reason-" + r.id());
        Span reasonLabel = new Span(getTranslation("reports.reason"));
        reasonLabel.addClassName("praxis-post-author");
        Div concern = new Div(reasonLabel, reason);
        Span meta = new Span(getTranslation("reports.by", r.reporterName() == null ? getTranslation("member.former")
                : r.reporterName(), Times.dateTime(r.createdAt(), r.zone(), getLocale())));
        meta.addClassName("praxis-card-line");
        item.add(concern, meta);
        if (r.toAdmins()) {
            Span admins = new Span(getTranslation("reports.to-admins"));
            admins.getElement().getThemeList().add("badge error");
            item.add(admins);
        }
        if (r.handled()) {
            Paragraph done = new Paragraph(getTranslation("reports.handled-line",
                    r.action() == null ? getTranslation("reports.action.unknown")
                            : getTranslation("reports.action." + r.action().name().toLowerCase(Locale.ROOT)),
                    r.handledByName() == null ? getTranslation("member.former") : r.handledByName(),
                    Times.dateTime(r.handledAt(), r.zone(), getLocale())));
            done.setId("report-handled-" + r.id());
            item.add(done);
            if (r.note() != null) {
                Paragraph note = new Paragraph(getTranslation("reports.note-line", r.note()));
                note.setId("report-note-" + r.id());
                item.add(note);
            }
        } else {
            Button handle = new Button(getTranslation("reports.handle"), click -> new HandleReportDialog(moderation, r,
                    this::render).open());
            handle.setId("handle-" + r.id());
            handle.getElement().setAttribute("aria-label", getTranslation("reports.handle.label", r.threadTitle()));
            handle.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            item.add(handle);
        }
        return item;
    }

    /** The post as the reader may read it: the name only where the hidden-name rule lets them know it. */
    private Div quote(ReportItem r) {
        Div box = new Div();
        box.setId("report-quote-" + r.id());
        box.addClassName("praxis-prose");
        Span author = new Span(getTranslation("reports.quote.author",
                r.authorName() == null ? getTranslation("post.name-hidden") : r.authorName()));
        author.setId("report-author-" + r.id());
        author.addClassName("praxis-post-author");
        Quote quote = new Quote();
        switch (r.postState()) {
            case REMOVED -> quote.add(new Paragraph(getTranslation("post.removed")));
            case HIDDEN -> {
                quote.add(new Paragraph(getTranslation("post.hidden")));
                quote.add(new SafeHtml(r.postHtml()));
            }
            default -> quote.add(new SafeHtml(r.postHtml()));
        }
        box.add(author, quote);
        if (r.authorNameHidden() && r.authorName() != null) {
            Span hidden = new Span(getTranslation("post.name-hidden-from-peers"));
            hidden.getElement().getThemeList().add("badge contrast");
            box.addComponentAtIndex(1, hidden);
        }
        return box;
    }

    @Tag("blockquote")
    private static final class Quote extends HtmlContainer {
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.page-title");
    }
}
