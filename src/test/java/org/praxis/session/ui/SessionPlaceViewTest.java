package org.praxis.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.SESSION;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** The session form's link and place, the page that shows them, its .ics, cancelling and the reminder choice. */
class SessionPlaceViewTest extends KaribuTest {

    @Autowired
    SessionService sessions;

    private void fillIn(String title, String link) {
        _setValue(_get(TextField.class, spec -> spec.withId("session-title")), title);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("session-starts")), LocalDateTime.now().plusDays(9).withNano(0));
        _setValue(_get(TextField.class, spec -> spec.withId("session-meeting-url")), link);
        _setValue(_get(TextArea.class, spec -> spec.withId("session-place")),
                "Whatcom Community Foundation\n1225 Railroad Ave, Bellingham");
        _setValue(_get(TextField.class, spec -> spec.withId("session-room")), "Room 2B <b>upstairs</b>");
        _setValue(_get(TextArea.class, spec -> spec.withId("session-access-notes")), "Ring the bell; parking behind.");
    }

    @Test
    void a_facilitator_adds_a_link_and_a_place_and_members_see_them_and_get_them_in_the_ics() throws Exception {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        navigate("sessions");
        _click(_get(Button.class, spec -> spec.withId("new-session-" + cohort)));
        String title = TestData.unique("Language access");
        fillIn(title, "https://us02web.zoom.us/j/81234567890?pwd=abc");
        _click(_get(Button.class, spec -> spec.withId("session-save")));
        _assertOne(SessionView.class);
        long id = data.db().select(SESSION.ID).from(SESSION).where(SESSION.TITLE.eq(title)).fetchSingle(SESSION.ID);

        signInAs(data.personIn(cohort, Role.MEMBER));
        navigate("sessions/" + id);

        Anchor link = _get(Anchor.class, spec -> spec.withId("session-meeting-link"));
        assertThat(link.getHref()).isEqualTo("https://us02web.zoom.us/j/81234567890?pwd=abc");
        assertThat(link.getText()).isEqualTo("https://us02web.zoom.us/j/81234567890?pwd=abc");
        assertThat(link.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getElement().getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(link.getElement().getAttribute("aria-label")).contains("opens in a new tab");
        Paragraph place = _get(Paragraph.class, spec -> spec.withId("session-place"));
        assertThat(place.getElement().getTextRecursively())
                .isEqualTo("Whatcom Community Foundation\n1225 Railroad Ave, Bellingham\nRoom 2B <b>upstairs</b>");
        // text, never markup
        assertThat(place.getElement().getOuterHTML()).contains("&lt;b&gt;upstairs&lt;/b&gt;").doesNotContain("<b>");
        assertThat(_get(Paragraph.class, spec -> spec.withId("session-access-notes")).getText())
                .isEqualTo("Getting there: Ring the bell; parking behind.");

        String ics = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("session-ics"))),
                StandardCharsets.UTF_8);
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Whatcom Community Foundation, 1225 Railroad Ave, Bellingham, Room 2B <b>upstairs</b>");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue())
                .isEqualTo("https://us02web.zoom.us/j/81234567890?pwd=abc");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Join online: https://us02web.zoom.us/j/81234567890?pwd=abc");
    }

    @Test
    void a_javascript_link_is_refused_on_its_field_with_what_was_typed_kept_and_nothing_stored() {
        long cohort = data.cohort();
        signInAs(data.personIn(cohort, Role.FACILITATOR));
        navigate("sessions");
        _click(_get(Button.class, spec -> spec.withId("new-session-" + cohort)));
        String title = TestData.unique("Sneaky");
        fillIn(title, "javascript:alert(document.cookie)");
        _click(_get(Button.class, spec -> spec.withId("session-save")));

        TextField link = _get(TextField.class, spec -> spec.withId("session-meeting-url"));
        assertThat(link.isInvalid()).isTrue();
        assertThat(link.getErrorMessage()).isEqualTo("Only web links that start with https:// or http:// can be used.");
        assertThat(link.getValue()).isEqualTo("javascript:alert(document.cookie)");
        assertThat(_get(TextField.class, spec -> spec.withId("session-title")).getValue()).isEqualTo(title);
        assertThat(_get(TextArea.class, spec -> spec.withId("session-place")).getValue()).startsWith("Whatcom");
        assertThat(_get(TextField.class, spec -> spec.withId("session-room")).isInvalid()).isFalse();
        assertThat(data.db().fetchCount(SESSION, SESSION.TITLE.eq(title))).isZero();
        _assertNone(SessionView.class);

        // a link without its scheme gets its own advice, and once fixed the session is saved
        _setValue(link, "zoom.us/j/81234567890");
        _click(_get(Button.class, spec -> spec.withId("session-save")));
        assertThat(link.getErrorMessage()).startsWith("Enter the whole address, starting with https://");
        _setValue(link, "https://zoom.us/j/81234567890");
        _click(_get(Button.class, spec -> spec.withId("session-save")));
        _assertOne(SessionView.class);
        assertThat(data.db().select(SESSION.MEETING_URL).from(SESSION).where(SESSION.TITLE.eq(title))
                .fetchSingle(SESSION.MEETING_URL)).isEqualTo("https://zoom.us/j/81234567890");
    }

    @Test
    void editing_a_session_shows_its_link_and_a_bad_one_leaves_the_stored_one() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        data.signIn(facilitator);
        SessionDraft d = new SessionDraft();
        d.setTitle("Online only");
        d.setStartsAt(LocalDateTime.now().plusDays(5).withNano(0));
        d.setEndsAt(LocalDateTime.now().plusDays(5).plusHours(1).withNano(0));
        d.setMeetingUrl("https://meet.google.com/abc-defg-hij");
        long id = sessions.create(cohort, d);

        signInAs(facilitator);
        navigate("sessions/" + id);
        _assertNone(Paragraph.class, spec -> spec.withId("session-place"));
        _click(_get(Button.class, spec -> spec.withId("edit-session")));
        TextField link = _get(TextField.class, spec -> spec.withId("session-meeting-url"));
        assertThat(link.getValue()).isEqualTo("https://meet.google.com/abc-defg-hij");
        _setValue(link, "https://meet.google.com/abc defg");
        _click(_get(Button.class, spec -> spec.withId("session-save")));

        assertThat(link.getErrorMessage()).startsWith("A web address has no spaces.");
        assertThat(link.getValue()).isEqualTo("https://meet.google.com/abc defg");
        assertThat(data.db().select(SESSION.MEETING_URL).from(SESSION).where(SESSION.ID.eq(id))
                .fetchSingle(SESSION.MEETING_URL)).isEqualTo("https://meet.google.com/abc-defg-hij");
    }

    @Test
    void a_member_chooses_email_reminders_next_to_i_will_join_and_it_stays_their_choice_for_the_next_session() {
        long cohort = data.cohort();
        data.signIn(data.personIn(cohort, Role.FACILITATOR));
        long first = data.session(cohort, "First");
        long second = data.session(cohort, "Second");
        TestData.Person member = data.personIn(cohort, Role.MEMBER);

        signInAs(member);
        navigate("sessions/" + first);
        Checkbox remind = _get(Checkbox.class, spec -> spec.withId("remind-by-email"));
        assertThat(remind.getValue()).isFalse();
        assertThat(remind.getLabel()).isEqualTo("Email me a reminder the day before");
        _click(_get(Button.class, spec -> spec.withId("will-join")));
        _setValue(_get(Checkbox.class, spec -> spec.withId("remind-by-email")), true);
        data.signIn(member);
        assertThat(sessions.remindsByEmail()).isTrue();

        navigate("sessions/" + second);
        assertThat(_get(Checkbox.class, spec -> spec.withId("remind-by-email")).getValue()).isTrue();
        _setValue(_get(Checkbox.class, spec -> spec.withId("remind-by-email")), false);
        data.signIn(member);
        assertThat(sessions.remindsByEmail()).isFalse();
    }

    @Test
    void a_facilitator_cancels_a_session_and_members_see_it_cancelled_with_no_answer_to_give() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        long id = data.session(cohort, TestData.unique("To cancel"));
        TestData.Person member = data.personIn(cohort, Role.MEMBER);

        signInAs(member);
        navigate("sessions/" + id);
        _assertNone(Button.class, spec -> spec.withId("cancel-session"));

        signInAs(facilitator);
        navigate("sessions/" + id);
        _click(_get(Button.class, spec -> spec.withId("cancel-session")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-cancel-session")));
        _assertOne(Paragraph.class, spec -> spec.withId("session-cancelled"));
        _assertOne(Button.class, spec -> spec.withId("reinstate-session"));

        signInAs(member);
        navigate("sessions/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("session-cancelled")).getElement().getTextRecursively())
                .contains("Cancelled", "This session was cancelled.");
        _assertNone(Button.class, spec -> spec.withId("will-join"));
        _assertNone(Checkbox.class, spec -> spec.withId("remind-by-email"));
        navigate("sessions");
        assertThat(_get(Span.class, spec -> spec.withId("session-cancelled-" + id)).getText()).isEqualTo("Cancelled");

        signInAs(facilitator);
        navigate("sessions/" + id);
        _click(_get(Button.class, spec -> spec.withId("reinstate-session")));
        _assertNone(Paragraph.class, spec -> spec.withId("session-cancelled"));
        _assertOne(Button.class, spec -> spec.withId("will-join"));
    }
}
