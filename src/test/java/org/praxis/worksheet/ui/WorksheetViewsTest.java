package org.praxis.worksheet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.base.ui.DiffText;
import org.praxis.base.ui.NotFoundView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.Question;
import org.praxis.worksheet.QuestionKind;
import org.praxis.worksheet.ResponseStatus;
import org.praxis.worksheet.TemplateDetails;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.Visibility;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

class WorksheetViewsTest extends KaribuTest {

    @Autowired
    TemplateService templates;
    @Autowired
    WorksheetService worksheets;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;

    @BeforeEach
    void cohortOfThree() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
    }

    private long assigned(String title) {
        data.signIn(facilitator);
        long template = templates.create(cohort, WorksheetServiceTestSupport.everyKind(title));
        return worksheets.assign(template, cohort, null, null, null);
    }

    private long submitted(TestData.Person who, long assignment, Visibility visibility, int scale, String words) {
        data.signIn(who);
        long id = worksheets.start(assignment);
        worksheets.saveAnswer(id, "q1", Answer.text(words));
        worksheets.saveAnswer(id, "q7", Answer.scale(scale));
        worksheets.setVisibility(id, visibility);
        worksheets.submit(id);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static void field(String id, String value) {
        _setValue(_get(TextField.class, spec -> spec.withId(id)), value);
    }

    @SuppressWarnings("unchecked")
    private static void kind(String question, QuestionKind kind) {
        _setValue(_get(Select.class, spec -> spec.withId(question + "-kind")), kind);
    }

    @Test
    void a_facilitator_builds_a_template_with_every_question_kind_and_assigns_it() {
        signInAs(facilitator);
        navigate("worksheets/templates");
        _assertOne(Span.class, spec -> spec.withText("Equity-versus-equality policy reflection"));
        click("template-" + templates.starter("leadership") + "-preview");
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class).getElement().getTextRecursively())
                .contains("How I define equity", "How do you define equity, in your own words?", "Long text · required");
        click("preview-close");
        click("template-new");
        String title = TestData.unique("Every kind");
        field("template-title", title);
        field("step-0-title", "Reflect");
        QuestionKind[] kinds = QuestionKind.values();
        for (int j = 0; j < kinds.length; j++) {
            if (j > 0) {
                click("step-0-add-question");
            }
            kind("question-0-" + j, kinds[j]);
            field("question-0-" + j + "-prompt", "Question about " + kinds[j]);
        }
        // the choice questions need options: saving without them says so in place
        click("template-save");
        TextArea options = _get(TextArea.class, spec -> spec.withId("question-0-2-options"));
        assertThat(options.isInvalid()).isTrue();
        assertThat(options.getErrorMessage()).isEqualTo("Please give at least two options, one per line.");
        assertThat(_get(TextField.class, spec -> spec.withId("template-title")).getValue()).isEqualTo(title);
        _setValue(options, "Political\nFinancial");
        _setValue(_get(TextArea.class, spec -> spec.withId("question-0-3-options")), "Mandated\nEmotional\nManagerial");
        field("question-0-4-low", "Not ready");
        field("question-0-4-high", "Ready now");
        click("template-add-step");
        field("step-1-title", "Close");
        field("question-1-0-prompt", "Anything else?");
        click("step-1-up");
        assertThat(_get(TextField.class, spec -> spec.withId("step-0-title")).getValue()).isEqualTo("Close");
        click("step-0-down");
        click("template-save");
        assertThat(text("template-status")).startsWith("Saved");

        long id = templates.templates().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow().id();
        TemplateDetails saved = templates.read(id);
        assertThat(saved.definition().steps()).hasSize(2);
        assertThat(saved.definition().steps().get(0).questions()).extracting(Question::kind).containsExactly(kinds);
        assertThat(saved.definition().question("q5").orElseThrow().highLabel()).isEqualTo("Ready now");

        long session = data.session(cohort, "Session on intake");
        navigate("worksheets/templates");
        click("template-" + id + "-assign");
        @SuppressWarnings("unchecked")
        Select<org.praxis.worksheet.SessionOption> sessions = _get(Select.class, spec -> spec.withId("assign-session"));
        _setValue(sessions, sessions.getListDataView().getItems().filter(o -> o != null && o.id() == session).findFirst()
                .orElseThrow());
        _setValue(_get(DatePicker.class, spec -> spec.withId("assign-due")), LocalDate.now().minusDays(3));
        click("assign-confirm");
        DatePicker due = _get(DatePicker.class, spec -> spec.withId("assign-due"));
        assertThat(due.isInvalid()).isTrue();
        _setValue(due, LocalDate.now().plusDays(7));
        click("assign-confirm");
        assertThat(_get(H1.class).getText()).isEqualTo(title);
        _assertOne(Div.class, spec -> spec.withId("counts-q5"));
        _assertOne(Anchor.class, spec -> spec.withText("For the session “Session on intake”"));
    }

    @Test
    void done_with_unsaved_edits_asks_first_stays_saves_or_leaves_and_a_refused_save_says_what_is_wrong() {
        signInAs(facilitator);
        navigate("worksheets/templates");
        click("template-new");
        String title = TestData.unique("Unsaved");
        field("template-title", title);
        field("step-0-title", "Reflect");

        // saving with a question left without its wording says what is wrong, not "Not saved:" alone
        click("template-save");
        assertThat(text("template-status")).isEqualTo("Not saved: please correct the field marked below.");
        assertThat(_get(TextField.class, spec -> spec.withId("question-0-0-prompt")).isInvalid()).isTrue();

        // Done asks; staying keeps every edit on the page
        click("template-done");
        ConfirmDialog ask = _get(ConfirmDialog.class, spec -> spec.withId("template-leave-dialog"));
        ConfirmDialogKt._fireCancel(ask);
        _assertOne(TemplateEditorView.class);
        assertThat(_get(TextField.class, spec -> spec.withId("template-title")).getValue()).isEqualTo(title);

        // save and leave: a save still refused keeps them on the page
        click("template-done");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("template-leave-dialog")));
        _assertOne(TemplateEditorView.class);
        field("question-0-0-prompt", "What did you notice?");
        click("template-done");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("template-leave-dialog")));
        _assertOne(TemplatesView.class);
        assertThat(templates.templates()).anyMatch(t -> t.title().equals(title));

        // nothing changed since the save: Done leaves at once
        long id = templates.templates().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("worksheets/templates/edit", QueryParameters.of("id", String.valueOf(id)));
        click("template-done");
        _assertOne(TemplatesView.class);

        // leaving without saving throws the edit away, as asked
        UI.getCurrent().navigate("worksheets/templates/edit", QueryParameters.of("id", String.valueOf(id)));
        field("template-title", title + " renamed");
        click("template-done");
        ConfirmDialogKt._fireReject(_get(ConfirmDialog.class, spec -> spec.withId("template-leave-dialog")));
        _assertOne(TemplatesView.class);
        assertThat(templates.read(id).definition().title()).isEqualTo(title);
    }

    @Test
    void members_cannot_open_the_template_pages() {
        signInAs(author);
        navigate("worksheets/templates");
        _assertOne(AccessDeniedView.class);
        navigate("worksheets/templates/edit");
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void a_member_fills_step_by_step_leaves_comes_back_where_they_were_and_submits() {
        long assignment = assigned(TestData.unique("Fill"));
        signInAs(author);
        navigate("worksheets");
        click("assignment-" + assignment + "-go");
        assertThat(text("worksheet-progress-text")).isEqualTo("Step 1 of 2");
        _setValue(_get(TextArea.class, spec -> spec.withId("answer-q1")), "What we saw at intake");
        assertThat(text("worksheet-save-status")).startsWith("Saved at");
        _setValue(_get(TextArea.class, spec -> spec.withId("answer-q3-equity")), "Fees by income");
        field("answer-q4-group-0", "Families");
        _setValue(_get(TextArea.class, spec -> spec.withId("answer-q4-burdens-0")), "Paperwork");
        click("answer-q4-add-row");
        field("answer-q4-group-1", "Elders");
        click("worksheet-next");
        assertThat(text("worksheet-progress-text")).isEqualTo("Step 2 of 2");
        _setValue(radio("answer-q7"), 4);
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> barriers = _get(CheckboxGroup.class, spec -> spec.withId("answer-q6"));
        _setValue(barriers, Set.of("Political"));

        // leave, and come back days later
        navigate("");
        navigate("worksheets");
        assertThat(_get(Button.class, spec -> spec.withId("assignment-" + assignment + "-go")).getText()).isEqualTo("Continue");
        click("assignment-" + assignment + "-go");
        assertThat(text("worksheet-progress-text")).isEqualTo("Step 2 of 2");
        assertThat(radio("answer-q7").getValue()).isEqualTo(4);
        click("worksheet-back");
        assertThat(_get(TextArea.class, spec -> spec.withId("answer-q1")).getValue()).isEqualTo("What we saw at intake");
        assertThat(_get(TextField.class, spec -> spec.withId("answer-q4-group-1")).getValue()).isEqualTo("Elders");

        // a required answer removed: submitting goes back to it and says so
        _setValue(_get(TextArea.class, spec -> spec.withId("answer-q1")), "");
        click("worksheet-next");
        click("worksheet-submit");
        TextArea q1 = _get(TextArea.class, spec -> spec.withId("answer-q1"));
        assertThat(q1.isInvalid()).isTrue();
        assertThat(text("worksheet-save-status")).contains("Some required answers are missing", "Words");
        _setValue(q1, "What we saw, again");
        click("worksheet-next");
        click("worksheet-submit");
        assertThat(text("worksheet-meta")).endsWith("Submitted");
        _assertOne(Div.class, spec -> spec.withId("worksheet-answers"));
        navigate("worksheets");
        assertThat(_get(Span.class, spec -> spec.withId("assignment-" + assignment + "-status")).getText())
                .isEqualTo("Submitted");
    }

    @Test
    void an_answer_typed_after_submitting_in_another_window_is_kept_on_screen_and_explained() {
        long assignment = assigned(TestData.unique("Two windows"));
        signInAs(author);
        long id = worksheets.start(assignment);
        navigate("worksheets/responses/" + id);
        worksheets.saveAnswer(id, "q1", Answer.text("Written in the other window"));
        worksheets.submit(id);
        TextArea q2 = _get(TextArea.class, spec -> spec.withId("answer-q1"));
        _setValue(q2, "Typed here too late");
        assertThat(text("worksheet-save-status")).startsWith("Not saved: this round was submitted in another window");
        assertThat(q2.getValue()).isEqualTo("Typed here too late");
        assertThat(worksheets.response(id).answer("q1").text()).isEqualTo("Written in the other window");
    }

    @Test
    void the_author_chooses_who_reads_it_and_sees_exactly_who_can() {
        long assignment = assigned(TestData.unique("Share"));
        long id = submitted(author, assignment, Visibility.PRIVATE, 3, "Just for me");
        signInAs(peer);
        navigate("worksheets/responses/" + id);
        _assertOne(NotFoundView.class);
        signInAs(facilitator);
        navigate("worksheets/responses/" + id);
        _assertOne(NotFoundView.class);

        signInAs(author);
        navigate("worksheets/responses/" + id);
        assertThat(text("worksheet-readers")).startsWith("Only you can read this response");
        _setValue(radio("worksheet-visibility"), Visibility.FACILITATORS);
        assertThat(text("worksheet-readers")).contains(facilitator.name()).doesNotContain(peer.name());
        _setValue(radio("worksheet-visibility"), Visibility.COHORT);
        assertThat(text("worksheet-readers")).contains(facilitator.name(), peer.name());

        signInAs(peer);
        navigate("worksheets/assignments/" + assignment);
        _assertOne(Anchor.class, spec -> spec.withId("shared-response-" + id));
        navigate("worksheets/responses/" + id);
        _assertOne(Div.class, spec -> spec.withId("worksheet-answers"));
        _assertNone(RadioButtonGroup.class, spec -> spec.withId("worksheet-visibility"));
        _assertNone(Anchor.class, spec -> spec.withId("worksheet-export-markdown"));
        _assertNone(Button.class, spec -> spec.withId("worksheet-new-round"));
    }

    @Test
    void a_second_round_starts_from_the_first_and_the_two_compare_side_by_side() {
        long assignment = assigned(TestData.unique("Rounds"));
        long first = submitted(author, assignment, Visibility.PRIVATE, 2, "We treat everyone the same");
        signInAs(author);
        navigate("worksheets/responses/" + first);
        _assertOne(Anchor.class, spec -> spec.withId("worksheet-export-markdown"));
        assertThat(_get(Anchor.class, spec -> spec.withId("worksheet-export-pdf")).getHref()).isNotBlank();
        click("worksheet-new-round");
        assertThat(text("worksheet-meta")).startsWith("Round 2");
        TextArea q1 = _get(TextArea.class, spec -> spec.withId("answer-q1"));
        assertThat(q1.getValue()).isEqualTo("We treat everyone the same");
        _setValue(q1, "We treat each group as it needs");
        long second = worksheets.rounds(first).get(1).responseId();
        _assertOne(Anchor.class, spec -> spec.withId("worksheet-compare-1"));

        UI.getCurrent().navigate("worksheets/responses/" + second, QueryParameters.of("compare", String.valueOf(first)));
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("worksheet-compare-title")).getText())
                .isEqualTo("Round 1 and round 2 side by side");
        DiffText diff = _find(DiffText.class).get(0);
        assertThat(diff.getElement().getChildren().anyMatch(c -> !c.isTextNode() && c.getTag().equals("ins")
                && c.getText().contains("need"))).isTrue();
        assertThat(_find(Span.class, spec -> spec.withText("Unchanged"))).isNotEmpty();
    }

    @Test
    void facilitators_see_completion_and_counts_only_from_three_shared_responses() {
        long assignment = assigned(TestData.unique("Counts"));
        TestData.Person third = data.personIn(cohort, Role.MEMBER);
        TestData.Person quiet = data.personIn(cohort, Role.MEMBER);
        submitted(author, assignment, Visibility.FACILITATORS, 5, "One");
        submitted(peer, assignment, Visibility.COHORT, 4, "Two");
        submitted(quiet, assignment, Visibility.PRIVATE, 1, "Mine alone");
        signInAs(facilitator);
        navigate("worksheets/assignments/" + assignment);
        Div scale = _get(Div.class, spec -> spec.withId("counts-q7"));
        assertThat(scale.getChildren().filter(c -> c instanceof Paragraph).map(c -> ((Paragraph) c).getText()))
                .containsExactly("Fewer than 3 shared answers so far: counts are hidden to protect identities.");
        NativeTableRow quietRow = _get(NativeTableRow.class, spec -> spec.withId("completion-" + quiet.id()));
        assertThat(quietRow.getElement().getTextRecursively()).contains("Submitted", "Private").doesNotContain("Mine alone");
        _assertNone(Anchor.class, spec -> spec.withId("completion-" + quiet.id() + "-read"));
        _assertOne(Anchor.class, spec -> spec.withId("completion-" + author.id() + "-read"));

        submitted(third, assignment, Visibility.FACILITATORS, 5, "Three");
        signInAs(facilitator);
        navigate("worksheets/assignments/" + assignment);
        NativeTable table = _get(_get(Div.class, spec -> spec.withId("counts-q7")), NativeTable.class, spec -> { });
        assertThat(table.getCaptionText()).isEqualTo("From 3 shared responses");
        assertThat(table.getElement().getTextRecursively()).contains("5: Fully2");
        assertThat(_get(Div.class, spec -> spec.withId("written-q1")).getElement().getTextRecursively())
                .contains("One", "Two", "Three").doesNotContain("Mine alone");
        assertThat(text("assignment-completion-summary")).isEqualTo("4 of 4 members have submitted.");

        signInAs(peer);
        navigate("worksheets/assignments/" + assignment);
        _assertNone(Div.class, spec -> spec.withId("counts-q7"));
    }

    @Test
    void the_review_date_brings_a_notification_that_opens_the_response() {
        data.signIn(facilitator);
        long assignment = worksheets.assign(templates.create(cohort, WorksheetServiceTestSupport.everyKind(
                TestData.unique("Review"))), cohort, null, null, LocalDate.now(java.time.ZoneId.of("America/Los_Angeles")));
        long id = submitted(author, assignment, Visibility.PRIVATE, 3, "First thoughts");
        worksheets.remindReviews();
        signInAs(author);
        navigate("notifications");
        Anchor link = _find(Anchor.class).stream().filter(a -> a.getText().startsWith("Time to revisit")).findFirst()
                .orElseThrow();
        assertThat(link.getHref()).isEqualTo("worksheets/responses/" + id);
        assertThat(worksheets.response(id).status()).isEqualTo(ResponseStatus.SUBMITTED);
    }
}
