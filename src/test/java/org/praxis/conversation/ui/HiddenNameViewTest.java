package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ReactionKind;
import org.praxis.conversation.ReactionService;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A post written with the name hidden, from a peer's side, on every page that shows it or
 * something about it: the thread (its author line, its edit history, who reacted), the
 * notification of a mention in it, and search. Nothing a peer's browser receives names the
 * author, in text, attributes or properties.
 */
class HiddenNameViewTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ReactionService reactions;
    @Autowired
    Indexer indexer;

    long cohort;
    long thread;
    TestData.Person author;
    TestData.Person peer;
    TestData.Person reactor;
    long post;
    String word;

    @BeforeEach
    void aHiddenNamePostThatWasEditedReactedToAndMentionsThePeer() {
        cohort = data.cohort();
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        reactor = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort, null, true);
        word = "zv" + Long.toString(System.nanoTime(), 36);
        data.signIn(author);
        post = threads.reply(thread, null, "@" + peer.name() + " it happened to me " + word, false, true);
        threads.edit(post, "@" + peer.name() + " it happened to me, and I said so " + word);
        data.signIn(reactor);
        reactions.toggle(post, ReactionKind.values()[0]);
    }

    /**
     * Every text, attribute and property value the browser gets for the component and all
     * below it (by components too, since a dialog's content hangs off its overlay, not its element).
     */
    private static String sent(com.vaadin.flow.component.Component component) {
        StringBuilder out = new StringBuilder();
        collect(component, out);
        return out.toString();
    }

    private static void collect(com.vaadin.flow.component.Component component, StringBuilder out) {
        collect(component.getElement(), out);
        component.getChildren().forEach(child -> collect(child, out));
    }

    private static void collect(Element element, StringBuilder out) {
        if (element.isTextNode()) {
            out.append(element.getText()).append('\n');
            return;
        }
        element.getAttributeNames().forEach(name -> out.append(element.getAttribute(name)).append('\n'));
        element.getPropertyNames().forEach(name -> out.append(element.getPropertyRaw(name)).append('\n'));
        element.getChildren().forEach(child -> collect(child, out));
    }

    private void assertNothingNamesTheAuthor(String where) {
        assertThat(sent(UI.getCurrent())).as(where).doesNotContain(author.name())
                .doesNotContain(author.email());
    }

    @Test
    void the_thread_its_edit_history_and_its_reactions_never_name_the_author_to_a_peer() {
        signInAs(peer);
        UI.getCurrent().navigate("threads/" + thread);

        assertThat(_get(Span.class, spec -> spec.withId("post-author-" + post)).getText()).isEqualTo("A member");
        Button reacted = _get(Button.class, spec -> spec.withId("react-" + post + "-" + ReactionKind.values()[0].name()));
        assertThat(reacted.getTooltip().getText()).contains(reactor.name()).doesNotContain(author.name());
        assertNothingNamesTheAuthor("the thread");

        _click(_get(Button.class, spec -> spec.withId("revisions-" + post)));
        assertThat(sent(UI.getCurrent())).as("the edit history is open").contains("it happened to me");
        assertNothingNamesTheAuthor("the edit history");

        // the same page for a facilitator does carry the name: the check looks where a name would be
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        UI.getCurrent().navigate("threads/" + thread);
        assertThat(sent(UI.getCurrent())).contains(author.name());
    }

    @Test
    void the_author_cannot_react_to_their_own_post_so_no_reactions_list_can_carry_the_name() {
        data.signIn(author);
        for (ReactionKind kind : ReactionKind.values()) {
            assertThatThrownBy(() -> reactions.toggle(post, kind)).isInstanceOf(AccessDeniedException.class);
        }
        signInAs(author);
        UI.getCurrent().navigate("threads/" + thread);
        assertThat(_get(Button.class, spec -> spec.withId("react-" + post + "-" + ReactionKind.values()[0].name()))
                .isEnabled()).isFalse();
    }

    @Test
    void the_notification_of_a_mention_says_a_member_mentioned_the_peer() {
        signInAs(peer);
        UI.getCurrent().navigate("notifications");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("notifications"))
                .getElement().getTextRecursively()).contains("A member mentioned you");
        assertNothingNamesTheAuthor("the notifications");
    }

    @Test
    void search_results_and_their_filters_never_name_the_author_to_a_peer() throws Exception {
        indexer.catchUp();
        signInAs(peer);
        UI.getCurrent().navigate("search", QueryParameters.of("q", word));

        _get(ListItem.class, spec -> spec.withId("result-post-" + post));
        @SuppressWarnings("unchecked")
        Select<String> byAuthor = _get(Select.class, spec -> spec.withId("search-filter-author"));
        assertThat(byAuthor.getListDataView().getItems()).doesNotContain(String.valueOf(author.id()));
        assertNothingNamesTheAuthor("search");

        UI.getCurrent().navigate("search", QueryParameters.of("q", "\\u0061uthor:" + author.id() + " " + word));
        assertThat(sent(UI.getCurrent())).as("asked by the author's id").doesNotContain("result-post-" + post);
    }
}
