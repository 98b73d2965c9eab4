package org.praxis.accountability.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.CommitmentSummary;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * A cohort's accountability board: the commitments its members shared with the cohort, grouped
 * by status, with the latest check-in. Its facilitators also see what is overdue or stuck among
 * everything shared with them. {@code ?cohort=}
 */
@Route(value = "board", layout = MainLayout.class)
@PermitAll
public class BoardView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CommitmentService commitments;
    private final transient CohortAccess access;
    private final transient CohortPages pages;

    public BoardView(CommitmentService commitments, CohortAccess access, CohortPages pages) {
        this.commitments = commitments;
        this.access = access;
        this.pages = pages;
        setId("board-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.MEMBER, () -> add(
                new H1(getTranslation("board.title")), CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
        if (cohort.isEmpty()) {
            return;
        }
        long cohortId = cohort.get().id();
        CohortRole role;
        List<CommitmentSummary> board;
        try {
            role = access.requireMember(cohortId);
            board = commitments.board(cohortId);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H1(getTranslation("board.title")));
        Paragraph intro = new Paragraph(getTranslation("board.intro"));
        intro.addClassName("praxis-muted");
        add(intro);
        if (role == CohortRole.FACILITATOR) {
            Section attention = new Section(new H2(getTranslation("board.attention")));
            attention.setId("board-attention");
            List<CommitmentSummary> needing = commitments.needingAttention(cohortId);
            if (needing.isEmpty()) {
                attention.add(new Paragraph(getTranslation("board.attention.none")));
            } else {
                UnorderedList list = new UnorderedList();
                list.addClassName("praxis-cards");
                needing.forEach(c -> list.add(CommitmentsView.card(this, c, true)));
                attention.add(list);
            }
            add(attention);
        }
        Div columns = new Div();
        columns.addClassName("praxis-board");
        for (CommitmentStatus status : CommitmentStatus.values()) {
            List<CommitmentSummary> in = board.stream().filter(c -> c.status() == status).toList();
            Section column = new Section(new H2(getTranslation("board.column",
                    getTranslation("commitment.status." + status.name().toLowerCase(Locale.ROOT)), in.size())));
            column.setId("board-" + status.name().toLowerCase(Locale.ROOT));
            UnorderedList list = new UnorderedList();
            list.addClassName("praxis-cards");
            in.forEach(c -> list.add(CommitmentsView.card(this, c, true)));
            column.add(list);
            columns.add(column);
        }
        add(columns);
        if (board.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("board.none"));
            none.setId("board-empty");
            add(none);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("board.page-title");
    }
}
