package org.praxis.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.ui.NotFoundView;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class SessionViewsTest extends KaribuTest {

    @Autowired
    SessionService sessions;

    @Test
    void a_facilitator_creates_a_session_and_adds_a_prompt() {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        navigate("sessions");

        _click(_get(Button.class, spec -> spec.withId("new-session-" + cohort)));
        _setValue(_get(TextField.class, spec -> spec.withId("session-title")), "Language access as equity");
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-starts")), LocalDateTime.now().plusDays(7));
        _setValue(_get(TextArea.class, spec -> spec.withId("session-description")), "Bring **one policy**.");
        _click(_get(Button.class, spec -> spec.withId("session-save")));

        _assertOne(SessionView.class);
        assertThat(_get(H1.class, spec -> spec.withId("session-title")).getText()).isEqualTo("Language access as equity");
        _click(_get(Button.class, spec -> spec.withId("add-prompt")));
        _setValue(_get(TextArea.class, spec -> spec.withId("prompt-question")),
                "Who does our interpreter policy serve, and who does it burden?");
        _click(_get(Button.class, spec -> spec.withId("prompt-save")));

        ListItem prompt = _get(ListItem.class, spec -> spec.withClasses("praxis-prompt"));
        assertThat(prompt.getElement().getTextRecursively()).contains("interpreter policy", "Open for replies");
    }

    @Test
    void an_end_before_the_start_is_named_next_to_the_field_and_the_form_keeps_its_values() {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        navigate("sessions");
        _click(_get(Button.class, spec -> spec.withId("new-session-" + cohort)));
        _setValue(_get(TextField.class, spec -> spec.withId("session-title")), "Backwards");
        LocalDateTime start = LocalDateTime.of(2027, 5, 1, 10, 0);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-starts")), start);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-ends")), start.minusHours(1));
        _click(_get(Button.class, spec -> spec.withId("session-save")));

        DateTimePicker ends = _get(DateTimePicker.class, spec -> spec.withId("session-ends"));
        assertThat(ends.isInvalid()).isTrue();
        assertThat(ends.getErrorMessage()).isEqualTo("The end must come after the start.");
        assertThat(_get(TextField.class, spec -> spec.withId("session-title")).getValue()).isEqualTo("Backwards");
        _assertNone(SessionView.class);
    }

    @Test
    void a_member_sees_upcoming_sessions_and_says_they_will_join() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(facilitator);
        SessionDraft d = new SessionDraft();
        d.setTitle("Budget as a moral document");
        d.setStartsAt(LocalDateTime.now().plusDays(3));
        d.setEndsAt(LocalDateTime.now().plusDays(3).plusHours(2));
        long id = sessions.create(cohort, d);

        signInAs(member);
        navigate("sessions");
        assertThat(_get(ListItem.class, spec -> spec.withId("session-" + id)).getElement().getTextRecursively())
                .contains("Budget as a moral document");
        _assertNone(Button.class, spec -> spec.withId("new-session-" + cohort));

        navigate("sessions/" + id);
        _assertNone(Button.class, spec -> spec.withId("add-prompt"));
        _click(_get(Button.class, spec -> spec.withId("will-join")));
        assertThat(_get(Span.class, spec -> spec.withId("will-join-status")).getText()).isEqualTo("You said you’ll join");
    }

    @Test
    void a_facilitator_reorders_prompts_and_marks_attendance() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(facilitator);
        SessionDraft d = new SessionDraft();
        d.setTitle("Tokenism and backlash");
        d.setStartsAt(LocalDateTime.now().minusHours(3));
        d.setEndsAt(LocalDateTime.now().minusHours(1));
        long id = sessions.create(cohort, d);
        org.praxis.session.PromptDraft first = new org.praxis.session.PromptDraft();
        first.setQuestion("First question");
        org.praxis.session.PromptDraft second = new org.praxis.session.PromptDraft();
        second.setQuestion("Second question");
        long a = sessions.addPrompt(id, first);
        long b = sessions.addPrompt(id, second);

        signInAs(facilitator);
        navigate("sessions/" + id);
        _click(_get(Button.class, spec -> spec.withId("prompt-up-" + b)));
        assertThat(sessions.get(id).prompts()).extracting(org.praxis.session.PromptItem::id).containsExactly(b, a);

        _click(_get(Button.class, spec -> spec.withId("attendance")));
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("attended-" + member.id())),
                true);
        assertThat(sessions.attendance(id)).filteredOn(r -> r.memberId() == member.id())
                .singleElement().satisfies(r -> assertThat(r.attended()).isTrue());
    }

    @Test
    void a_session_of_another_cohort_looks_like_it_does_not_exist() {
        long cohort = data.cohort();
        data.signIn(data.personIn(cohort, Role.FACILITATOR));
        SessionDraft d = new SessionDraft();
        d.setTitle("Private");
        d.setStartsAt(LocalDateTime.now().plusDays(1));
        d.setEndsAt(LocalDateTime.now().plusDays(1).plusHours(1));
        long id = sessions.create(cohort, d);

        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("sessions/" + id);
        _assertNone(SessionView.class);
        _assertOne(NotFoundView.class);
    }
}
