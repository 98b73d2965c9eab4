package org.praxis.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.security.Role;
import org.praxis.practice.NoteDraft;
import org.praxis.practice.NoteVisibility;
import org.praxis.practice.PracticeNoteService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Practice notes in search, from the side of those who must not find them: a private note is its
 * author's alone, a facilitators' one its author's and the facilitators', a network one leaves
 * other cohorts' search when consent is withdrawn, and a note whose author removed their name
 * holds nothing another cohort could find them by.
 */
class NoteSearchTest extends IntegrationTest {

    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;
    @Autowired
    SearchIndex index;
    @Autowired
    OwnerTokens owners;
    @Autowired
    PracticeNoteService notes;

    long cohort;
    TestData.Person author;
    TestData.Person peer;
    TestData.Person facilitator;
    TestData.Person outsider;
    String word;

    @BeforeEach
    void twoCohorts() {
        cohort = data.cohort();
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        outsider = data.personIn(data.cohort(), Role.MEMBER);
        word = "zn" + Long.toString(System.nanoTime(), 36);
    }

    private long posted(NoteVisibility visibility, boolean keepName) {
        data.signIn(author);
        long id = notes.create(cohort, NoteDraft.of("Evening hours", "We opened the front desk until eight.",
                "Working parents came when they could " + word, PolicyArea.HOURS_ACCESS, visibility)
                .withVisibility(visibility, visibility == NoteVisibility.NETWORK, keepName));
        notes.post(id);
        return id;
    }

    private List<SearchHit> hits(TestData.Person who, String q) throws Exception {
        indexer.catchUp();
        data.signIn(who);
        return search.search(SearchQuery.of(q)).hits();
    }

    private List<Long> ids(TestData.Person who, String q) throws Exception {
        return hits(who, q).stream().map(SearchHit::id).toList();
    }

    @Test
    void a_private_note_is_found_by_its_author_alone_with_the_part_that_matched() throws Exception {
        long id = posted(NoteVisibility.PRIVATE, true);

        assertThat(hits(author, word)).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(id);
            assertThat(h.type()).isEqualTo("note");
            assertThat(h.path()).isEqualTo("notes/" + id);
            assertThat(h.section()).isEqualTo("note-learned");
        });
        assertThat(ids(peer, word)).isEmpty();
        assertThat(ids(facilitator, word)).isEmpty();
        assertThat(ids(outsider, word)).isEmpty();
    }

    @Test
    void a_facilitators_note_is_found_by_its_author_and_the_facilitators_only() throws Exception {
        long id = posted(NoteVisibility.FACILITATORS, true);

        assertThat(ids(author, word)).containsExactly(id);
        assertThat(ids(facilitator, word)).containsExactly(id);
        assertThat(ids(peer, word)).isEmpty();
        assertThat(ids(outsider, word)).isEmpty();
    }

    @Test
    void a_network_note_is_found_by_other_cohorts_once_published_and_not_after_consent_is_withdrawn() throws Exception {
        long id = posted(NoteVisibility.NETWORK, true);
        assertThat(ids(peer, word)).containsExactly(id);
        assertThat(ids(outsider, word)).as("not yet published").isEmpty();

        data.signIn(facilitator);
        notes.publish(id);
        assertThat(ids(outsider, word)).containsExactly(id);

        data.signIn(author);
        notes.withdrawConsent(id);
        assertThat(ids(outsider, word)).isEmpty();
        assertThat(ids(peer, word)).as("the cohort keeps it").containsExactly(id);
    }

    @Test
    void a_removed_name_is_not_findable_from_another_cohort_and_the_document_holds_no_trace_of_it() throws Exception {
        long id = posted(NoteVisibility.NETWORK, false);
        data.signIn(facilitator);
        notes.publish(id);

        assertThat(hits(outsider, word)).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo(id);
            assertThat(h.author()).isNull();
        });
        for (String q : List.of("author:" + author.id(), "author:\"" + author.name() + "\"", "by:" + author.id(),
                "owner:*", "author:" + author.name() + "~2")) {
            assertThat(ids(outsider, q + " " + word)).as(q).isEmpty();
        }
        SearchResults byAuthor = search.search(new SearchQuery(word, null, null, null, author.id(), null, null,
                SearchQuery.PAGE));
        assertThat(byAuthor.total()).isZero();
        SearchResults all = search.search(SearchQuery.of(word));
        assertThat(all.facets().getOrDefault(SearchResults.Facet.AUTHOR, List.of())).isEmpty();

        var searcher = index.searchers().acquire();
        try {
            FieldInfos fields = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
            for (FieldInfo field : fields) {
                for (String value : List.of(String.valueOf(author.id()), owners.of(author.id()), author.name(),
                        author.name().toLowerCase(Locale.ROOT))) {
                    if (List.of(SearchFields.COHORT, SearchFields.SESSION_ID, SearchFields.KEY).contains(field.name)
                            && value.equals(String.valueOf(author.id()))) {
                        continue; // these hold the ids of other things, which may be the same number
                    }
                    assertThat(searcher.count(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(SearchFields.KEY, SearchFields.key(SearchOutbox.Type.NOTE, id))),
                                    BooleanClause.Occur.FILTER)
                            .add(new TermQuery(new Term(field.name, value)), BooleanClause.Occur.FILTER).build()))
                            .as(field.name + " = " + value).isZero();
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void a_name_kept_in_the_network_is_findable_by_author_everywhere() throws Exception {
        long id = posted(NoteVisibility.NETWORK, true);
        data.signIn(facilitator);
        notes.publish(id);
        assertThat(ids(outsider, "author:\"" + author.name() + "\" " + word)).containsExactly(id);
    }
}
