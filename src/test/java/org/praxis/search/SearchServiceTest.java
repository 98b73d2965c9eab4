package org.praxis.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class SearchServiceTest extends IntegrationTest {

    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;
    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    SearchSources documents;
    @Autowired
    org.jooq.DSLContext db;

    long cohort;
    long thread;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;
    String word;

    @BeforeEach
    void cohortWithAThread() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort, null, true);
        // a word no other test writes, so results are this test's alone
        word = "zq" + Long.toString(System.nanoTime(), 36);
    }

    private long post(TestData.Person who, String text, boolean facilitatorsOnly, boolean hideName) {
        data.signIn(who);
        return threads.reply(thread, null, text, facilitatorsOnly, hideName);
    }

    private List<SearchHit> find(TestData.Person who, String q) throws Exception {
        indexer.catchUp();
        data.signIn(who);
        return search.search(q, 20);
    }

    @Test
    void a_committed_post_is_found_with_english_stemming_and_a_highlighted_snippet() throws Exception {
        long id = post(author, "Our eligibility policies ask everyone for the same documents " + word + ".", false, false);

        List<SearchHit> hits = find(peer, "policy " + word);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo("post");
            assertThat(h.id()).isEqualTo(id);
            assertThat(h.path()).isEqualTo("threads/" + thread + "?post=" + id);
            assertThat(h.snippetHtml()).contains("<b>policies</b>").doesNotContain("<script");
        });
    }

    @Test
    void a_rolled_back_post_leaves_no_trace_in_the_index() throws Exception {
        data.signIn(author);
        transaction.executeWithoutResult(status -> {
            threads.reply(thread, null, "never committed " + word, false, false);
            status.setRollbackOnly();
        });
        assertThat(find(author, word)).isEmpty();
    }

    @Test
    void nobody_finds_what_they_may_not_read() throws Exception {
        long open = post(author, "open words " + word, false, false);
        long secret = post(author, "private words " + word, true, false);
        TestData.Person stranger = data.personIn(data.cohort(), Role.FACILITATOR);

        assertThat(find(peer, word)).extracting(SearchHit::id).containsExactly(open);
        assertThat(find(author, word)).extracting(SearchHit::id).containsExactlyInAnyOrder(open, secret);
        assertThat(find(facilitator, word)).extracting(SearchHit::id).containsExactlyInAnyOrder(open, secret);
        assertThat(find(stranger, word)).isEmpty();
        assertThat(find(peer, "private " + word)).isEmpty();
    }

    @Test
    void a_member_finds_the_facilitators_private_answer_they_read_in_the_thread_and_no_peer_does() throws Exception {
        long question = post(author, "a question for the facilitators only " + word, true, false);
        data.signIn(facilitator);
        long answer = threads.reply(thread, question, "here is our answer " + word, false, false);
        TestData.Person elsewhere = data.personIn(data.cohort(), Role.FACILITATOR);

        // the thread page shows the answer to the one who asked, and not to a peer: search agrees with it
        data.signIn(author);
        assertThat(threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts())
                .extracting(org.praxis.conversation.PostItem::id).contains(question, answer);
        assertThat(find(author, "answer " + word)).extracting(SearchHit::id).containsExactly(answer);
        assertThat(find(author, word)).extracting(SearchHit::id).containsExactlyInAnyOrder(question, answer);

        data.signIn(peer);
        assertThat(threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts())
                .extracting(org.praxis.conversation.PostItem::id).doesNotContain(question, answer);
        assertThat(find(peer, word)).isEmpty();
        assertThat(results(peer, SearchQuery.of(word)).total()).isZero();
        assertThat(find(elsewhere, word)).isEmpty();
        assertThat(find(facilitator, word)).extracting(SearchHit::id).containsExactlyInAnyOrder(question, answer);
    }

    @Autowired
    org.praxis.member.MemberService members;

    @Test
    void a_renamed_member_is_found_by_their_new_name_and_no_longer_by_the_old_one() throws Exception {
        long postId = post(author, "what I wrote before my name changed " + word, false, false);
        long second = post(author, "and another thing " + word, false, false);
        long anonymous = post(author, "said without a name " + word, false, true);
        assertThat(find(peer, "author:" + author.name() + " " + word)).extracting(SearchHit::id)
                .containsExactlyInAnyOrder(postId, second);

        String newName = "Renamed" + word;
        data.signIn(data.person(Role.ADMIN));
        org.praxis.member.MemberDraft draft = members.draftOf(author.id());
        draft.setDisplayName(newName);
        members.update(author.id(), draft);

        assertThat(find(peer, "author:" + newName + " " + word)).extracting(SearchHit::id)
                .containsExactlyInAnyOrder(postId, second);
        assertThat(find(peer, "author:" + author.name() + " " + word)).isEmpty();
        assertThat(find(peer, word)).extracting(SearchHit::id).contains(anonymous);
        assertThat(results(peer, SearchQuery.of(word)).facets().get(SearchResults.Facet.AUTHOR))
                .extracting(SearchResults.FacetCount::label).containsExactly(newName);
    }

    @Test
    void hidden_and_removed_posts_leave_the_index_and_hidden_names_are_not_searchable() throws Exception {
        long hidden = post(author, "to be hidden " + word, false, false);
        long removed = post(peer, "to be removed " + word, false, false);
        long anonymous = post(author, "said without a name " + word, false, true);
        data.signIn(facilitator);
        moderation.hide(hidden, "reason");
        data.signIn(peer);
        threads.delete(removed);

        assertThat(find(peer, word)).extracting(SearchHit::id).containsExactly(anonymous);
        assertThat(find(peer, "author:" + author.name() + " " + word)).isEmpty();
        assertThat(find(peer, "author:" + peer.name())).extracting(SearchHit::id).doesNotContain(removed);
    }

    @Test
    void phrases_exclusion_and_type_work() throws Exception {
        long a = post(author, "language access for everyone " + word, false, false);
        long b = post(peer, "access to language classes " + word, false, false);

        assertThat(find(peer, "\"language access\" " + word)).extracting(SearchHit::id).containsExactly(a);
        assertThat(find(peer, word + " -classes")).extracting(SearchHit::id).containsExactly(a);
        assertThat(find(peer, word + " type:post")).extracting(SearchHit::id).containsExactlyInAnyOrder(a, b);
        assertThat(find(peer, word + " type:session")).isEmpty();
    }

    @Test
    void any_query_at_all_returns_results_or_nothing_but_never_fails() throws Exception {
        post(author, "something " + word, false, false);
        Random random = new Random(42);
        String alphabet = "ab\"()[]{}:^~*?\\/-+!&|' \u0000\u0007\t\n😀ß中 OR AND NOT";
        indexer.catchUp();
        data.signIn(peer);
        for (int i = 0; i < 500; i++) {
            StringBuilder q = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                q.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> search.search(q.toString(), 20)).as(q.toString()).doesNotThrowAnyException();
        }
        assertThatCode(() -> search.search("x".repeat(10_000), 20)).doesNotThrowAnyException();
        assertThatCode(() -> search.search("'; drop table post; --", 20)).doesNotThrowAnyException();
        assertThat(search.search("", 20)).isEmpty();
    }

    private SearchResults results(TestData.Person who, SearchQuery q) throws Exception {
        indexer.catchUp();
        data.signIn(who);
        return search.search(q);
    }

    private static SearchQuery query(String text, String type, Long cohortId, Long session, Long author,
            SearchQuery.Since since, SearchQuery.Order order) {
        return new SearchQuery(text, type, cohortId, session, author, since, order, SearchQuery.PAGE);
    }

    private static java.util.Map<String, Long> counts(SearchResults r, SearchResults.Facet facet) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        r.facets().get(facet).forEach(c -> out.put(c.value(), c.count()));
        return out;
    }

    /** A session of the cohort with a thread in it; returns {session, thread}. */
    private long[] sessionWithThread(long cohortId) {
        long session = transaction.execute(status -> {
            long id = db.insertInto(org.praxis.jooq.Tables.SESSION)
                .set(org.praxis.jooq.Tables.SESSION.COHORT_ID, cohortId)
                .set(org.praxis.jooq.Tables.SESSION.TITLE, "Session on burdens " + word)
                .set(org.praxis.jooq.Tables.SESSION.STARTS_AT, java.time.OffsetDateTime.now().plusDays(1))
                .set(org.praxis.jooq.Tables.SESSION.ENDS_AT, java.time.OffsetDateTime.now().plusDays(1).plusHours(2))
                .returning(org.praxis.jooq.Tables.SESSION.ID).fetchOne(org.praxis.jooq.Tables.SESSION.ID);
            outbox.upsert(SearchOutbox.Type.SESSION, id);
            return id;
        });
        long inSession = db.insertInto(org.praxis.jooq.Tables.THREAD)
                .set(org.praxis.jooq.Tables.THREAD.COHORT_ID, cohortId)
                .set(org.praxis.jooq.Tables.THREAD.SESSION_ID, session)
                .set(org.praxis.jooq.Tables.THREAD.TITLE, "In the session")
                .returning(org.praxis.jooq.Tables.THREAD.ID).fetchOne(org.praxis.jooq.Tables.THREAD.ID);
        return new long[] {session, inSession};
    }

    @Test
    void totals_and_facet_counts_only_ever_count_what_the_reader_may_read() throws Exception {
        long open = post(author, "open words " + word, false, false);
        post(author, "facilitators only " + word, true, false);
        TestData.Person shy = data.personIn(cohort, Role.MEMBER);
        post(shy, "said without a name " + word, false, true);
        long other = data.cohort();
        TestData.Person outsider = data.personIn(other, Role.MEMBER);
        long elsewhere = data.thread(other);
        data.signIn(outsider);
        threads.reply(elsewhere, null, "another cohort " + word, false, false);

        SearchResults r = results(peer, SearchQuery.of(word));

        assertThat(r.total()).isEqualTo(2);
        assertThat(r.hits()).hasSize(2);
        assertThat(counts(r, SearchResults.Facet.TYPE)).containsExactly(java.util.Map.entry("post", 2L));
        assertThat(counts(r, SearchResults.Facet.COHORT)).containsOnlyKeys(String.valueOf(cohort));
        // the hidden name is neither counted nor offered as a filter; the outsider is not there at all
        assertThat(counts(r, SearchResults.Facet.AUTHOR)).containsExactly(java.util.Map.entry(String.valueOf(author.id()), 1L));
        assertThat(r.facets().get(SearchResults.Facet.AUTHOR)).extracting(SearchResults.FacetCount::label)
                .containsExactly(author.name());
        assertThat(r.hits()).filteredOn(h -> h.id() == open).singleElement().satisfies(h -> {
            assertThat(h.author()).isEqualTo(author.name());
            assertThat(h.cohort()).isEqualTo(data.cohortName(cohort));
        });
        assertThat(r.hits()).filteredOn(h -> h.author() == null).hasSize(1);
        // nor do snippets carry any word of what the reader may not read
        assertThat(r.hits()).extracting(SearchHit::snippetHtml)
                .noneMatch(html -> html.contains("facilitators") || html.contains("another cohort"));
        assertThat(results(peer, SearchQuery.of("facilitators " + word)).hits()).isEmpty();
        assertThat(results(outsider, SearchQuery.of(word)).facets().get(SearchResults.Facet.AUTHOR))
                .extracting(SearchResults.FacetCount::value).containsExactly(String.valueOf(outsider.id()));

        SearchResults forFacilitator = results(facilitator, SearchQuery.of(word));
        assertThat(forFacilitator.total()).isEqualTo(3);
        assertThat(counts(forFacilitator, SearchResults.Facet.AUTHOR)).containsEntry(String.valueOf(author.id()), 2L)
                .doesNotContainKey(String.valueOf(shy.id()));
    }

    @Test
    void filters_narrow_by_type_cohort_session_author_and_age() throws Exception {
        long[] inSession = sessionWithThread(cohort);
        indexer.catchUp();
        data.signIn(author);
        long there = threads.reply(inSession[1], null, "said in the session " + word, false, false);
        long here = post(peer, "said in the commons " + word, false, false);
        long old = post(peer, "said long ago " + word, false, false);
        transaction.executeWithoutResult(status -> {
            db.update(org.praxis.jooq.Tables.POST).set(org.praxis.jooq.Tables.POST.CREATED_AT,
                    java.time.OffsetDateTime.now().minusYears(2)).where(org.praxis.jooq.Tables.POST.ID.eq(old)).execute();
            outbox.upsert(SearchOutbox.Type.POST, old);
        });

        assertThat(results(peer, query(word, "post", null, inSession[0], null, null, null)).hits())
                .extracting(SearchHit::id).containsExactly(there);
        assertThat(results(peer, query(word, null, null, null, (Long) peer.id(), null, null)).hits())
                .extracting(SearchHit::id).containsExactlyInAnyOrder(here, old);
        assertThat(results(peer, query(word, "post", null, null, null, SearchQuery.Since.MONTH, null)).hits())
                .extracting(SearchHit::id).containsExactlyInAnyOrder(there, here);
        assertThat(results(peer, query(word, "post", null, null, null, null, SearchQuery.Order.NEWEST)).hits())
                .extracting(SearchHit::id).last().isEqualTo(old);
        SearchResults sessions = results(peer, query(word, null, null, null, null, null, null));
        assertThat(counts(sessions, SearchResults.Facet.SESSION)).containsEntry(String.valueOf(inSession[0]), 2L);
        assertThat(sessions.facets().get(SearchResults.Facet.SESSION)).extracting(SearchResults.FacetCount::label)
                .contains("Session on burdens " + word);
        // a cohort the reader is not in filters to nothing, however it is asked
        assertThat(results(peer, query(word, null, data.cohort(), null, null, null, null)).total()).isZero();
    }

    @Test
    void choosing_a_facet_value_narrows_the_results_but_each_facet_still_counts_its_other_values() throws Exception {
        long[] inSession = sessionWithThread(cohort);
        long a = post(author, "burdens of proof " + word, false, false);
        long b = post(peer, "burdens of time " + word, false, false);

        SearchResults posts = results(peer, query(word, "post", null, null, null, null, null));
        assertThat(posts.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder(a, b);
        assertThat(posts.total()).isEqualTo(2);
        // drill-sideways: the type facet counts as if no type were chosen, so the session is still offered
        assertThat(counts(posts, SearchResults.Facet.TYPE)).containsOnly(java.util.Map.entry("post", 2L),
                java.util.Map.entry("session", 1L));
        // the other facets count within the choice: the session itself is no post
        assertThat(counts(posts, SearchResults.Facet.SESSION)).doesNotContainKey(String.valueOf(inSession[0]));

        SearchResults byPeer = results(peer, query(word, "post", null, null, peer.id(), null, null));
        assertThat(byPeer.hits()).extracting(SearchHit::id).containsExactly(b);
        assertThat(counts(byPeer, SearchResults.Facet.AUTHOR)).containsOnly(
                java.util.Map.entry(String.valueOf(author.id()), 1L), java.util.Map.entry(String.valueOf(peer.id()), 1L));
        assertThat(counts(byPeer, SearchResults.Facet.TYPE)).containsOnly(java.util.Map.entry("post", 1L));
    }

    @Test
    void a_misspelt_word_finds_words_spelt_alike_and_says_so() throws Exception {
        long id = post(author, "We hired an interpreter for every clinic " + word, false, false);

        SearchResults exact = results(peer, SearchQuery.of("interpreter " + word));
        assertThat(exact.similar()).isFalse();
        assertThat(exact.hits()).extracting(SearchHit::id).containsExactly(id);

        SearchResults typo = results(peer, SearchQuery.of("interpretr " + word));
        assertThat(typo.similar()).isTrue();
        assertThat(typo.hits()).extracting(SearchHit::id).containsExactly(id);
        assertThat(typo.hits().get(0).snippetHtml()).contains("<b>interpreter</b>");
    }

    @Test
    void no_words_shows_the_newest_things_the_reader_may_read() throws Exception {
        long first = post(author, "first " + word, false, false);
        long second = post(peer, "second " + word, false, false);
        post(author, "not for peers " + word, true, false);

        SearchResults recent = results(peer, query("", "post", cohort, null, null, null, null));
        assertThat(recent.recent()).isTrue();
        assertThat(recent.hits()).extracting(SearchHit::id).containsExactly(second, first);
        assertThat(recent.total()).isEqualTo(2);
    }

    @Autowired
    SearchOutbox outbox;

    @Autowired
    OutboxListener listener;

    @Test
    void a_commit_wakes_the_indexer_through_postgresql_notifications() throws Exception {
        long before = listener.wakeUps();
        post(author, "wake up " + word, false, false);
        long deadline = System.currentTimeMillis() + 10_000;
        while (listener.wakeUps() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listener.wakeUps()).isGreaterThan(before);
    }
}
