package org.praxis;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.Authority;
import org.praxis.organization.Sector;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Text with a character that cannot be stored (U+0000, as pasted from some PDFs), typed into each
 * kind of form: the message is shown on the field, in place, the typed text stays as it was, and
 * nothing is saved — never "That didn't work" with a reference.
 */
class UnstorableTextViewsTest extends KaribuTest {

    private static final String NUL = "\u0000";
    private static final String MESSAGE = "invisible character that can’t be saved";

    @Autowired
    ThreadService threads;

    @Autowired
    TemplateService templates;

    @Autowired
    WorksheetService worksheets;

    private long cohort;
    private TestData.Person facilitator;
    private TestData.Person member;

    @BeforeEach
    void cohort() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
    }

    private static void assertShownInPlace(com.vaadin.flow.component.HasValidation field, String near) {
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains(MESSAGE).contains(near);
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    @Test
    void a_reply_is_refused_on_its_field_and_its_draft_is_still_kept() {
        long thread = data.thread(cohort);
        int before = data.db().fetchCount(org.praxis.jooq.Tables.POST);
        signInAs(member);
        navigate("threads/" + thread);
        String typed = "Our intake form" + NUL + " asks for a home address.";

        TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
        _setValue(body, typed);
        click("reply-post");

        assertShownInPlace(body, "“Our intake form”");
        assertThat(body.getValue()).isEqualTo(typed);
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.POST)).isEqualTo(before);
        // the draft kept while typing did not fail: it holds the visible text
        assertThat(threads.draft(thread, null)).contains("Our intake form asks for a home address.");
    }

    @Test
    void a_dialog_form_refuses_on_its_field_and_keeps_every_value() {
        signInAs(member);
        navigate("commitments");
        click("commitment-new");
        TextArea what = _get(TextArea.class, spec -> spec.withId("commitment-what"));
        String typed = "Offer intake" + NUL + " in Spanish after five";
        _setValue(what, typed);
        _setValue(_get(DatePicker.class, spec -> spec.withId("commitment-due")), LocalDate.now().plusMonths(2));
        _setValue(_get(TextField.class, spec -> spec.withId("commitment-involved")), "Our intake lead");
        click("commitment-save");

        assertShownInPlace(what, "“Offer intake”");
        assertThat(what.getValue()).isEqualTo(typed);
        assertThat(_get(TextField.class, spec -> spec.withId("commitment-involved")).getValue()).isEqualTo("Our intake lead");
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.COMMITMENT,
                org.praxis.jooq.Tables.COMMITMENT.MEMBER_ID.eq(member.id()))).isZero();
    }

    @Test
    void a_facilitators_form_refuses_on_its_field_and_keeps_every_value() {
        signInAs(facilitator);
        navigate("sessions");
        click("new-session-" + cohort);
        TextField title = _get(TextField.class, spec -> spec.withId("session-title"));
        _setValue(title, "Language access" + NUL + " as equity");
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-starts")), LocalDateTime.now().plusDays(7));
        _setValue(_get(TextArea.class, spec -> spec.withId("session-description")), "Bring **one policy**.");
        click("session-save");

        assertShownInPlace(title, "“Language access”");
        assertThat(title.getValue()).isEqualTo("Language access" + NUL + " as equity");
        assertThat(_get(TextArea.class, spec -> spec.withId("session-description")).getValue())
                .isEqualTo("Bring **one policy**.");
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.SESSION,
                org.praxis.jooq.Tables.SESSION.COHORT_ID.eq(cohort))).isZero();
    }

    @Test
    void an_answer_that_saves_itself_says_it_was_not_saved_on_its_field() {
        data.signIn(facilitator);
        long assignment = worksheets.assign(templates.create(cohort,
                WorksheetServiceTestSupport.everyKind(TestData.unique("Fill"))), cohort, null, null, null);
        signInAs(member);
        navigate("worksheets");
        click("assignment-" + assignment + "-go");
        TextArea answer = _get(TextArea.class, spec -> spec.withId("answer-q1"));
        String typed = "What we saw" + NUL + " at intake";

        _setValue(answer, typed);

        assertShownInPlace(answer, "“What we saw”");
        assertThat(answer.getValue()).isEqualTo(typed);
        assertThat(_get(Paragraph.class, spec -> spec.withId("worksheet-save-status")).getText()).doesNotStartWith("Saved at");
    }

    @Test
    void an_analysis_draft_that_saves_itself_says_it_was_not_saved_on_its_section() {
        signInAs(member);
        UI.getCurrent().navigate("analyses/write", QueryParameters.of("cohort", String.valueOf(cohort)));
        // a title of its own: other tests look their drafts up by title
        String title = TestData.unique("Photo ID at intake");
        _setValue(_get(TextField.class, spec -> spec.withId("analysis-title")), title);
        @SuppressWarnings("unchecked")
        Select<PolicyArea> area = _get(Select.class, spec -> spec.withId("analysis-area"));
        _setValue(area, PolicyArea.ELIGIBILITY);
        TextArea purpose = _get(TextArea.class, spec -> spec.withId("section-purpose"));
        String typed = "Intake requires" + NUL + " a photo ID.";

        _setValue(purpose, typed);

        assertShownInPlace(purpose, "“Intake requires”");
        assertThat(purpose.getValue()).isEqualTo(typed);
        assertThat(_get(Paragraph.class, spec -> spec.withId("analysis-save-status")).getText()).startsWith("Not saved");
        // the draft saved itself once it had a title and an area; the refused section never reached it
        assertThat(data.db().select(org.praxis.jooq.Tables.ANALYSIS.SECTIONS).from(org.praxis.jooq.Tables.ANALYSIS)
                .where(org.praxis.jooq.Tables.ANALYSIS.TITLE.eq(title)).fetch().map(r -> r.value1().data()))
                .allSatisfy(sections -> assertThat(sections).doesNotContain("Intake requires"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_public_application_refuses_on_its_field_and_keeps_every_value() {
        data.db().update(org.praxis.jooq.Tables.COHORT).set(org.praxis.jooq.Tables.COHORT.APPLICATIONS_OPEN, true)
                .where(org.praxis.jooq.Tables.COHORT.ID.eq(cohort)).execute();
        navigate("apply");
        // the cohort is chosen already when it is the only one taking applications
        for (Select<org.praxis.cohort.CohortChoice> choice : com.github.mvysny.kaributesting.v10.LocatorJ._find(
                Select.class, spec -> spec.withId("apply-cohort"))) {
            _setValue(choice, choice.getListDataView().getItems().filter(c -> c.id() == cohort).findFirst().orElseThrow());
        }
        String email = TestData.unique("ana") + "@example.org";
        _setValue(_get(TextField.class, spec -> spec.withId("apply-name")), "Ana Flores");
        _setValue(_get(EmailField.class, spec -> spec.withId("apply-email")), email);
        ComboBoxKt._fireCustomValueSet(_get(ComboBox.class, spec -> spec.withId("apply-organization")),
                "Skagit Farmworker Clinic");
        _setValue(_get(Select.class, spec -> spec.withId("apply-sector")), Sector.HEALTH_CARE);
        _setValue(_get(TextField.class, spec -> spec.withId("apply-role")), "Clinic director");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("apply-authority")), Authority.BOTH);
        TextArea why = _get(TextArea.class, spec -> spec.withId("apply-why"));
        String typed = NUL + "To bring equity into our intake.";
        _setValue(why, typed);
        _setValue(_get(TextArea.class, spec -> spec.withId("apply-bring")), "Twenty years with farmworker families.");
        _setValue(_get(Checkbox.class, spec -> spec.withId("apply-consent")), true);
        click("apply-submit");

        assertThat(why.isInvalid()).isTrue();
        assertThat(why.getErrorMessage()).contains("begins with an invisible character");
        assertThat(why.getValue()).isEqualTo(typed);
        assertThat(_get(TextField.class, spec -> spec.withId("apply-name")).getValue()).isEqualTo("Ana Flores");
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.APPLICATION,
                org.praxis.jooq.Tables.APPLICATION.EMAIL.eq(email))).isZero();
    }
}
