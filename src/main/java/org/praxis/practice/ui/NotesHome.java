package org.praxis.practice.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.praxis.base.ui.Times;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;
import org.praxis.practice.NoteSummary;
import org.praxis.practice.PracticeNoteService;

/** Home's block of practice notes others of the cohort posted since the last visit, that the reader may read. */
@org.springframework.stereotype.Component
class NotesHome implements HomeContribution {

    static final int LIMIT = 5;

    private final PracticeNoteService notes;

    NotesHome(PracticeNoteService notes) {
        this.notes = notes;
    }

    @Override
    public HomeContext.Group group() {
        return HomeContext.Group.NEW;
    }

    @Override
    public int position() {
        return 25;
    }

    @Override
    public Optional<Component> block(HomeContext home) {
        HomeBlock block = new HomeBlock(home, "home-notes", home.t("home.notes"));
        block.empty(home.t("home.notes.none"));
        for (NoteSummary n : notes.newInCohortSince(home.cohortId(), home.since(), LIMIT)) {
            block.card("home-note-" + n.id(), n.title(), "notes/" + n.id())
                    .line(home.t("home.notes.line", n.authorName() == null ? home.t("member.former") : n.authorName(),
                            Times.dateTime(n.postedAt(), home.zone(), home.locale())));
        }
        block.link("home-notes-link", home.t("home.notes.all"), "notes?" + CohortPages.PARAMETER + "=" + home.cohortId());
        return Optional.of(block);
    }
}
