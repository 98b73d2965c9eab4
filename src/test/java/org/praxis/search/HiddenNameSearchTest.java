package org.praxis.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A post written with the name hidden, seen from a peer's side: no query, filter, facet, count or
 * order of search says who wrote it, and nothing in its document could tell it to a query.
 */
class HiddenNameSearchTest extends IntegrationTest {

    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;
    @Autowired
    SearchIndex index;
    @Autowired
    ThreadService threads;
    @Autowired
    OwnerTokens owners;

    long cohort;
    long thread;
    TestData.Person author;
    TestData.Person other;
    TestData.Person peer;
    String word;

    @BeforeEach
    void aThreadWhereNamesMayBeHidden() {
        cohort = data.cohort();
        author = data.personIn(cohort, Role.MEMBER);
        other = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort, null, true);
        // no number in the title, so an id asked as a plain word can only match where it is meant to
        data.db().update(org.praxis.jooq.Tables.THREAD).set(org.praxis.jooq.Tables.THREAD.TITLE, "Where names may be hidden")
                .where(org.praxis.jooq.Tables.THREAD.ID.eq(thread)).execute();
        word = "zh" + Long.toString(System.nanoTime(), 36);
    }

    private long post(TestData.Person who, String text, boolean hideName) {
        data.signIn(who);
        return threads.reply(thread, null, text, false, hideName);
    }

    private SearchResults asPeer(SearchQuery q) throws Exception {
        indexer.catchUp();
        data.signIn(peer);
        return search.search(q);
    }

    private List<Long> ids(String q) throws Exception {
        return asPeer(SearchQuery.of(q)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void no_spelling_of_a_field_finds_a_hidden_name_post_by_its_author() throws Exception {
        long hidden = post(author, "said without a name " + word, true);
        assertThat(ids(word)).as("the peer may read the post itself").containsExactly(hidden);

        String id = String.valueOf(author.id());
        for (String field : List.of("author", "AUTHOR", "au\\thor", "\\a\\ut\\h\\o\\r", "\\u0061uthor", "by", "b\\y",
                "owner", "key", "authorName")) {
            assertThat(ids(field + ":" + id + " " + word)).as(field + ":<id>").isEmpty();
            assertThat(ids(field + ":" + id + "* " + word)).as(field + ":<id>*").isEmpty();
            assertThat(ids(field + ":[" + id + " TO " + id + "] " + word)).as(field + ":[<id> TO <id>]").isEmpty();
        }
        assertThat(ids("author:\"" + author.name() + "\" " + word)).as("by name").isEmpty();
        assertThat(ids("author:" + author.name() + "~2 " + word)).as("by a name spelt alike").isEmpty();
    }

    @Test
    void the_fields_of_the_access_rule_cannot_be_asked_from_the_search_box() throws Exception {
        long hidden = post(author, "also without a name " + word, true);
        assertThat(ids(word)).containsExactly(hidden);

        // each of these would select the post if the field were reached; as plain words they find nothing
        for (String q : List.of("facilitatorsOnly:0", "f\\acilitatorsOnly:0", "ownerOnly:0", "published:0",
                "cohort:" + cohort, "c\\ohort:" + cohort, "session:*", "path:threads*", "key:POST\\:" + hidden,
                "owner:*", "o\\wner:*")) {
            assertThat(ids(q + " " + word)).as(q).isEmpty();
        }
        // what people are meant to use still works
        assertThat(ids("type:post " + word)).containsExactly(hidden);
        assertThat(ids("Type:post " + word)).containsExactly(hidden);
        assertThat(ids(word + " -type:post")).isEmpty();
    }

    @Test
    void filters_and_facet_counts_by_author_leave_a_hidden_name_post_out() throws Exception {
        long named = post(author, "with my name " + word, false);
        post(author, "without my name " + word, true);

        SearchResults all = asPeer(SearchQuery.of(word));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.facets().get(SearchResults.Facet.AUTHOR)).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualTo(String.valueOf(author.id()));
            assertThat(c.count()).isEqualTo(1);
        });
        SearchResults byAuthor = asPeer(new SearchQuery(word, null, null, null, author.id(), null, null, SearchQuery.PAGE));
        assertThat(byAuthor.hits()).extracting(SearchHit::id).containsExactly(named);
        assertThat(byAuthor.total()).isEqualTo(1);
        assertThat(all.hits()).filteredOn(h -> h.id() != named).singleElement()
                .satisfies(h -> assertThat(h.author()).isNull());
    }

    @Test
    void asking_for_the_author_does_not_change_the_order_of_hidden_name_posts() throws Exception {
        long byAuthor = post(author, "the same words " + word, true);
        long byOther = post(other, "the same words " + word, true);

        for (String q : List.of(word + " OR au\\thor:" + author.id() + "^50",
                word + " OR \\u0061uthor:" + author.id() + "^50", word + " OR author:" + author.id() + "^50",
                word + " OR author:\"" + author.name() + "\"^50", word + " OR by:" + author.id() + "^50")) {
            List<SearchHit> hits = asPeer(SearchQuery.of(q)).hits();
            assertThat(hits).as(q).extracting(SearchHit::id).containsExactlyInAnyOrder(byAuthor, byOther);
            assertThat(hits.get(0).score()).as(q).isEqualTo(hits.get(1).score());
        }
    }

    @Test
    void the_document_of_a_hidden_name_post_holds_nothing_that_matches_its_author() throws Exception {
        long hidden = post(author, "nothing here names me " + word, true);
        long named = post(author, "here I am named " + word, false);
        indexer.catchUp();

        var searcher = index.searchers().acquire();
        try {
            FieldInfos fields = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
            for (FieldInfo field : fields) {
                for (String value : List.of(String.valueOf(author.id()), owners.of(author.id()), author.name(),
                        author.name().toLowerCase(java.util.Locale.ROOT))) {
                    if (List.of(SearchFields.COHORT, SearchFields.SESSION_ID, SearchFields.KEY).contains(field.name)
                            && value.equals(String.valueOf(author.id()))) {
                        continue; // these hold the ids of other things, which may be the same number
                    }
                    assertThat(searcher.count(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(SearchFields.KEY, SearchFields.key(SearchOutbox.Type.POST, hidden))),
                                    BooleanClause.Occur.FILTER)
                            .add(new TermQuery(new Term(field.name, value)), BooleanClause.Occur.FILTER).build()))
                            .as(field.name + " = " + value).isZero();
                }
            }
            // the named post does carry its author, so the check above looks where a name would be
            assertThat(searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(SearchFields.KEY, SearchFields.key(SearchOutbox.Type.POST, named))),
                            BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(SearchFields.BY, String.valueOf(author.id()))), BooleanClause.Occur.FILTER)
                    .build())).isEqualTo(1);
        } finally {
            index.searchers().release(searcher);
        }
    }
}
