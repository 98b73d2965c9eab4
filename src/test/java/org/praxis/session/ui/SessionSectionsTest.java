package org.praxis.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.base.ui.NotFoundView;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionSection;
import org.praxis.session.SessionService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The sections other features put on a session's page through {@link SessionSection}: the
 * cohort's people see them as before, and someone of another cohort sees none of them — neither
 * on the page nor by asking a section for the session directly.
 */
class SessionSectionsTest extends KaribuTest {

    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analyses;
    @Autowired
    TemplateService templates;
    @Autowired
    WorksheetService worksheets;
    @Autowired
    List<SessionSection> sections;

    long cohort;
    long session;
    long analysis;
    long assignment;
    TestData.Person facilitator;
    TestData.Person peer;
    TestData.Person outsider;

    @BeforeEach
    void aSessionWithAnAnalysisAndAWorksheet() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        outsider = data.personIn(data.cohort(), Role.MEMBER);
        session = data.session(cohort, "Money and access");
        data.signIn(author);
        Map<Section, String> text = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            text.put(s, "Fees keep people out, for " + s.key());
        }
        analysis = analyses.create(cohort, new AnalysisDraft("Sliding fees at the clinic", null, PolicyArea.HIRING,
                Set.of(Dimension.LANGUAGE), List.of(), text, Set.of()));
        analyses.share(analysis);
        data.signIn(facilitator);
        analyses.linkToSession(analysis, session, true);
        long template = templates.create(cohort, WorksheetServiceTestSupport.everyKind("Power map"));
        assignment = worksheets.assign(template, cohort, session, null, null);
    }

    @Test
    void the_cohort_sees_the_sections_in_order_with_the_link_to_commit() {
        signInAs(peer);
        navigate("sessions/" + session);
        assertThat(_get(ListItem.class, spec -> spec.withId("session-analysis-" + analysis)).getElement()
                .getTextRecursively()).contains("Sliding fees at the clinic").contains("Featured");
        assertThat(_get(ListItem.class, spec -> spec.withId("session-worksheet-" + assignment)).getElement()
                .getTextRecursively()).contains("Power map").contains("Not started");
        assertThat(_get(Anchor.class, spec -> spec.withId("session-commit")).getHref())
                .isEqualTo("commitments?cohort=" + cohort + "&session=" + session);
        var page = _get(SessionView.class, spec -> { }).getElement();
        int analysesAt = page.indexOfChild(_get(UnorderedList.class, spec -> spec.withId("session-analyses")).getElement());
        int worksheetsAt = page.indexOfChild(_get(UnorderedList.class, spec -> spec.withId("session-worksheets")).getElement());
        assertThat(analysesAt).isPositive().isLessThan(worksheetsAt);
    }

    @Test
    void someone_of_another_cohort_sees_no_section_of_the_session() {
        signInAs(outsider);
        navigate("sessions/" + session);
        _assertOne(NotFoundView.class);
        _assertNone(UnorderedList.class, spec -> spec.withId("session-analyses"));
        _assertNone(UnorderedList.class, spec -> spec.withId("session-worksheets"));
        _assertNone(Anchor.class, spec -> spec.withId("session-commit"));
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain("Sliding fees", "Power map");

        // a section checks the reader itself, whoever hands it the session
        data.signIn(peer);
        SessionDetails details = sessions.get(session);
        data.signIn(outsider);
        for (SessionSection section : sections) {
            if (section.getClass().getSimpleName().equals("CommitmentSessionSection")) {
                continue; // a link only; the commitments page checks the cohort
            }
            assertThatThrownBy(() -> section.of(details)).as(section.getClass().getSimpleName())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(sections).hasSizeGreaterThanOrEqualTo(3);
    }
}
