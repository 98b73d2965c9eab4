package org.praxis.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
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
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-status")).getText())
                .isEqualTo("Type what you are looking for.");
        search("\"unbalanced (");
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-status")).getText()).startsWith("Nothing found");
    }

    private static void search(String q) {
        com.vaadin.flow.component.UI.getCurrent().navigate("search", com.vaadin.flow.router.QueryParameters.of("q", q));
    }
}
