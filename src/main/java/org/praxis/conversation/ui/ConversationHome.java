package org.praxis.conversation.ui;

import com.vaadin.flow.component.Component;
import java.util.Map;
import java.util.Optional;
import org.praxis.base.ui.Times;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadReads;

/**
 * What the conversations add to a cohort's home: new replies in the threads the reader follows
 * (for everyone), and for facilitators the open reports and the members who have not acknowledged
 * the current agreements. Each block reads through its service, which checks the reader's rights.
 */
final class ConversationHome {

    private ConversationHome() {
    }

    private static String cohort(HomeContext home) {
        return CohortPages.PARAMETER + "=" + home.cohortId();
    }

    /** New replies since the last visit in threads the reader follows, each opening at the first of them. */
    @org.springframework.stereotype.Component
    static class Replies implements HomeContribution {

        static final int LIMIT = 8;

        private final ThreadReads reads;

        Replies(ThreadReads reads) {
            this.reads = reads;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.NEW;
        }

        @Override
        public int position() {
            return 10;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            HomeBlock block = new HomeBlock(home, "home-replies", home.t("home.replies"));
            block.empty(home.t("home.replies.none"));
            for (ThreadReads.NewReplies r : reads.newRepliesSince(home.cohortId(), home.since(), LIMIT)) {
                String when = Times.dateTime(r.lastAt(), home.zone(), home.locale());
                block.card("home-replies-" + r.threadId(), r.title(), "threads/" + r.threadId() + "?post=" + r.firstPostId())
                        .line(home.t("home.replies.count", r.count(), when,
                                r.lastBy() == null ? home.t("post.name-hidden") : r.lastBy()));
            }
            block.link("home-commons", home.t("home.replies.commons"), "commons?" + cohort(home));
            return Optional.of(block);
        }
    }

    /** For facilitators: the open reports of the cohort's posts, with a link to them. */
    @org.springframework.stereotype.Component
    static class Reports implements HomeContribution {

        private final ModerationService moderation;

        Reports(ModerationService moderation) {
            this.moderation = moderation;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.NEEDS_YOU;
        }

        @Override
        public int position() {
            return 10;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            if (!home.facilitator()) {
                return Optional.empty();
            }
            HomeBlock block = new HomeBlock(home, "home-reports", home.t("home.reports"));
            block.empty(home.t("home.reports.none"));
            int open = moderation.openReportCount(home.cohortId());
            if (open > 0) {
                block.card("home-reports-open", home.t("home.reports.open", open), "reports");
            }
            return Optional.of(block);
        }
    }

    /** For facilitators: who has not acknowledged the cohort's current agreements. */
    @org.springframework.stereotype.Component
    static class Agreements implements HomeContribution {

        private final AgreementService agreements;

        Agreements(AgreementService agreements) {
            this.agreements = agreements;
        }

        @Override
        public HomeContext.Group group() {
            return HomeContext.Group.NEEDS_YOU;
        }

        @Override
        public int position() {
            return 50;
        }

        @Override
        public Optional<Component> block(HomeContext home) {
            if (!home.facilitator()) {
                return Optional.empty();
            }
            HomeBlock block = new HomeBlock(home, "home-agreements", home.t("home.agreements"));
            block.empty(home.t("home.agreements.none"));
            Map<Long, String> pending = agreements.notAcknowledged(home.cohortId());
            if (!pending.isEmpty()) {
                block.card("home-agreements-pending", home.t("home.agreements.pending", pending.size()),
                        "agreements?" + cohort(home)).line(String.join(", ", pending.values()));
            }
            return Optional.of(block);
        }
    }
}
