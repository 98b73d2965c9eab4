package org.praxis.worksheet.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.praxis.base.ui.Times;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;
import org.praxis.worksheet.AssignmentSummary;
import org.praxis.worksheet.CompletionRow;
import org.praxis.worksheet.ResponseStatus;
import org.praxis.worksheet.WorksheetReports;
import org.praxis.worksheet.WorksheetService;

/**
 * What worksheets add to home: for everyone, the worksheets still to fill (new since the last
 * visit, and what is due, soonest first); for facilitators, how far the cohort is with the latest
 * assignment — counts of the statuses facilitators already see member by member, never answers.
 */
final class WorksheetHome {

    private WorksheetHome() {
    }

    private static String route(AssignmentSummary a) {
        return a.myResponseId() != null ? "worksheets/responses/" + a.myResponseId() : "worksheets/assignments/" + a.id();
    }

    /** Worksheets to fill: not submitted yet, new or with a due date. */
    @org.springframework.stereotype.Component
    static class ToFill implements HomeContribution {

        static final int LIMIT = 6;

        private final WorksheetService worksheets;
        private final java.time.Clock clock;

        ToFill(WorksheetService worksheets, java.time.Clock clock) {
            this.worksheets = worksheets;
            this.clock = clock;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.NEW;
        }

        @Override
        public int position() {
            return 30;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            HomeBlock block = new HomeBlock(home, "home-worksheets", home.t("home.worksheets"));
            block.empty(home.t("home.worksheets.none"));
            Set<Long> fresh = worksheets.assignedSince(home.cohortId(), home.since());
            LocalDate today = LocalDate.now(clock.withZone(home.zone()));
            List<AssignmentSummary> open = worksheets.assignments(home.cohortId()).stream()
                    .filter(a -> a.myStatus() != ResponseStatus.SUBMITTED)
                    .filter(a -> fresh.contains(a.id()) || a.dueOn() != null)
                    .sorted(Comparator.comparing(AssignmentSummary::dueOn, Comparator.nullsLast(Comparator.naturalOrder())))
                    .limit(LIMIT).toList();
            for (AssignmentSummary a : open) {
                HomeBlock.Card card = block.card("home-worksheet-" + a.id(), a.title(), route(a));
                if (fresh.contains(a.id())) {
                    card.badge(home.t("home.new"), "success");
                }
                if (a.dueOn() != null) {
                    card.badge(home.t(a.dueOn().isBefore(today) ? "home.worksheets.overdue" : "home.worksheets.due",
                            Times.date(a.dueOn(), home.locale())), a.dueOn().isBefore(today) ? "error" : "contrast");
                }
                card.line(home.t("worksheet.status." + a.myStatus().name().toLowerCase(java.util.Locale.ROOT)));
            }
            block.link("home-worksheets-link", home.t("home.worksheets.all"),
                    "worksheets?" + CohortPages.PARAMETER + "=" + home.cohortId());
            return Optional.of(block);
        }
    }

    /** For facilitators: how many members have submitted, started or not started the latest assignment. */
    @org.springframework.stereotype.Component
    static class Completion implements HomeContribution {

        private final WorksheetService worksheets;
        private final WorksheetReports reports;

        Completion(WorksheetService worksheets, WorksheetReports reports) {
            this.worksheets = worksheets;
            this.reports = reports;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.NEEDS_YOU;
        }

        @Override
        public int position() {
            return 40;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            if (!home.facilitator()) {
                return Optional.empty();
            }
            HomeBlock block = new HomeBlock(home, "home-completion", home.t("home.completion"));
            block.empty(home.t("home.completion.none"));
            // the latest assignment: the list is newest first
            worksheets.assignments(home.cohortId()).stream().findFirst().ifPresent(a -> {
                Map<ResponseStatus, Long> counts = reports.completion(a.id()).stream()
                        .collect(Collectors.groupingBy(CompletionRow::status, Collectors.counting()));
                long total = counts.values().stream().mapToLong(Long::longValue).sum();
                block.card("home-completion-" + a.id(), a.title(), "worksheets/assignments/" + a.id())
                        .line(home.t("home.completion.counts", counts.getOrDefault(ResponseStatus.SUBMITTED, 0L), total,
                                counts.getOrDefault(ResponseStatus.IN_PROGRESS, 0L),
                                counts.getOrDefault(ResponseStatus.NOT_STARTED, 0L)));
            });
            return Optional.of(block);
        }
    }
}
