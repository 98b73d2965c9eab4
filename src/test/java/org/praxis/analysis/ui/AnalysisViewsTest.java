package org.praxis.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.AnalysisDetails;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.AnalysisStatus;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class AnalysisViewsTest extends KaribuTest {

    @Autowired
    AnalysisService analyses;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person coAuthor;
    TestData.Person peer;

    @BeforeEach
    void cohortOfFour() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        coAuthor = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
    }

    private static void go(String route, String name, Object value) {
        UI.getCurrent().navigate(route, QueryParameters.of(name, String.valueOf(value)));
    }

    private static TextArea section(Section s) {
        return _get(TextArea.class, spec -> spec.withId("section-" + s.key()));
    }

    private static String status() {
        return _get(Paragraph.class, spec -> spec.withId("analysis-save-status")).getText();
    }

    private long sharedBy(TestData.Person who, String title) {
        data.signIn(who);
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "Written for " + s.key());
        }
        long id = analyses.create(cohort, new AnalysisDraft(title, null, PolicyArea.ELIGIBILITY,
                Set.of(Dimension.INCOME_CLASS), List.of(), sections, Set.of(coAuthor.id())));
        analyses.share(id);
        return id;
    }

    @Test
    void a_draft_saves_itself_comes_back_after_leaving_and_is_shared_when_every_section_is_written() {
        signInAs(author);
        go("analyses/write", "cohort", cohort);
        _setValue(section(Section.PURPOSE), "Intake requires a photo ID.");
        assertThat(status()).startsWith("Not saved yet: give it a title");

        _setValue(_get(TextField.class, spec -> spec.withId("analysis-title")), "Photo ID at intake");
        @SuppressWarnings("unchecked")
        Select<PolicyArea> area = _get(Select.class, spec -> spec.withId("analysis-area"));
        _setValue(area, PolicyArea.ELIGIBILITY);
        _setValue(section(Section.BURDEN), "People without a fixed address.");
        assertThat(status()).startsWith("Draft saved at");
        long id = data.db().select(org.praxis.jooq.Tables.ANALYSIS.ID).from(org.praxis.jooq.Tables.ANALYSIS)
                .where(org.praxis.jooq.Tables.ANALYSIS.TITLE.eq("Photo ID at intake")).fetchSingle().value1();

        navigate("");
        go("analyses/write", "id", id);
        assertThat(section(Section.BURDEN).getValue()).isEqualTo("People without a fixed address.");
        assertThat(section(Section.PURPOSE).getValue()).isEqualTo("Intake requires a photo ID.");

        _click(_get(Button.class, spec -> spec.withId("analysis-share")));
        assertThat(section(Section.VOICES).isInvalid()).isTrue();
        assertThat(section(Section.VOICES).getErrorMessage()).isEqualTo("Write something in every section before sharing.");
        for (Section s : Section.values()) {
            if (section(s).getValue().isBlank()) {
                _setValue(section(s), "Our notes on " + s.key());
            }
        }
        _click(_get(Button.class, spec -> spec.withId("analysis-share")));
        assertThat(_get(Span.class, spec -> spec.withId("analysis-status")).getText()).isEqualTo("Shared with the cohort");
    }

    @Test
    void draft_saved_at_tells_the_time_in_the_cohorts_zone_not_the_servers() {
        // 14 hours ahead of UTC: the server's zone would give another hour
        java.time.ZoneId kiritimati = java.time.ZoneId.of("Pacific/Kiritimati");
        data.db().update(org.praxis.jooq.Tables.COHORT).set(org.praxis.jooq.Tables.COHORT.TIME_ZONE, kiritimati.getId())
                .where(org.praxis.jooq.Tables.COHORT.ID.eq(cohort)).execute();
        signInAs(author);
        go("analyses/write", "cohort", cohort);
        _setValue(_get(TextField.class, spec -> spec.withId("analysis-title")), "Late-night clinic hours");
        @SuppressWarnings("unchecked")
        Select<PolicyArea> area = _get(Select.class, spec -> spec.withId("analysis-area"));
        String before = org.praxis.base.ui.Times.time(java.time.ZonedDateTime.now(kiritimati), java.util.Locale.ENGLISH);
        _setValue(area, PolicyArea.ELIGIBILITY);
        _setValue(section(Section.BURDEN), "Night-shift workers.");
        String after = org.praxis.base.ui.Times.time(java.time.ZonedDateTime.now(kiritimati), java.util.Locale.ENGLISH);
        assertThat(status()).isIn("Draft saved at " + before + ".", "Draft saved at " + after + ".");
    }

    @Test
    void a_peer_cannot_open_a_draft_or_its_editor() {
        data.signIn(author);
        long id = analyses.create(cohort, new AnalysisDraft("Private thoughts", null, PolicyArea.OTHER, Set.of(),
                List.of(), Map.of(), Set.of()));
        signInAs(peer);
        navigate("analyses/" + id);
        _assertNone(com.vaadin.flow.component.html.H1.class, spec -> spec.withId("analysis-heading"));
        navigate("");
        go("analyses/write", "id", id);
        _assertNone(TextField.class, spec -> spec.withId("analysis-title"));
        navigate("library");
        _assertNone(ListItem.class, spec -> spec.withId("analysis-" + id));
    }

    @Test
    void saving_a_shared_analysis_makes_a_version_that_compares_section_by_section() {
        long id = sharedBy(author, "Sliding fees");
        signInAs(author);
        go("analyses/write", "id", id);
        _setValue(section(Section.CHANGES), "Written for changes, and fees that follow income");
        assertThat(status()).startsWith("Changes not saved yet");
        _click(_get(Button.class, spec -> spec.withId("analysis-save")));
        assertThat(status()).startsWith("New version saved at");

        signInAs(peer);
        navigate("analyses/" + id);
        assertThat(_get(Span.class, spec -> spec.withId("analysis-status")).getText()).isEqualTo("Revised since it was shared");
        _click(_get(Button.class, spec -> spec.withId("compare")));
        Div changes = _get(Div.class, spec -> spec.withId("diff-changes"));
        assertThat(changes.getElement().getOuterHTML()).contains("<ins>").contains("income");
        assertThat(_get(Div.class, spec -> spec.withId("diff-changes-from")).getElement().getOuterHTML())
                .doesNotContain("income");
        assertThat(_get(Div.class, spec -> spec.withId("diff-changes-to")).getElement().getTextRecursively())
                .contains("Version 2").contains("fees that follow income");

        assertThat(_get(Div.class, spec -> spec.withId("diff-purpose")).getElement().getTextRecursively())
                .contains("No changes.");
        assertThat(_get(Anchor.class, spec -> spec.withId("version-1")).getHref()).isEqualTo("analyses/" + id + "?version=1");
        navigate("");
        go("analyses/" + id, "version", 1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("analysis-reading-version")).getText())
                .isEqualTo("You are reading version 1 of 2.");
        assertThat(_get(Div.class, spec -> spec.withId("section-changes")).getChildren()
                .filter(org.praxis.base.ui.SafeHtml.class::isInstance).map(c -> ((org.praxis.base.ui.SafeHtml) c)
                        .getSanitizedHtml()).findFirst().orElseThrow()).doesNotContain("income");
    }

    @Test
    void a_peer_comments_on_a_section_and_the_author_sees_it_as_new() {
        long id = sharedBy(author, "Evening hours");
        signInAs(author);
        navigate("analyses/" + id); // the author's first visit

        signInAs(peer);
        navigate("analyses/" + id);
        _click(_get(Button.class, spec -> spec.withId("comment-post-burden")));
        assertThat(_get(TextArea.class, spec -> spec.withId("comment-body-burden")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("comment-body-burden")), "What about night-shift workers?");
        _click(_get(Button.class, spec -> spec.withId("comment-post-burden")));
        ListItem comment = _get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("comments-burden"))
                .getChildren().map(ListItem.class::cast).findFirst().orElseThrow();
        assertThat(comment.getElement().getTextRecursively()).contains(peer.name()).contains("on version 1");

        signInAs(author);
        navigate("");
        navigate("analyses/" + id);
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("analysis-news"))
                .getElement().getTextRecursively()).contains(peer.name() + " commented on “Who it serves and who it may burden”.");
    }

    @Test
    void a_second_co_author_is_shown_both_texts_and_keeps_theirs() {
        data.signIn(author);
        long id = analyses.create(cohort, new AnalysisDraft("Shared desk", null, PolicyArea.HOURS_ACCESS, Set.of(),
                List.of(), Map.of(Section.PURPOSE, "First"), Set.of(coAuthor.id())));
        signInAs(coAuthor);
        go("analyses/write", "id", id);
        // meanwhile the author saves from another browser
        data.signIn(author);
        AnalysisDetails loaded = analyses.read(id);
        analyses.save(id, loaded.lockVersion(), new AnalysisDraft("Shared desk", null, PolicyArea.HOURS_ACCESS, Set.of(),
                List.of(), Map.of(Section.PURPOSE, "The author's version"), Set.of(coAuthor.id())));

        signInAs(coAuthor);
        _setValue(section(Section.PURPOSE), "The co-author's version");
        Dialog conflict = _get(Dialog.class, spec -> spec.withId("analysis-conflict"));
        assertThat(conflict.getElement().getTextRecursively()).contains("The author's version")
                .contains("The co-author's version");
        _click(_get(Button.class, spec -> spec.withId("conflict-keep-mine")));
        data.signIn(author);
        assertThat(analyses.read(id).markdown().get(Section.PURPOSE)).isEqualTo("The co-author's version");
    }

    @Test
    void the_library_filters_and_a_facilitator_features_an_analysis_for_a_session() {
        long fees = sharedBy(author, "Sliding fees");
        long commons = data.thread(cohort);
        data.signIn(peer);
        long hiring = analyses.create(cohort, new AnalysisDraft("Hiring panels", null, PolicyArea.HIRING, Set.of(),
                List.of(), Map.of(), Set.of()));
        long session = data.session(cohort, "Money and access");

        signInAs(peer);
        navigate("library");
        _get(ListItem.class, spec -> spec.withId("analysis-" + fees));
        _get(ListItem.class, spec -> spec.withId("analysis-" + hiring));
        @SuppressWarnings("unchecked")
        Select<PolicyArea> area = _get(Select.class, spec -> spec.withId("library-area"));
        _setValue(area, PolicyArea.HIRING);
        _assertNone(ListItem.class, spec -> spec.withId("analysis-" + fees));
        _get(ListItem.class, spec -> spec.withId("analysis-" + hiring));
        assertThat(_get(Paragraph.class, spec -> spec.withId("library-count")).getText()).isEqualTo("One analysis");
        _setValue(area, null);
        @SuppressWarnings("unchecked")
        Select<org.praxis.cohort.CohortPerson> byAuthor = _get(Select.class, spec -> spec.withId("library-author"));
        _setValue(byAuthor, byAuthor.getListDataView().getItems().filter(p -> p.memberId() == author.id()).findFirst()
                .orElseThrow());
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("author", List.of(String.valueOf(author.id())));
        _get(ListItem.class, spec -> spec.withId("analysis-" + fees));
        _assertNone(ListItem.class, spec -> spec.withId("analysis-" + hiring));

        signInAs(facilitator);
        navigate("analyses/" + fees);
        @SuppressWarnings("unchecked")
        Select<org.praxis.analysis.SessionChoice> sessions = _get(Select.class,
                spec -> spec.withId("analysis-feature-session"));
        _setValue(sessions, sessions.getListDataView().getItems().filter(s -> s.id() == session).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("analysis-feature")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("analysis-featured")).getText())
                .isEqualTo("Featured for “Money and access”.");
        navigate("library");
        assertThat(_get(ListItem.class, spec -> spec.withId("analysis-" + fees)).getElement().getTextRecursively())
                .contains("Featured for a session");
        signInAs(peer);
        navigate("sessions/" + session);
        assertThat(_get(ListItem.class, spec -> spec.withId("session-analysis-" + fees)).getElement().getTextRecursively())
                .contains("Sliding fees").contains("Featured");
        signInAs(facilitator);
        assertThat(_get(Anchor.class, spec -> spec.withText("Sliding fees")).getHref()).isEqualTo("analyses/" + fees);
        navigate("analyses/" + fees);
        @SuppressWarnings("unchecked")
        Select<org.praxis.analysis.ThreadChoice> threads = _get(Select.class,
                spec -> spec.withId("analysis-link-thread-choice"));
        _setValue(threads, threads.getListDataView().getItems().filter(t -> t.id() == commons).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("analysis-link-thread")));
        _get(Anchor.class, spec -> spec.withId("analysis-thread-" + commons));
        _click(_get(Button.class, spec -> spec.withId("analysis-publish")));
        assertThat(analyses.read(fees).published()).isTrue();
        assertThat(analyses.read(fees).status()).isEqualTo(AnalysisStatus.SHARED);
    }

    @Test
    void a_reader_can_download_it_as_markdown_and_pdf() {
        long id = sharedBy(author, "Language line");
        signInAs(peer);
        navigate("analyses/" + id);
        for (String anchor : List.of("analysis-export-markdown", "analysis-export-pdf")) {
            Anchor download = _get(Anchor.class, spec -> spec.withId(anchor));
            assertThat(download.getElement().hasAttribute("download")).isTrue();
            assertThat(download.getHref()).isNotBlank();
        }
        assertThat(_find(Anchor.class, spec -> spec.withId("analysis-edit"))).isEmpty();
    }
}
