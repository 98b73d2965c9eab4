package org.praxis.analysis.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.praxis.analysis.AnalysisService;
import org.praxis.base.ui.Times;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;

/** Home's library block: comments by others on the reader's analyses, then analyses others shared, since the last visit. */
@org.springframework.stereotype.Component
class LibraryHome implements HomeContribution {

    static final int LIMIT = 6;

    private final AnalysisService analyses;

    LibraryHome(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public HomeContext.Group group() {
        return HomeContext.Group.NEW;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Optional<Component> block(HomeContext home) {
        HomeBlock block = new HomeBlock(home, "home-library", home.t("home.library"));
        block.empty(home.t("home.library.none"));
        for (AnalysisService.CommentNews c : analyses.commentsOnMineSince(home.cohortId(), home.since(), LIMIT)) {
            block.card("home-analysis-comments-" + c.id(), c.title(), "analyses/" + c.id())
                    .badge(home.t("home.library.on-yours"), "contrast")
                    .line(home.t("home.library.comments", c.count(), Times.dateTime(c.lastAt(), home.zone(), home.locale()),
                            c.lastBy()));
        }
        for (AnalysisService.LibraryNews a : analyses.sharedInLibrarySince(home.cohortId(), home.since(), LIMIT)) {
            block.card("home-analysis-" + a.id(), a.title(), "analyses/" + a.id())
                    .line(home.t("home.library.shared", String.join(", ", a.authors()),
                            Times.dateTime(a.sharedAt(), home.zone(), home.locale())));
        }
        block.link("home-library-link", home.t("home.library.all"), "library?" + CohortPages.PARAMETER + "=" + home.cohortId());
        return Optional.of(block);
    }
}
