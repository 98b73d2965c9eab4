package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.WorksheetService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Home's news from the library and the worksheets, made through their services: what others shared
 * and commented on one's own analysis, the worksheets waiting with their due date — and nothing of
 * another cohort, and no one's draft.
 */
class HomeNewsBlocksTest extends KaribuTest {

    @Autowired
    AnalysisService analyses;
    @Autowired
    TemplateService templates;
    @Autowired
    WorksheetService worksheets;

    private long analysis(long cohort, String title) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "Everyone gets the same English form, for " + s.key());
        }
        return analyses.create(cohort, new AnalysisDraft(title, null, PolicyArea.LANGUAGE_ACCESS,
                Set.of(Dimension.LANGUAGE), List.of("intake"), sections, Set.of()));
    }

    @Test
    void the_library_block_shows_what_peers_shared_and_comments_on_mine_but_no_draft_and_no_other_cohort() {
        long cohort = data.cohort();
        long elsewhere = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person stranger = data.personIn(elsewhere, Role.MEMBER);
        data.signIn(me);
        long mine = analysis(cohort, TestData.unique("Our intake form"));
        analyses.share(mine);
        data.signIn(peer);
        long theirs = analysis(cohort, TestData.unique("Interpreters on call"));
        analyses.share(theirs);
        long draft = analysis(cohort, TestData.unique("A draft of the peer"));
        analyses.comment(mine, Section.values()[0], "Who wrote the form first?");
        data.signIn(stranger);
        long foreign = analysis(elsewhere, TestData.unique("Their analysis"));
        analyses.share(foreign);
        signInAs(me);

        navigate("");

        assertThat(_get(ListItem.class, spec -> spec.withId("home-analysis-" + theirs)).getElement().getTextRecursively())
                .contains("Interpreters on call").contains("Shared by " + peer.name());
        assertThat(_get(ListItem.class, spec -> spec.withId("home-analysis-comments-" + mine)).getElement()
                .getTextRecursively()).contains("Comments on yours").contains("One new comment").contains(peer.name());
        _assertNone(ListItem.class, spec -> spec.withId("home-analysis-" + draft));
        _assertNone(ListItem.class, spec -> spec.withId("home-analysis-" + foreign));
        // one's own sharing is no news to oneself
        _assertNone(ListItem.class, spec -> spec.withId("home-analysis-" + mine));
    }

    @Test
    void the_worksheets_block_shows_what_waits_with_its_due_date_and_never_another_cohorts() {
        long cohort = data.cohort();
        long elsewhere = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        TestData.Person theirFacilitator = data.personIn(elsewhere, Role.FACILITATOR);
        LocalDate due = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(3);
        data.signIn(facilitator);
        long assignment = worksheets.assign(templates.starter("after-action"), cohort, null, due, null);
        data.signIn(theirFacilitator);
        long foreign = worksheets.assign(templates.starter("after-action"), elsewhere, null, null, null);
        signInAs(me);

        navigate("");

        String card = _get(ListItem.class, spec -> spec.withId("home-worksheet-" + assignment)).getElement()
                .getTextRecursively();
        assertThat(card).contains("New").contains("Not started")
                .contains("Due " + org.praxis.base.ui.Times.date(due, java.util.Locale.ENGLISH));
        _assertNone(ListItem.class, spec -> spec.withId("home-worksheet-" + foreign));
    }
}
