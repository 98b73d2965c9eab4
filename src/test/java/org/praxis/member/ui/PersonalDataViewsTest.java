package org.praxis.member.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.member.MemberSummary;
import org.praxis.search.Indexer;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Taking one's data away from the account page, and an admin deleting an account from the people page. */
class PersonalDataViewsTest extends KaribuTest {

    @Autowired
    ThreadService threads;
    @Autowired
    Indexer indexer;

    long cohort;
    long thread;
    long post;
    String word;
    TestData.Person member;
    TestData.Person peer;

    @BeforeEach
    void aMemberWithAPost() {
        cohort = data.cohort();
        member = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort);
        word = "zq" + Long.toString(System.nanoTime(), 36);
        data.signIn(member);
        post = threads.reply(thread, null, "What our clinic changed " + word, false, false);
        data.signIn(peer);
        threads.reply(thread, null, "A peer's words " + word, false, false);
    }

    /** Runs the download behind the link as the browser would fetch it, and reads the zip back. */
    private static Map<String, String> download(Anchor link) throws Exception {
        StreamResource resource = (StreamResource) VaadinSession.getCurrent().getResourceRegistry()
                .getResource(new URI(link.getHref())).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource.getWriter().accept(out, VaadinSession.getCurrent());
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void a_member_downloads_their_own_data_from_the_account_page() throws Exception {
        signInAs(member);
        navigate("account");

        Anchor link = _get(Anchor.class, spec -> spec.withId("download-my-data"));
        assertThat(link.getText()).isEqualTo("Download my data");
        assertThat(link.getElement().hasAttribute("download")).isTrue();
        Map<String, String> files = download(link);

        assertThat(files.get("posts/posts.md")).contains("What our clinic changed " + word).doesNotContain("A peer's words");
        assertThat(files.get("profile.json")).contains(member.email());
    }

    @SuppressWarnings("unchecked")
    private Grid<MemberSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("members-grid"));
    }

    private void openAccountOf(TestData.Person who) {
        navigate("people");
        _setValue(_get(TextField.class, spec -> spec.withId("people-filter")), who.name());
        assertThat(_size(grid())).isEqualTo(1);
        GridKt._selectRow(grid(), 0);
    }

    @Test
    void a_facilitator_is_not_offered_to_delete_an_account() {
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        openAccountOf(member);

        _assertOne(Button.class, spec -> spec.withId("deactivate-member"));
        _assertNone(Button.class, spec -> spec.withId("erase-member"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_deletes_an_account_on_request_and_peers_see_a_former_member_and_no_name_anywhere() throws Exception {
        signInAs(data.person(Role.ADMIN));
        openAccountOf(member);
        _click(_get(Button.class, spec -> spec.withId("erase-member")));
        // nothing chosen yet: asked, and nothing happens
        _click(_get(Button.class, spec -> spec.withId("erase-confirm")));
        RadioButtonGroup<Boolean> choice = _get(RadioButtonGroup.class, spec -> spec.withId("erase-contributions"));
        assertThat(choice.isInvalid()).isTrue();
        assertThat(choice.getErrorMessage()).isEqualTo("Please choose what happens to what they shared.");
        assertThat(data.membersNamed(member.name())).isEqualTo(1);

        _setValue(choice, Boolean.TRUE);
        _click(_get(Button.class, spec -> spec.withId("erase-confirm")));

        assertThat(data.membersNamed(member.name())).isZero();
        _setValue(_get(TextField.class, spec -> spec.withId("people-filter")), member.name());
        assertThat(_size(grid())).isZero();

        // a peer: the thread, search and the cohort's people
        signInAs(peer);
        navigate("threads/" + thread);
        String kept = _get(Article.class, spec -> spec.withId("post-" + post)).getElement().getTextRecursively();
        assertThat(kept).contains("A former member").doesNotContain(member.name());
        assertThat(_get(Main.class, spec -> spec.withId("thread-view")).getElement().getTextRecursively())
                .doesNotContain(member.name());
        indexer.catchUp();
        com.vaadin.flow.component.UI.getCurrent().navigate("search", QueryParameters.of("q", word));
        String results = _get(Main.class, spec -> spec.withId("search-view")).getElement().getTextRecursively();
        assertThat(results).contains("A former member").doesNotContain(member.name());
        navigate("cohort-people");
        assertThat(_get(Main.class, spec -> spec.withId("cohort-people-view")).getElement().getTextRecursively())
                .contains(peer.name()).doesNotContain(member.name());
    }
}
