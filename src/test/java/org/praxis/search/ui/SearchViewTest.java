package org.praxis.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.base.ui.SafeHtml;
import org.praxis.search.Indexer;
import org.praxis.search.SearchQuery;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class SearchViewTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    Indexer indexer;

    @Test
    void the_results_show_what_the_reader_may_see_with_the_matched_words_marked() throws Exception {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        data.signIn(author);
        long id = threads.reply(thread, null, "Interpreters for every appointment " + word, false, false);
        indexer.catchUp();

        signInAs(peer);
        navigate("");
        TextField field = _get(TextField.class, spec -> spec.withId("search-field"));
        assertThat(field.getAriaLabel()).contains("Search everything you can read");
        search(word);

        ListItem result = _get(ListItem.class, spec -> spec.withId("result-post-" + id));
        assertThat(result.getElement().getTextRecursively()).contains("Post");
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-status")).getText()).isEqualTo("One result");

        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("");
        search(word);
        _assertNone(ListItem.class, spec -> spec.withId("result-post-" + id));
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-status")).getText()).startsWith("Nothing found");
    }

    @Test
    void an_empty_or_broken_query_gets_a_friendly_message() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("search");
        assertThat(status()).isEqualTo("Nothing to show yet. Type what you are looking for.");
        search("\"unbalanced (");
        assertThat(status()).startsWith("Nothing found");
        assertThat(_get(TextField.class, spec -> spec.withId("search-query")).getValue()).isEqualTo("\"unbalanced (");
        search("x".repeat(10_000) + " \u0000 😀 '; drop table post; --");
        assertThat(status()).startsWith("Nothing found");
    }

    @Test
    void filters_with_counts_narrow_the_results_and_stay_in_the_address() throws Exception {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        data.signIn(author);
        long mine = threads.reply(thread, null, "Budget lines for interpreters " + word, false, false);
        data.signIn(peer);
        long theirs = threads.reply(thread, null, "Budget for childcare " + word, false, false);
        indexer.catchUp();

        signInAs(peer);
        search(word);
        assertThat(status()).isEqualTo("2 results");
        @SuppressWarnings("unchecked")
        Select<String> byAuthor = _get(Select.class, spec -> spec.withId("search-filter-author"));
        assertThat(byAuthor.getListDataView().getItems().map(byAuthor.getItemLabelGenerator()))
                .containsExactlyInAnyOrder(author.name() + " (1)", peer.name() + " (1)");
        _setValue(byAuthor, String.valueOf(author.id()));

        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getParameters()).containsEntry("author", java.util.List.of(String.valueOf(author.id())));
        assertThat(status()).isEqualTo("One result");
        _get(ListItem.class, spec -> spec.withId("result-post-" + mine));
        _assertNone(ListItem.class, spec -> spec.withId("result-post-" + theirs));
        ListItem result = _get(ListItem.class, spec -> spec.withId("result-post-" + mine));
        assertThat(result.getElement().getTextRecursively()).contains(author.name()).contains(data.cohortName(cohort));

        @SuppressWarnings("unchecked")
        Select<SearchQuery.Order> order = _get(Select.class, spec -> spec.withId("search-order"));
        _setValue(order, SearchQuery.Order.NEWEST);
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getParameters()).containsKeys("author", "order");
        assertThat(status()).isEqualTo("One result");
    }

    @Test
    void no_words_show_recent_activity_and_more_results_come_on_request() throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        for (int i = 0; i < SearchQuery.PAGE + 2; i++) {
            threads.reply(thread, null, "Check-in number " + i, false, false);
        }
        indexer.catchUp();

        signInAs(member);
        navigate("search");
        assertThat(status()).startsWith("Recent activity you can read: 22 items");
        assertThat(_find(ListItem.class, spec -> spec.withClasses("praxis-card"))).hasSize(SearchQuery.PAGE);
        _click(_get(Button.class, spec -> spec.withId("search-more")));
        assertThat(_find(ListItem.class, spec -> spec.withClasses("praxis-card"))).hasSize(22);
        _assertNone(Button.class, spec -> spec.withId("search-more"));
    }

    @Test
    void a_misspelt_word_shows_words_spelt_alike() throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        long id = threads.reply(thread, null, "Our contracts ask for interpreters in every clinic", false, false);
        indexer.catchUp();

        signInAs(member);
        search("interpretr");
        assertThat(status()).isEqualTo("No exact matches for “interpretr”. One result for words spelt alike.");
        SafeHtml snippet = _get(_get(ListItem.class, spec -> spec.withId("result-post-" + id)), SafeHtml.class);
        assertThat(snippet.getSanitizedHtml()).contains("<b>interpreters</b>");
    }

    @Autowired
    org.praxis.search.SearchIndex index;

    @Test
    void a_damaged_index_is_rebuilt_and_the_reader_is_told_so_instead_of_an_error() throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zd" + Long.toString(System.nanoTime(), 36);
        String stored = org.praxis.search.IndexDamage.storedOnly();
        data.signIn(member);
        long id = threads.reply(thread, null, "Kept safe in the database " + stored + " " + word, false, false);
        indexer.catchUp();
        signInAs(member);
        search(word);
        assertThat(status()).isEqualTo("One result");

        // the searcher reads the segments on disk now (a background merge may have made new ones)
        index.searchers().maybeRefreshBlocking();
        org.praxis.search.IndexDamage.overwrite(index, stored, org.praxis.search.IndexDamage.Where.BLOCK_HEADER);
        search(word);

        assertThat(status()).isEqualTo("Search is being rebuilt from the saved posts and pages. Nothing can be found for "
                + "a few minutes; please try again shortly.");
        _assertNone(ListItem.class, spec -> spec.withId("result-post-" + id));
        // the rebuild reads the tables while searches go on: once done, the post is found again
        indexer.finishRebuild();
        search(word);
        assertThat(status()).isEqualTo("One result");
        _get(ListItem.class, spec -> spec.withId("result-post-" + id));
        _assertNone(Paragraph.class, spec -> spec.withId("search-rebuilding"));
    }

    @Test
    void while_the_index_is_rebuilt_what_is_found_comes_with_word_that_more_may_follow() throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zp" + Long.toString(System.nanoTime(), 36);
        // the rebuild is held on this thread, so the page is seen while it is under way
        indexer.stop();
        try {
            indexer.rebuild();
            data.signIn(member);
            long id = threads.reply(thread, null, "Written during the rebuild " + word, false, false);
            indexer.catchUp();

            signInAs(member);
            search(word);
            assertThat(status()).isEqualTo("One result");
            _get(ListItem.class, spec -> spec.withId("result-post-" + id));
            assertThat(_get(Paragraph.class, spec -> spec.withId("search-rebuilding")).getText())
                    .isEqualTo("Search is being rebuilt from the saved posts and pages: some results may be missing for a "
                            + "few minutes.");
            indexer.finishRebuild();
            search(word);
            _assertNone(Paragraph.class, spec -> spec.withId("search-rebuilding"));
        } finally {
            indexer.finishRebuild();
            indexer.start();
        }
    }

    static String status() {
        return _get(Paragraph.class, spec -> spec.withId("search-status")).getText();
    }

    static void search(String q) {
        com.vaadin.flow.component.UI.getCurrent().navigate("search", com.vaadin.flow.router.QueryParameters.of("q", q));
    }
}
