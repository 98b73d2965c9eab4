package org.praxis.accountability.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.CommitmentSummary;
import org.praxis.analysis.AnalysisService;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.conversation.ThreadService;
import org.praxis.session.SessionService;
import org.praxis.worksheet.WorksheetService;

/**
 * The reader's commitments in the cohort on view, soonest due first, with what needs a check-in;
 * a way to record a new one; and the way to the cohort's board (and, for its facilitators, what
 * gets in the way).
 */
@Route(value = "commitments", layout = MainLayout.class)
@Menu(title = "nav.commitments", order = 6, icon = "vaadin:check-square-o")
@PermitAll
public class CommitmentsView extends Main implements HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final transient CommitmentService commitments;
    private final transient CohortPages pages;
    private final transient SessionService sessions;
    private final transient AnalysisService analyses;
    private final transient WorksheetService worksheets;
    private final transient ThreadService threads;

    public CommitmentsView(CommitmentService commitments, CohortPages pages, SessionService sessions,
            AnalysisService analyses, WorksheetService worksheets, ThreadService threads) {
        this.commitments = commitments;
        this.pages = pages;
        this.sessions = sessions;
        this.analyses = analyses;
        this.worksheets = worksheets;
        this.threads = threads;
        setId("commitments-view");
        addClassName("praxis-view");
    }

    /**
     * The reader's commitments in the cohort on view ({@code ?cohort=}); with {@code &session=},
     * the form for a commitment made from that session opens.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("commitment.list.title")));
        var shown = pages.resolve(event, CohortPages.Need.MEMBER,
                () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
        if (shown.isEmpty()) {
            return;
        }
        CurrentCohort.Choice c = shown.get();
        List<CohortChoice> cohorts = List.of(new CohortChoice(c.id(), c.name(), c.closed()));
        java.util.function.Supplier<CommitmentForm> newForm = () -> new CommitmentForm(cohorts, null, commitments,
                sessions, analyses, worksheets, threads, id -> UI.getCurrent().navigate("commitments/" + id));
        HorizontalLayout tools = new HorizontalLayout();
        tools.setWrap(true);
        Button create = new Button(getTranslation("commitment.new"), click -> newForm.get().open());
        create.setId("commitment-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tools.add(create);
        Anchor board = Links.route(getTranslation("commitment.board.open", c.name()), "board?cohort=" + c.id());
        board.setId("board-link-" + c.id());
        tools.add(board);
        if (c.facilitating()) {
            Anchor obstacles = Links.route(getTranslation("commitment.obstacles.open", c.name()), "obstacles?cohort=" + c.id());
            obstacles.setId("obstacles-link-" + c.id());
            tools.add(obstacles);
        }
        add(tools);
        List<CommitmentSummary> mine = commitments.mine().stream().filter(m -> m.cohortId() == c.id()).toList();
        add(new H2(getTranslation("commitment.list.mine")));
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("commitment.list.none"));
            none.setId("no-commitments");
            none.addClassName("praxis-muted");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("praxis-cards");
            list.setId("my-commitments");
            mine.forEach(m -> list.add(card(this, m, false)));
            add(list);
        }
        event.getLocation().getQueryParameters().getSingleParameter("session").filter(s -> s.matches("\\d{1,18}"))
                .map(Long::valueOf).ifPresent(session -> newForm.get().forSession(c.id(), session).open());
    }

    /** A commitment as a card; {@code withAuthor} on the board. */
    static ListItem card(com.vaadin.flow.component.Component owner, CommitmentSummary c, boolean withAuthor) {
        ListItem item = new ListItem();
        item.setId("commitment-" + c.id());
        item.addClassName("praxis-card");
        Anchor title = Links.route(c.what().length() > 140 ? c.what().substring(0, 140) + "…" : c.what(),
                "commitments/" + c.id());
        title.addClassName("praxis-card-title");
        item.add(title);
        Span status = new Span(owner.getTranslation("commitment.status." + c.status().name().toLowerCase(Locale.ROOT)));
        status.getElement().getThemeList().add(c.status() == CommitmentStatus.DONE ? "badge success"
                : c.status() == CommitmentStatus.STUCK ? "badge error" : "badge");
        item.add(status);
        StringBuilder meta = new StringBuilder();
        if (withAuthor) {
            meta.append(c.authorName()).append(" · ");
        }
        meta.append(owner.getTranslation("commitment.by", Times.date(c.dueOn(), UI.getCurrent().getLocale())));
        if (!withAuthor) {
            meta.append(" · ").append(owner.getTranslation("commitment.sharing." + c.sharing().name().toLowerCase(Locale.ROOT)));
        }
        Paragraph line = new Paragraph(meta.toString());
        line.addClassName("praxis-card-line");
        item.add(line);
        if (c.overdue()) {
            Span overdue = new Span(owner.getTranslation("commitment.overdue"));
            overdue.getElement().getThemeList().add("badge error");
            item.add(overdue);
        } else if (!withAuthor && c.checkInDue()) {
            Span due = new Span(owner.getTranslation("commitment.check-in-due"));
            due.getElement().getThemeList().add("badge contrast");
            due.setId("commitment-" + c.id() + "-due");
            item.add(due);
        }
        if (c.latestNote() != null) {
            Paragraph latest = new Paragraph(owner.getTranslation("commitment.latest", c.latestNote()));
            latest.addClassName("praxis-card-line");
            item.add(latest);
        }
        if (withAuthor && c.helpers() > 0) {
            Span helpers = new Span(owner.getTranslation("commitment.helpers.count", c.helpers()));
            helpers.addClassName("praxis-muted");
            item.add(helpers);
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("commitment.list.page-title");
    }
}
