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
    SearchDocuments documents;
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
            assertThat(h.path()).isEqualTo("threads/" + thread + "#post-" + id);
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
