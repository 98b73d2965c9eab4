package org.praxis.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.base.text.WordDiff;
import org.praxis.search.Indexer;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class AnalysisServiceTest extends IntegrationTest {

    @Autowired
    AnalysisService analyses;
    @Autowired
    Indexer indexer;
    @Autowired
    SearchService search;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person coAuthor;
    TestData.Person peer;
    TestData.Person outsider;
    String word;

    @BeforeEach
    void cohortOfFour() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        coAuthor = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        outsider = data.personIn(data.cohort(), Role.MEMBER);
        word = "zs" + Long.toString(System.nanoTime(), 36);
    }

    private AnalysisDraft draft(String title, String filler) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, filler == null ? "" : filler + " for " + s.key());
        }
        return new AnalysisDraft(title, null, PolicyArea.LANGUAGE_ACCESS, Set.of(Dimension.LANGUAGE), List.of("intake"),
                sections, Set.of(coAuthor.id()));
    }

    private long sharedAnalysis() {
        data.signIn(author);
        long id = analyses.create(cohort, draft("Interpreters at intake " + word, "Everyone gets the same English form"));
        analyses.share(id);
        return id;
    }

    @Test
    void a_draft_is_for_its_authors_alone() {
        data.signIn(author);
        long id = analyses.create(cohort, draft("Draft " + word, "Thoughts"));

        assertThat(analyses.read(id).status()).isEqualTo(AnalysisStatus.DRAFT);
        data.signIn(coAuthor);
        assertThat(analyses.read(id).author()).isTrue();
        for (TestData.Person other : List.of(peer, facilitator, outsider)) {
            data.signIn(other);
            assertThatThrownBy(() -> analyses.read(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> analyses.versions(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> analyses.save(id, 0, draft("Taken over", "x"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> analyses.share(id)).isInstanceOf(AccessDeniedException.class);
        }
        data.signIn(peer);
        assertThat(analyses.library(cohort, LibraryFilter.all())).extracting(AnalysisSummary::id).doesNotContain(id);
    }

    @Test
    void sharing_needs_every_section_and_gives_the_cohort_version_one_and_a_review_thread() throws Exception {
        data.signIn(author);
        long id = analyses.create(cohort, draft("Half done " + word, null));
        assertThatThrownBy(() -> analyses.share(id)).isInstanceOf(InvalidInputException.class);
        assertThat(analyses.read(id).status()).isEqualTo(AnalysisStatus.DRAFT);

        long shared = sharedAnalysis();
        data.signIn(peer);
        AnalysisDetails read = analyses.read(shared);
        assertThat(read.status()).isEqualTo(AnalysisStatus.SHARED);
        assertThat(read.versions()).isEqualTo(1);
        assertThat(read.threadId()).isNotNull();
        assertThat(read.html().get(Section.BURDEN)).contains("Everyone gets the same English form for burden");
        assertThat(analyses.library(cohort, LibraryFilter.all())).extracting(AnalysisSummary::id).contains(shared);
        data.signIn(outsider);
        assertThatThrownBy(() -> analyses.read(shared)).isInstanceOf(AccessDeniedException.class);

        indexer.catchUp();
        data.signIn(peer);
        assertThat(search.search(word, 10)).extracting(SearchHit::type, SearchHit::id)
                .contains(org.assertj.core.groups.Tuple.tuple("analysis", shared));
        // the result names the section that matched, with its own snippet
        assertThat(search.search("burden " + word, 10)).filteredOn(h -> h.type().equals("analysis") && h.id() == shared)
                .singleElement().satisfies(h -> {
                    assertThat(h.section()).isEqualTo("burden");
                    assertThat(h.snippetHtml()).contains("<b>burden</b>");
                    assertThat(h.path()).isEqualTo("analyses/" + shared);
                });
        data.signIn(outsider);
        assertThat(search.search(word, 10)).extracting(SearchHit::type).doesNotContain("analysis");
    }

    @Test
    void every_save_of_a_shared_analysis_is_a_version_and_two_versions_compare_section_by_section() {
        long id = sharedAnalysis();
        data.signIn(author);
        AnalysisDetails loaded = analyses.read(id);
        AnalysisDraft changed = loaded.toDraft();
        Map<Section, String> sections = new EnumMap<>(changed.sections());
        sections.put(Section.CHANGES, "Offer interpreters at every intake");
        analyses.save(id, loaded.lockVersion(), new AnalysisDraft(changed.title(), null, changed.area(),
                changed.dimensions(), changed.tags(), sections, changed.coAuthors()));

        data.signIn(peer);
        assertThat(analyses.read(id).status()).isEqualTo(AnalysisStatus.REVISED);
        assertThat(analyses.versions(id)).extracting(AnalysisVersion::number).containsExactly(1, 2);
        Map<Section, List<WordDiff.Segment>> diff = analyses.compare(id, 1, 2);
        assertThat(diff.get(Section.CHANGES)).anySatisfy(seg -> {
            assertThat(seg.kind()).isEqualTo(WordDiff.Kind.ADDED);
            assertThat(seg.text()).contains("interpreters");
        });
        assertThat(diff.get(Section.PURPOSE)).allSatisfy(seg -> assertThat(seg.kind()).isEqualTo(WordDiff.Kind.SAME));
    }

    @Test
    void a_second_co_author_saving_over_an_older_text_is_stopped_and_shown_both() {
        data.signIn(author);
        long id = analyses.create(cohort, draft("Together " + word, "First words"));
        int loadedByBoth = analyses.read(id).lockVersion();
        analyses.save(id, loadedByBoth, draft("Together " + word, "The author's words"));

        data.signIn(coAuthor);
        assertThatThrownBy(() -> analyses.save(id, loadedByBoth, draft("Together " + word, "The co-author's words")))
                .isInstanceOfSatisfying(EditConflictException.class, e -> assertThat(e.current().markdown()
                        .get(Section.PURPOSE)).isEqualTo("The author's words for purpose"));
        assertThat(analyses.read(id).markdown().get(Section.PURPOSE)).isEqualTo("The author's words for purpose");
    }

    @Test
    void section_comments_keep_their_version_and_the_author_sees_what_is_new() {
        long id = sharedAnalysis();
        data.signIn(author);
        assertThat(analyses.newSinceLastVisit(id)).isEmpty(); // first visit

        data.signIn(peer);
        analyses.comment(id, Section.BURDEN, "Who checked with families who speak **Tagalog**?");
        assertThatThrownBy(() -> analyses.comment(id, Section.BURDEN, " ")).isInstanceOf(InvalidInputException.class);
        data.signIn(outsider);
        assertThatThrownBy(() -> analyses.comment(id, Section.BURDEN, "sneaking in")).isInstanceOf(AccessDeniedException.class);

        data.signIn(author);
        assertThat(analyses.comments(id)).singleElement().satisfies(c -> {
            assertThat(c.section()).isEqualTo(Section.BURDEN);
            assertThat(c.version()).isEqualTo(1);
            assertThat(c.author()).isEqualTo(peer.name());
            assertThat(c.html()).contains("<strong>Tagalog</strong>");
        });
        assertThat(analyses.newSinceLastVisit(id)).containsExactly("comment:burden:" + peer.name());
        assertThat(analyses.newSinceLastVisit(id)).isEmpty();
    }

    @Test
    void a_facilitator_publishes_to_every_cohort_and_features_it_for_a_session() throws Exception {
        long id = sharedAnalysis();
        data.signIn(peer);
        assertThatThrownBy(() -> analyses.publish(id, true)).isInstanceOf(AccessDeniedException.class);

        data.signIn(facilitator);
        analyses.publish(id, true);
        long session = data.session(cohort, "Language access");
        analyses.linkToSession(id, session, true);
        long otherCohort = data.db().select(org.praxis.jooq.Tables.COHORT_MEMBERSHIP.COHORT_ID)
                .from(org.praxis.jooq.Tables.COHORT_MEMBERSHIP)
                .where(org.praxis.jooq.Tables.COHORT_MEMBERSHIP.MEMBER_ID.eq(outsider.id()))
                .fetchOne(org.praxis.jooq.Tables.COHORT_MEMBERSHIP.COHORT_ID);
        assertThat(analyses.library(cohort, LibraryFilter.all())).filteredOn(a -> a.id() == id).singleElement()
                .satisfies(a -> {
                    assertThat(a.featured()).isTrue();
                    assertThat(a.published()).isTrue();
                });

        assertThat(analyses.sessionChoices(id)).extracting(SessionChoice::id).contains(session);
        data.signIn(peer);
        assertThat(analyses.forSession(session)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.featured()).isTrue();
        });
        assertThatThrownBy(() -> analyses.sessionChoices(id)).isInstanceOf(AccessDeniedException.class);
        long elsewhere = data.thread(data.cohort());
        data.signIn(facilitator);
        assertThatThrownBy(() -> analyses.linkToThread(id, elsewhere)).isInstanceOf(AccessDeniedException.class);
        long here = data.thread(cohort);
        analyses.linkToThread(id, here);
        data.signIn(peer);
        assertThatThrownBy(() -> analyses.linkToThread(id, here)).isInstanceOf(AccessDeniedException.class);
        assertThat(analyses.linkedThreads(id)).extracting(ThreadChoice::id).containsExactly(here);
        data.signIn(outsider);
        assertThatThrownBy(() -> analyses.forSession(session)).isInstanceOf(AccessDeniedException.class);
        assertThat(analyses.read(id).title()).startsWith("Interpreters at intake");
        assertThat(analyses.library(otherCohort, LibraryFilter.all())).extracting(AnalysisSummary::id).contains(id);
        indexer.catchUp();
        assertThat(search.search(word, 10)).extracting(SearchHit::type).contains("analysis");
    }

    @Test
    void the_library_filters_and_orders() {
        long shared = sharedAnalysis();
        data.signIn(peer);
        long other = analyses.create(cohort, new AnalysisDraft("Hiring panels " + word, null, PolicyArea.HIRING,
                Set.of(Dimension.RACE_ETHNICITY), List.of(), Map.of(), Set.of()));
        analyses.comment(shared, Section.PURPOSE, "Thank you");

        assertThat(analyses.library(cohort, new LibraryFilter(PolicyArea.HIRING, null, null, null, null, null)))
                .extracting(AnalysisSummary::id).containsExactly(other);
        assertThat(analyses.library(cohort, new LibraryFilter(null, Dimension.LANGUAGE, null, null, null, null)))
                .extracting(AnalysisSummary::id).contains(shared).doesNotContain(other);
        assertThat(analyses.library(cohort, new LibraryFilter(null, null, null, null, author.id(), null)))
                .extracting(AnalysisSummary::id).containsExactly(shared);
        assertThat(analyses.library(cohort, new LibraryFilter(null, null, null, AnalysisStatus.DRAFT, null, null)))
                .extracting(AnalysisSummary::id).containsExactly(other);
        assertThat(analyses.library(cohort, new LibraryFilter(null, null, null, null, null,
                LibraryFilter.Order.MOST_DISCUSSED)).stream().map(AnalysisSummary::id)
                .filter(id -> id == shared || id == other)).containsExactly(shared, other);
    }

    @Test
    void too_long_text_is_refused_with_the_field_named_and_nothing_written() {
        data.signIn(author);
        Map<Section, String> sections = new EnumMap<>(Section.class);
        sections.put(Section.VOICES, "x".repeat(Section.MAX + 1));
        assertThatThrownBy(() -> analyses.create(cohort, new AnalysisDraft("t".repeat(201), null, PolicyArea.OTHER,
                Set.of(), List.of(), sections, Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsKeys("title", "section.voices"));
        assertThatThrownBy(() -> analyses.create(cohort, new AnalysisDraft("Outsider as co-author", null,
                PolicyArea.OTHER, Set.of(), List.of(), Map.of(), Set.of(outsider.id()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("coAuthors"));
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.ANALYSIS, org.praxis.jooq.Tables.ANALYSIS.COHORT_ID.eq(cohort)))
                .as("nothing half-written").isZero();
    }

    @Test
    void the_markdown_export_holds_every_section() {
        long id = sharedAnalysis();
        data.signIn(peer);
        String md = analyses.exportMarkdown(id, key -> key);
        assertThat(md).startsWith("# Interpreters at intake " + word);
        for (Section s : Section.values()) {
            assertThat(md).contains("## analysis.section." + s.key()).contains("English form for " + s.key());
        }
    }

    @Test
    void the_pdf_export_reads_back_with_every_section() throws Exception {
        long id = sharedAnalysis();
        data.signIn(peer);
        byte[] pdf = analyses.exportPdf(id, key -> key);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains("Interpreters at intake");
        for (Section s : Section.values()) {
            assertThat(text.toString()).contains("English form for " + s.key());
        }
        data.signIn(outsider);
        assertThatThrownBy(() -> analyses.exportPdf(id, key -> key)).isInstanceOf(AccessDeniedException.class);
    }
}
