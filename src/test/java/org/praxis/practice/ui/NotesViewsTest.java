package org.praxis.practice.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.security.Role;
import org.praxis.base.ui.NotFoundView;
import org.praxis.practice.NoteDetails;
import org.praxis.practice.NoteDraft;
import org.praxis.practice.NoteVisibility;
import org.praxis.practice.PracticeNoteService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class NotesViewsTest extends KaribuTest {

    @Autowired
    PracticeNoteService notes;
    @Autowired
    CommitmentService commitments;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;
    TestData.Person outsider;

    @BeforeEach
    void twoCohorts() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        outsider = data.personIn(data.cohort(), Role.MEMBER);
    }

    private static void go(String route, String name, Object value) {
        UI.getCurrent().navigate(route, QueryParameters.of(name, String.valueOf(value)));
    }

    private static TextArea part(String key) {
        return _get(TextArea.class, spec -> spec.withId("note-" + key));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private long postedBy(TestData.Person who, String title, PolicyArea area, NoteVisibility visibility, boolean keepName) {
        data.signIn(who);
        long id = notes.create(cohort, NoteDraft.of(title, "We tried it.", "It taught us something.", area, visibility)
                .withVisibility(visibility, visibility == NoteVisibility.NETWORK, keepName));
        notes.post(id);
        return id;
    }

    @Test
    void a_member_writes_a_draft_that_saves_itself_then_posts_it_to_the_cohort_with_comments_open() {
        signInAs(author);
        go("notes/write", "cohort", cohort);
        _setValue(part("tried"), "Interviews with a panel of three instead of one manager.");
        assertThat(text("note-save-status")).startsWith("Not saved yet");

        _setValue(_get(TextField.class, spec -> spec.withId("note-title-field")), "Panel interviews");
        _setValue(select("note-area"), PolicyArea.HIRING);
        _setValue(part("learned"), "Candidates said the panel felt fairer.");
        assertThat(text("note-save-status")).startsWith("Draft saved at");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<NoteVisibility> readers = _get(RadioButtonGroup.class, spec -> spec.withId("note-visibility"));
        _setValue(readers, NoteVisibility.COHORT);

        _click(_get(Button.class, spec -> spec.withId("note-post-button")));
        assertThat(_get(H1.class, spec -> spec.withId("note-title")).getText()).isEqualTo("Panel interviews");
        assertThat(_get(Anchor.class, spec -> spec.withId("note-comments-link")).getHref()).startsWith("threads/");
        _assertNone(Button.class, spec -> spec.withId("note-useful-toggle"));
    }

    @Test
    void bad_input_is_shown_at_its_field_and_the_typed_text_stays() {
        signInAs(author);
        go("notes/write", "cohort", cohort);
        _setValue(_get(TextField.class, spec -> spec.withId("note-title-field")), "Sliding fees");
        _setValue(select("note-area"), PolicyArea.ELIGIBILITY);
        _setValue(part("tried"), "A sliding fee for every visit.");
        _setValue(_get(TextField.class, spec -> spec.withId("note-tags")), "fees, " + "x".repeat(41));
        _click(_get(Button.class, spec -> spec.withId("note-post-button")));

        TextField tags = _get(TextField.class, spec -> spec.withId("note-tags"));
        assertThat(tags.isInvalid()).isTrue();
        assertThat(tags.getValue()).isEqualTo("fees, " + "x".repeat(41));
        assertThat(part("tried").getValue()).isEqualTo("A sliding fee for every visit.");
        assertThat(text("note-save-status")).startsWith("Not saved");

        _setValue(tags, "fees");
        _click(_get(Button.class, spec -> spec.withId("note-post-button")));
        assertThat(part("learned").isInvalid()).as("posting asks what was learned").isTrue();
        assertThat(part("tried").getValue()).isEqualTo("A sliding fee for every visit.");
        assertThat(location()).startsWith("notes/write");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<NoteVisibility> readers = _get(RadioButtonGroup.class, spec -> spec.withId("note-visibility"));
        _setValue(readers, NoteVisibility.NETWORK);
        _setValue(part("learned"), "Fewer people left before being seen.");
        _click(_get(Button.class, spec -> spec.withId("note-post-button")));
        Checkbox consent = _get(Checkbox.class, spec -> spec.withId("note-consent"));
        assertThat(consent.isInvalid()).as("the network needs consent").isTrue();
        _setValue(consent, true);
        _click(_get(Button.class, spec -> spec.withId("note-post-button")));
        assertThat(_get(H1.class, spec -> spec.withId("note-title")).getText()).isEqualTo("Sliding fees");
    }

    @Test
    void the_notes_page_filters_by_area_and_tag_in_its_address() {
        long hiring = postedBy(author, "About hiring", PolicyArea.HIRING, NoteVisibility.COHORT, true);
        long governance = postedBy(author, "About the board", PolicyArea.GOVERNANCE, NoteVisibility.COHORT, true);
        long privateOne = postedBy(author, "Mine alone", PolicyArea.HIRING, NoteVisibility.PRIVATE, true);

        signInAs(peer);
        go("notes", "cohort", cohort);
        assertThat(_find(ListItem.class, spec -> spec.withId("note-" + hiring))).hasSize(1);
        assertThat(_find(ListItem.class, spec -> spec.withId("note-" + governance))).hasSize(1);
        _assertNone(ListItem.class, spec -> spec.withId("note-" + privateOne));

        _setValue(select("notes-area"), PolicyArea.GOVERNANCE);
        assertThat(location()).contains("area=governance");
        _assertNone(ListItem.class, spec -> spec.withId("note-" + hiring));
        _assertOne(ListItem.class, spec -> spec.withId("note-" + governance));
        assertThat(text("notes-count")).isEqualTo("One note");

        _setValue(_get(TextField.class, spec -> spec.withId("notes-tag")), "nothing-tagged-so");
        assertThat(text("notes-count")).isEqualTo("No notes match.");
    }

    @Test
    void a_peer_marks_a_note_useful_and_takes_the_mark_back() {
        long id = postedBy(author, "Useful one", PolicyArea.HIRING, NoteVisibility.COHORT, true);
        signInAs(peer);
        navigate("notes/" + id);
        assertThat(text("note-useful-count")).isEqualTo("Nobody marked it useful yet");
        _click(_get(Button.class, spec -> spec.withId("note-useful-toggle")));
        assertThat(text("note-useful-count")).isEqualTo("One person found it useful");
        assertThat(_get(Button.class, spec -> spec.withId("note-useful-toggle")).getText()).isEqualTo("Remove my useful mark");
        _click(_get(Button.class, spec -> spec.withId("note-useful-toggle")));
        assertThat(text("note-useful-count")).isEqualTo("Nobody marked it useful yet");
    }

    @Test
    void a_facilitator_publishes_from_the_queue_and_the_author_withdraws_with_the_name_removed_throughout() {
        long id = postedBy(author, "Shared widely", PolicyArea.LANGUAGE_ACCESS, NoteVisibility.NETWORK, false);

        signInAs(outsider);
        navigate("notes/" + id);
        _assertOne(NotFoundView.class);

        freshSession();
        signInAs(facilitator);
        go("notes/queue", "cohort", cohort);
        assertThat(text("notes-queue-count")).isEqualTo("One note awaits publishing.");
        _click(_get(Button.class, spec -> spec.withId("queue-publish-" + id)));
        assertThat(text("notes-queue-count")).isEqualTo("No notes await publishing.");

        freshSession();
        signInAs(outsider);
        navigate("notes/network");
        ListItem card = _get(ListItem.class, spec -> spec.withId("note-" + id));
        assertThat(card.getElement().getTextRecursively()).contains("Name removed by the author")
                .doesNotContain(author.name());
        navigate("notes/" + id);
        assertThat(_get(com.vaadin.flow.component.html.DescriptionList.class, spec -> spec.withId("note-facts"))
                .getElement().getTextRecursively()).contains("Name removed by the author").doesNotContain(author.name());
        assertThat(text("note-comments-closed")).startsWith("Comments on this note are for the members of");

        freshSession();
        signInAs(author);
        navigate("notes/" + id);
        _click(_get(Button.class, spec -> spec.withId("note-withdraw")));
        _click(_get(Button.class, spec -> spec.withId("withdraw-confirm")));
        NoteDetails after = notes.read(id);
        assertThat(after.visibility()).isEqualTo(NoteVisibility.COHORT);

        freshSession();
        signInAs(outsider);
        navigate("notes/network");
        _assertNone(ListItem.class, spec -> spec.withId("note-" + id));
        navigate("notes/" + id);
        _assertOne(NotFoundView.class);
    }

    @Test
    void making_a_cohort_note_private_asks_first_because_its_comments_go() {
        long id = postedBy(author, "Soon private", PolicyArea.HIRING, NoteVisibility.COHORT, true);
        data.signIn(author);
        assertThat(notes.read(id).threadId()).isNotNull();

        signInAs(author);
        go("notes/write", "id", id);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<NoteVisibility> readers = _get(RadioButtonGroup.class, spec -> spec.withId("note-visibility"));
        _setValue(readers, NoteVisibility.PRIVATE);
        _click(_get(Button.class, spec -> spec.withId("note-save")));
        _click(_get(Button.class, spec -> spec.withId("narrow-note-cancel")));
        assertThat(notes.read(id).visibility()).as("nothing saved on cancel").isEqualTo(NoteVisibility.COHORT);

        _click(_get(Button.class, spec -> spec.withId("note-save")));
        _click(_get(Button.class, spec -> spec.withId("narrow-note-confirm")));
        NoteDetails after = notes.read(id);
        assertThat(after.visibility()).isEqualTo(NoteVisibility.PRIVATE);
        assertThat(after.threadId()).isNull();
        assertThat(after.editedAt()).isNotNull();
    }

    @Test
    void a_check_in_leads_to_a_new_note_linked_to_the_commitment() {
        data.signIn(author);
        long commitment = commitments.create(cohort, new CommitmentDraft("Publish pay bands", LocalDate.now().plusDays(40),
                null, null, null, null, null, null, Sharing.PRIVATE, Rhythm.MONTHLY));
        commitments.checkIn(commitment, CommitmentStatus.DONE, "Bands are on the careers page", null, Set.of());

        signInAs(author);
        navigate("commitments/" + commitment);
        Anchor learn = _get(Anchor.class, spec -> spec.withId("commitment-learn"));
        follow(learn.getHref());
        assertThat(select("note-commitment").getValue()).isNotNull();
        assertThat(((org.praxis.practice.NoteChoices.Choice) select("note-commitment").getValue()).id())
                .isEqualTo(commitment);
        assertThat(part("tried").getValue()).isEqualTo("Publish pay bands");

        freshSession();
        signInAs(peer);
        go("notes/write", "commitment", commitment);
        _assertOne(NotFoundView.class);
    }
}
