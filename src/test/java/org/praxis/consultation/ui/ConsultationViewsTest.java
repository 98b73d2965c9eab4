package org.praxis.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.NotFoundView;
import org.praxis.cohort.CohortService;
import org.praxis.consultation.ConsultationDraft;
import org.praxis.consultation.ConsultationService;
import org.praxis.consultation.Mode;
import org.praxis.consultation.Plan;
import org.praxis.consultation.Stage;
import org.praxis.conversation.ThreadService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Karibu tests of every flow of a consultation's pages. */
class ConsultationViewsTest extends KaribuTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ThreadService threads;
    @Autowired
    CohortService cohorts;

    long cohort;
    TestData.Person facilitator;
    TestData.Person presenter;
    TestData.Person peer;

    @BeforeEach
    void cohortWithPeople() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        presenter = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
    }

    private static String text(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private long brought() {
        data.signIn(presenter);
        return consultations.bring(cohort, new ConsultationDraft("Closing the evening clinic",
                "Our evening clinic loses money.", "We cut its hours by one.", "Who should carry the cost?"));
    }

    private long at(Stage stage) {
        long id = brought();
        data.signIn(facilitator);
        consultations.schedule(id, Plan.async());
        Stage now = Stage.SCHEDULED;
        while (now != stage) {
            now = consultations.move(id, now, true);
        }
        return id;
    }

    private String pageText() {
        return _get(com.vaadin.flow.component.html.Main.class, spec -> { }).getElement().getTextRecursively();
    }

    @Test
    void bringing_a_dilemma_with_a_part_missing_says_so_in_place_keeps_the_text_and_then_brings_it() {
        signInAs(presenter);
        follow("consultations?cohort=" + cohort);
        _assertOne(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("no-consultations"));
        follow(_get(Anchor.class, spec -> spec.withId("bring-consultation")).getHref());
        _setValue(_get(TextField.class, spec -> spec.withId("consultation-title")), "Closing the evening clinic");
        _setValue(_get(TextArea.class, spec -> spec.withId("consultation-situation")), "Our evening clinic loses money.");
        _click(_get(Button.class, spec -> spec.withId("consultation-save")));
        TextArea tried = _get(TextArea.class, spec -> spec.withId("consultation-tried"));
        assertThat(tried.isInvalid()).isTrue();
        assertThat(tried.getErrorMessage()).isEqualTo(text("validation.required"));
        assertThat(_get(TextArea.class, spec -> spec.withId("consultation-question")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("consultation-title")).getValue())
                .isEqualTo("Closing the evening clinic");
        assertThat(_get(TextArea.class, spec -> spec.withId("consultation-situation")).getValue())
                .isEqualTo("Our evening clinic loses money.");
        assertThat(consultations.list(cohort)).isEmpty();

        _setValue(tried, "We cut its hours by one.");
        _setValue(_get(TextArea.class, spec -> spec.withId("consultation-question")), "Who should carry the cost?");
        _click(_get(Button.class, spec -> spec.withId("consultation-save")));
        long id = consultations.list(cohort).get(0).id();
        assertThat(location()).isEqualTo("consultations/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("consultation-tried-text")).getText())
                .isEqualTo("We cut its hours by one.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("consultation-now")).getText())
                .isEqualTo(text("consultation.now.WAITING"));
        _assertNone(Button.class, spec -> spec.withId("move-forward"));

        follow("consultations?cohort=" + cohort);
        assertThat(_get(ListItem.class, spec -> spec.withId("consultation-" + id)).getElement().getTextRecursively())
                .contains("Closing the evening clinic").contains(text("consultation.stage.WAITING"))
                .contains(presenter.name());
    }

    @Test
    void a_facilitator_schedules_it_in_a_session_sets_minutes_and_starts_it_and_the_stepper_marks_the_stage() {
        long id = brought();
        long session = data.session(cohort, "Third session");
        signInAs(facilitator);
        navigate("consultations/" + id);
        _assertNone(Button.class, spec -> spec.withId("move-forward"));
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("plan-mode")), Mode.IN_SESSION);
        assertThat(_get(IntegerField.class, spec -> spec.withId("plan-questions")).getValue()).isEqualTo(15);
        _setValue(_get(Select.class, spec -> spec.withId("plan-session")), session);
        _setValue(_get(IntegerField.class, spec -> spec.withId("plan-reflections")), 25);
        _click(_get(Button.class, spec -> spec.withId("plan-save")));
        var c = consultations.read(id);
        assertThat(c.stage()).isEqualTo(Stage.SCHEDULED);
        assertThat(c.plan()).isEqualTo(new Plan(Mode.IN_SESSION, session, 15, 25, 10));
        assertThat(_get(Paragraph.class, spec -> spec.withId("consultation-mode")).getText())
                .isEqualTo(text("consultation.in-session", "Third session"));

        _click(_get(Button.class, spec -> spec.withId("move-forward")));
        ListItem current = _get(ListItem.class, spec -> spec.withId("step-QUESTIONS"));
        assertThat(current.getElement().getAttribute("aria-current")).isEqualTo("step");
        assertThat(current.getElement().getTextRecursively()).contains(text("consultation.step.current"));
        assertThat(_get(ListItem.class, spec -> spec.withId("step-REFLECTIONS")).getElement().getAttribute("aria-current"))
                .isNull();
        assertThat(_get(Paragraph.class, spec -> spec.withId("consultation-ends")).getText())
                .startsWith(text("consultation.stage.QUESTIONS") + " closes ");
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("consultation-moves"))
                .getChildren().count()).isEqualTo(2);
        _assertOne(Button.class, spec -> spec.withId("move-back"));

        // the session's page shows it
        navigate("sessions/" + session);
        assertThat(_get(ListItem.class, spec -> spec.withId("session-consultation-" + id)).getElement()
                .getTextRecursively()).contains("Closing the evening clinic").contains(text("consultation.stage.QUESTIONS"));
    }

    @Test
    void a_length_out_of_range_is_refused_on_its_field_and_the_consultation_still_waits() {
        long id = brought();
        signInAs(facilitator);
        navigate("consultations/" + id);
        _setValue(_get(IntegerField.class, spec -> spec.withId("plan-response")), 30);
        _click(_get(Button.class, spec -> spec.withId("plan-save")));
        IntegerField response = _get(IntegerField.class, spec -> spec.withId("plan-response"));
        assertThat(response.isInvalid()).isTrue();
        assertThat(response.getErrorMessage()).isEqualTo(text("consultation.length.range"));
        assertThat(response.getValue()).isEqualTo(30);
        assertThat(consultations.read(id).stage()).isEqualTo(Stage.WAITING);
    }

    @Test
    void during_reflections_the_presenter_is_told_why_their_reply_box_is_closed_on_both_pages() {
        long id = at(Stage.REFLECTIONS);
        long thread = consultations.read(id).threadId();
        signInAs(presenter);
        navigate("consultations/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("consultation-gate")).getText())
                .isEqualTo(text("consultation.gate.presenter-listens"));
        _assertNone(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("consultation-facilitators"));
        follow(_get(Anchor.class, spec -> spec.withId("consultation-conversation")).getHref());
        _assertNone(TextArea.class, spec -> spec.withId("reply-body"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("thread-read-only")).getText())
                .isEqualTo(text("consultation.gate.presenter-listens"));
        assertThat(_get(Anchor.class, spec -> spec.withId("thread-back")).getHref()).isEqualTo("consultations/" + id);

        // a peer may reflect there
        freshSession();
        signInAs(peer);
        navigate("threads/" + thread);
        _assertOne(TextArea.class, spec -> spec.withId("reply-body"));
    }

    @Test
    void in_the_response_the_presenter_writes_the_next_step_and_makes_it_their_commitment_in_one_click() {
        long id = at(Stage.RESPONSE);
        signInAs(presenter);
        navigate("consultations/" + id);
        _assertNone(Button.class, spec -> spec.withId("make-commitment"));
        _setValue(_get(TextArea.class, spec -> spec.withId("next-step")), "Ask the farmworkers' council first");
        _click(_get(Button.class, spec -> spec.withId("next-step-save")));
        _click(_get(Button.class, spec -> spec.withId("make-commitment")));
        long commitment = consultations.read(id).commitmentId();
        assertThat(location()).isEqualTo("commitments/" + commitment);
        navigate("consultations/" + id);
        assertThat(_get(Anchor.class, spec -> spec.withId("consultation-commitment")).getHref())
                .isEqualTo("commitments/" + commitment);

        // a peer reads the next step and may only react in the thread
        freshSession();
        signInAs(peer);
        navigate("consultations/" + id);
        assertThat(pageText()).contains("Ask the farmworkers' council first");
        assertThat(_get(Paragraph.class, spec -> spec.withId("consultation-gate")).getText())
                .isEqualTo(text("consultation.gate.peers-react"));
        _assertNone(Button.class, spec -> spec.withId("make-commitment"));
        _assertNone(TextArea.class, spec -> spec.withId("next-step"));
    }

    @Test
    void someone_of_another_cohort_gets_page_not_found_and_nothing_of_the_dilemma() {
        long id = brought();
        TestData.Person outsider = data.personIn(data.cohort(), Role.FACILITATOR);
        signInAs(outsider);
        navigate("consultations/" + id);
        _assertOne(NotFoundView.class);
        assertThat(pageText()).doesNotContain("evening clinic");
    }

    @Test
    void a_closed_cohort_offers_no_form_and_its_consultation_page_no_controls() {
        long id = at(Stage.QUESTIONS);
        data.signIn(data.person(Role.ADMIN));
        cohorts.close(cohort);
        signInAs(presenter);
        follow("consultations/new?cohort=" + cohort);
        _assertNone(Button.class, spec -> spec.withId("consultation-save"));
        _assertOne(Paragraph.class, spec -> spec.withId("cohort-closed-notice-" + cohort));
        follow("consultations?cohort=" + cohort);
        _assertNone(Anchor.class, spec -> spec.withId("bring-consultation"));
        freshSession();
        signInAs(facilitator);
        navigate("consultations/" + id);
        _assertNone(Button.class, spec -> spec.withId("move-forward"));
        _assertNone(Button.class, spec -> spec.withId("plan-save"));
    }
}
