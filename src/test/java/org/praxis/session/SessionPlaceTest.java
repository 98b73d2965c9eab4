package org.praxis.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.SESSION;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A session's meeting link and place: what is refused, what is stored, what calendars get. */
class SessionPlaceTest extends IntegrationTest {

    @Autowired
    SessionService sessions;
    @Autowired
    org.praxis.accountability.CalendarFeedService feeds;

    long cohort;
    TestData.Person facilitator;
    TestData.Person member;

    @BeforeEach
    void cohort() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
    }

    private static SessionDraft draft(String meetingUrl) {
        SessionDraft d = new SessionDraft();
        d.setTitle("Language access as equity");
        d.setStartsAt(LocalDateTime.of(2027, 3, 4, 17, 30));
        d.setEndsAt(LocalDateTime.of(2027, 3, 4, 19, 0));
        d.setMeetingUrl(meetingUrl);
        d.setPlace("Whatcom Community Foundation\n1225 Railroad Ave, Bellingham");
        d.setRoom("Room 2B");
        d.setAccessNotes("Step-free entrance on Chestnut St; ring the bell.");
        return d;
    }

    private Map<String, org.praxis.base.Problem> problems(Runnable save) {
        try {
            save.run();
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("saved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)", "ftp://files.example.org/agenda", "mailto:marisol@praxis.example", "/sessions/4",
            "zoom.us/j/81234567890", "//evil.example/meet", "https://zoom.us/j/812 3456", "https://zoom.us/j/812\t34",
            "https://zoom.us@evil.example/j/1", "https://", "http:///path", "https://exa mple.org", "https://bad host/"})
    void a_meeting_link_that_is_not_a_whole_http_address_is_refused_and_nothing_is_stored(String bad) {
        data.signIn(facilitator);
        int before = data.db().fetchCount(SESSION, SESSION.COHORT_ID.eq(cohort));

        var problems = problems(() -> sessions.create(cohort, draft(bad)));

        assertThat(problems).containsOnlyKeys("meetingUrl");
        assertThat(problems.get("meetingUrl").key()).startsWith("session.meeting-url.");
        assertThat(data.db().fetchCount(SESSION, SESSION.COHORT_ID.eq(cohort))).isEqualTo(before);
    }

    @Test
    void each_kind_of_bad_link_gets_its_own_message() {
        assertThat(SessionService.meetingUrlProblem("javascript:alert(1)")).isEqualTo("session.meeting-url.scheme");
        assertThat(SessionService.meetingUrlProblem("data:text/html;base64,PHNjcmlwdD4=")).isEqualTo("session.meeting-url.scheme");
        assertThat(SessionService.meetingUrlProblem("zoom.us/j/1")).isEqualTo("session.meeting-url.whole");
        assertThat(SessionService.meetingUrlProblem("/relative")).isEqualTo("session.meeting-url.whole");
        assertThat(SessionService.meetingUrlProblem("https://zoom.us/j/1 2")).isEqualTo("session.meeting-url.spaces");
        assertThat(SessionService.meetingUrlProblem("https://zoom.us@evil.example/")).isEqualTo("session.meeting-url.invalid");
        assertThat(SessionService.meetingUrlProblem("https://" + "a".repeat(SessionService.MEETING_URL_MAX)))
                .isEqualTo("validation.too-long");
        assertThat(SessionService.meetingUrlProblem("  https://meet.google.com/abc-defg-hij  ")).isNull();
        assertThat(SessionService.meetingUrlProblem("HTTP://intranet.example.org:8443/meet?id=4#top")).isNull();
        assertThat(SessionService.meetingUrlProblem("")).isNull();
        assertThat(SessionService.meetingUrlProblem(null)).isNull();
    }

    @Test
    void the_database_refuses_a_link_that_got_past_the_service() {
        long id = data.session(cohort, "Direct");
        assertThatThrownBy(() -> data.db().update(SESSION).set(SESSION.MEETING_URL, "javascript:alert(1)")
                .where(SESSION.ID.eq(id)).execute()).hasMessageContaining("session_meeting_url_check");
    }

    @Test
    void place_fields_over_their_limits_are_named_on_their_fields() {
        data.signIn(facilitator);
        SessionDraft d = draft("https://zoom.us/j/81234567890");
        d.setPlace("p".repeat(SessionService.PLACE_MAX + 1));
        d.setRoom("r".repeat(SessionService.ROOM_MAX + 1));
        d.setAccessNotes("a".repeat(SessionService.ACCESS_NOTES_MAX + 1));

        var problems = problems(() -> sessions.create(cohort, d));

        assertThat(problems).containsOnlyKeys("place", "room", "accessNotes");
        assertThat(problems.values()).allSatisfy(p -> assertThat(p.key()).isEqualTo("validation.too-long"));
    }

    @Test
    void a_member_reads_the_link_and_place_and_the_ics_carries_them() throws Exception {
        data.signIn(facilitator);
        long id = sessions.create(cohort, draft("  https://us02web.zoom.us/j/81234567890?pwd=abc  "));

        data.signIn(member);
        SessionDetails s = sessions.get(id);
        assertThat(s.meetingUrl()).isEqualTo("https://us02web.zoom.us/j/81234567890?pwd=abc");
        assertThat(s.place()).isEqualTo("Whatcom Community Foundation\n1225 Railroad Ave, Bellingham");
        assertThat(s.room()).isEqualTo("Room 2B");
        assertThat(s.accessNotes()).startsWith("Step-free entrance");
        assertThat(s.cancelled()).isFalse();

        VEvent event = new CalendarBuilder().build(new StringReader(sessions.ics(id, "http://praxis.test/")))
                .<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Whatcom Community Foundation, 1225 Railroad Ave, Bellingham, Room 2B");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue())
                .isEqualTo("https://us02web.zoom.us/j/81234567890?pwd=abc");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Join online: https://us02web.zoom.us/j/81234567890?pwd=abc",
                        "Session page: http://praxis.test/sessions/" + id, "Getting in: Step-free entrance");
    }

    @Test
    void clearing_the_fields_removes_them_and_the_form_reads_them_back() {
        data.signIn(facilitator);
        long id = sessions.create(cohort, draft("https://zoom.us/j/1"));
        SessionDraft back = sessions.draftOf(id);
        assertThat(back.getMeetingUrl()).isEqualTo("https://zoom.us/j/1");
        assertThat(back.getRoom()).isEqualTo("Room 2B");

        back.setMeetingUrl(" ");
        back.setPlace("");
        back.setRoom("");
        back.setAccessNotes("");
        sessions.update(id, back);

        var row = data.db().selectFrom(SESSION).where(SESSION.ID.eq(id)).fetchSingle();
        assertThat(List.of(java.util.Optional.ofNullable(row.getMeetingUrl()), java.util.Optional.ofNullable(row.getPlace()),
                java.util.Optional.ofNullable(row.getRoom()), java.util.Optional.ofNullable(row.getAccessNotes())))
                .allSatisfy(v -> assertThat(v).isEmpty());
        assertThat(sessions.draftOf(id).getMeetingUrl()).isEmpty();
    }

    @Test
    void only_facilitators_cancel_and_a_cancelled_session_is_marked_everywhere() throws Exception {
        data.signIn(facilitator);
        long id = sessions.create(cohort, draft(null));

        data.signIn(member);
        assertThatThrownBy(() -> sessions.setCancelled(id, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(sessions.get(id).cancelled()).isFalse();

        sessions.setWillJoin(id, true);
        TestData.Person cannotCome = data.personIn(cohort, Role.MEMBER);
        data.signIn(cannotCome);
        sessions.setWillJoin(id, false);
        data.signIn(facilitator);
        sessions.setCancelled(id, true);
        // a second press changes nothing and tells nobody again
        sessions.setCancelled(id, true);
        assertThat(notices(member, SessionService.CANCELLED_NOTIFICATION, id)).isEqualTo(1);
        assertThat(notices(cannotCome, SessionService.CANCELLED_NOTIFICATION, id)).isZero();
        assertThat(notices(facilitator, SessionService.CANCELLED_NOTIFICATION, id)).isZero();
        data.signIn(member);
        assertThat(sessions.get(id).cancelled()).isTrue();
        assertThat(sessions.sessionsOf(cohort)).filteredOn(x -> x.id() == id).singleElement()
                .satisfies(x -> assertThat(x.cancelled()).isTrue());
        VEvent event = new CalendarBuilder().build(new StringReader(sessions.ics(id, "http://praxis.test/")))
                .<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        // the cohort's next session, for check-ins before each session, is not the cancelled one
        assertThat(sessions.nextStartAfter(cohort, java.time.OffsetDateTime.parse("2027-03-01T00:00Z"))).isEmpty();

        data.signIn(facilitator);
        sessions.setCancelled(id, false);
        assertThat(sessions.get(id).cancelled()).isFalse();
        assertThat(notices(member, SessionService.REINSTATED_NOTIFICATION, id)).isEqualTo(1);
    }

    private int notices(TestData.Person p, String kind, long session) {
        return data.db().fetchCount(org.praxis.jooq.Tables.NOTIFICATION,
                org.praxis.jooq.Tables.NOTIFICATION.MEMBER_ID.eq(p.id())
                        .and(org.praxis.jooq.Tables.NOTIFICATION.KIND.eq(kind))
                        .and(org.praxis.jooq.Tables.NOTIFICATION.PATH.eq("sessions/" + session)));
    }

    @Test
    void the_private_calendar_feed_carries_location_url_and_cancellation() throws Exception {
        data.signIn(facilitator);
        long placed = sessions.create(cohort, draft("https://zoom.us/j/81234567890"));
        SessionDraft online = draft("https://meet.google.com/abc-defg-hij");
        online.setPlace("");
        online.setRoom("");
        online.setAccessNotes("");
        long onlineOnly = sessions.create(cohort, online);
        sessions.setCancelled(onlineOnly, true);

        data.signIn(member);
        String token = feeds.newFeed().replaceAll(".*/calendar/feed/", "").replace(".ics", "");
        List<VEvent> events = new CalendarBuilder().build(new StringReader(feeds.feed(token).calendar()))
                .getComponents(Component.VEVENT);

        VEvent first = events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue()
                .startsWith("session-" + placed + "@")).findFirst().orElseThrow();
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Whatcom Community Foundation, 1225 Railroad Ave, Bellingham, Room 2B");
        assertThat(first.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo("https://zoom.us/j/81234567890");
        VEvent second = events.stream().filter(e -> e.getProperty(Property.UID).orElseThrow().getValue()
                .startsWith("session-" + onlineOnly + "@")).findFirst().orElseThrow();
        assertThat(second.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("https://meet.google.com/abc-defg-hij");
        assertThat(second.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void the_email_reminder_choice_is_each_persons_own_and_off_until_chosen() {
        data.signIn(member);
        assertThat(sessions.remindsByEmail()).isFalse();
        sessions.setRemindByEmail(true);
        assertThat(sessions.remindsByEmail()).isTrue();
        data.signIn(facilitator);
        assertThat(sessions.remindsByEmail()).isFalse();
        data.signIn(member);
        sessions.setRemindByEmail(false);
        assertThat(sessions.remindsByEmail()).isFalse();
    }
}
