package org.praxis.accountability.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.CommitmentSummary;
import org.praxis.base.ui.Times;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;

/**
 * What commitments add to home: the reader's own open commitments in the cohort, with check-ins
 * due and what is overdue said in words; for facilitators, the stuck and overdue commitments
 * shared with them (never a private one: the service's rule).
 */
final class CommitmentsHome {

    private CommitmentsHome() {
    }

    private static HomeBlock.Card card(HomeBlock block, HomeContext home, String prefix, CommitmentSummary c,
            boolean withAuthor) {
        HomeBlock.Card card = block.card(prefix + c.id(), c.what(), "commitments/" + c.id());
        card.badge(home.t("commitment.status." + c.status().name().toLowerCase(Locale.ROOT)),
                c.status() == CommitmentStatus.STUCK ? "error" : "contrast");
        if (c.overdue()) {
            card.badge(home.t("commitment.overdue"), "error");
        }
        if (c.checkInDue()) {
            card.badge(home.t("commitment.check-in-due"), "primary");
        }
        if (withAuthor) {
            card.line(c.authorName());
        }
        if (c.dueOn() != null) {
            card.line(home.t("home.commitments.due", Times.date(c.dueOn(), home.locale())));
        }
        return card;
    }

    /** The reader's open commitments in this cohort. */
    @org.springframework.stereotype.Component
    static class Mine implements HomeContribution {

        private final CommitmentService commitments;

        Mine(CommitmentService commitments) {
            this.commitments = commitments;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.MINE;
        }

        @Override
        public int position() {
            return 10;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            HomeBlock block = new HomeBlock(home, "home-commitments", home.t("home.commitments"));
            block.empty(home.t("home.commitments.none"));
            List<CommitmentSummary> open = commitments.mine().stream()
                    .filter(c -> c.cohortId() == home.cohortId() && c.status() != CommitmentStatus.DONE).toList();
            open.forEach(c -> card(block, home, "home-commitment-", c, false));
            block.link("home-commitments-link", home.t("home.commitments.all"),
                    "commitments?" + CohortPages.PARAMETER + "=" + home.cohortId());
            return Optional.of(block);
        }
    }

    /** For facilitators: stuck or overdue commitments shared with them. */
    @org.springframework.stereotype.Component
    static class Attention implements HomeContribution {

        private final CommitmentService commitments;

        Attention(CommitmentService commitments) {
            this.commitments = commitments;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.NEEDS_YOU;
        }

        @Override
        public int position() {
            return 30;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            if (!home.facilitator()) {
                return Optional.empty();
            }
            HomeBlock block = new HomeBlock(home, "home-attention", home.t("home.attention"));
            block.empty(home.t("board.attention.none"));
            commitments.needingAttention(home.cohortId()).forEach(c -> card(block, home, "home-attention-", c, true));
            block.link("home-board-link", home.t("home.attention.board"),
                    "board?" + CohortPages.PARAMETER + "=" + home.cohortId());
            return Optional.of(block);
        }
    }
}
