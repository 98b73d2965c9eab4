package org.praxis.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The feed as calendars read it: read back with a strict parser, and line by line as RFC 5545 asks. */
class ICalendarTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    // a Toronto evening: the feed gives it in UTC, so every calendar shows it in its own zone
    private static final CalendarEvent SESSION = new CalendarEvent(42, "Budgets, equity; and \\ us",
            "Read first:\nthe charter, part 2; then the notes", OffsetDateTime.parse("2026-12-09T18:30-05:00"),
            OffsetDateTime.parse("2026-12-09T20:00-05:00"), "Cohort 3, Equity in Leadership");

    private static String property(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void an_event_reads_back_with_its_text_times_in_utc_and_stable_uid() throws Exception {
        String ics = ICalendar.of("Praxis; sessions", List.of(SESSION), "https://praxis.example.org/", "praxis.example.org", NOW);

        Calendar calendar = parse(ics);
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty(Property.CALSCALE).orElseThrow().getValue()).isEqualTo("GREGORIAN");
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo("-//Praxis//Sessions//EN");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Praxis; sessions");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(property(event, Property.UID)).isEqualTo("session-42@praxis.example.org");
        assertThat(property(event, Property.SUMMARY)).isEqualTo("Budgets, equity; and \\ us");
        assertThat(property(event, Property.DESCRIPTION)).isEqualTo("Read first:\nthe charter, part 2; then the notes");
        assertThat(property(event, Property.DTSTART)).isEqualTo("20261209T233000Z");
        assertThat(property(event, Property.DTEND)).isEqualTo("20261210T010000Z");
        assertThat(property(event, Property.DTSTAMP)).isEqualTo("20261202T040000Z");
        assertThat(property(event, Property.URL)).isEqualTo("https://praxis.example.org/sessions/42");
        // one category whose name has a comma, not two categories
        assertThat(event.getProperty(Property.CATEGORIES).orElseThrow().getValue())
                .isEqualTo("Cohort 3\\, Equity in Leadership");
    }

    @Test
    void text_is_escaped_on_the_wire() {
        String ics = ICalendar.of("Praxis", List.of(SESSION), "https://praxis.example.org/", "praxis.example.org", NOW);

        assertThat(unfolded(ics)).contains(
                "SUMMARY:Budgets\\, equity\\; and \\\\ us",
                "DESCRIPTION:Read first:\\nthe charter\\, part 2\\; then the notes",
                "CATEGORIES:Cohort 3\\, Equity in Leadership",
                "DTSTART:20261209T233000Z");
    }

    @Test
    void lines_end_in_crlf_and_fold_at_75_octets_never_inside_a_character() throws Exception {
        String title = "Équité, santé et leadership — ".repeat(8).strip();
        CalendarEvent long_ = new CalendarEvent(7, title, null, SESSION.startsAt(), SESSION.endsAt(), null);

        String ics = ICalendar.of("Praxis", List.of(long_), "https://praxis.example.org/", "praxis.example.org", NOW);

        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
        String[] lines = ics.split("\r\n");
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(lines).filteredOn(line -> line.startsWith(" ")).isNotEmpty();
        assertThat(lines).noneMatch(line -> line.contains("\uFFFD"));
        VEvent event = parse(ics).<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(property(event, Property.SUMMARY)).isEqualTo(title);
        // nothing to say: no empty description, no category
        assertThat(event.getProperty(Property.DESCRIPTION)).isEmpty();
        assertThat(event.getProperty(Property.CATEGORIES)).isEmpty();
    }

    @Test
    void a_place_goes_to_location_and_the_meeting_link_to_url_and_the_description() throws Exception {
        String link = "https://us02web.zoom.us/j/81234567890?pwd=aBcD,eF;gh";
        CalendarEvent placed = new CalendarEvent(43, "Budgets", "Read first", SESSION.startsAt(), SESSION.endsAt(),
                "Cohort 3", CalendarEvent.location("Whatcom Community Foundation,\n1225 Railroad Ave; Bellingham",
                        "Room 2B, upstairs"), "Ring the bell; the door sticks", link, false);

        String ics = ICalendar.of("Praxis", List.of(placed), "https://praxis.example.org/", "praxis.example.org", NOW);

        VEvent event = parse(ics).<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(property(event, Property.LOCATION))
                .isEqualTo("Whatcom Community Foundation, 1225 Railroad Ave; Bellingham, Room 2B, upstairs");
        assertThat(property(event, Property.URL)).isEqualTo(link);
        // calendars that ignore URL show the link in the description, and the page is still there
        assertThat(property(event, Property.DESCRIPTION)).isEqualTo("Read first\n\nGetting in: Ring the bell; the door sticks"
                + "\n\nJoin online: " + link + "\nSession page: https://praxis.example.org/sessions/43");
        assertThat(event.getProperty(Property.STATUS)).isEmpty();
        // escaped on the wire: commas and semicolons of text, never of the URL (a URI value)
        assertThat(unfolded(ics)).contains(
                "LOCATION:Whatcom Community Foundation\\, 1225 Railroad Ave\\; Bellingham\\, Room 2B\\, upstairs",
                "URL:" + link,
                "Join online: https://us02web.zoom.us/j/81234567890?pwd=aBcD\\,eF\\;gh");
    }

    @Test
    void a_session_only_online_has_its_link_as_location_and_a_cancelled_one_says_so() throws Exception {
        CalendarEvent online = new CalendarEvent(44, "Online", null, SESSION.startsAt(), SESSION.endsAt(), null, null,
                null, "https://meet.example.org/abc-defg-hij", true);
        CalendarEvent nowhere = new CalendarEvent(45, "Nowhere yet", null, SESSION.startsAt(), SESSION.endsAt(), null);

        List<VEvent> events = parse(ICalendar.of("Praxis", List.of(online, nowhere), "https://praxis.example.org/",
                "praxis.example.org", NOW)).getComponents(Component.VEVENT);

        assertThat(property(events.get(0), Property.LOCATION)).isEqualTo("https://meet.example.org/abc-defg-hij");
        assertThat(property(events.get(0), Property.URL)).isEqualTo("https://meet.example.org/abc-defg-hij");
        assertThat(property(events.get(0), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(events.get(1).getProperty(Property.LOCATION)).isEmpty();
        assertThat(property(events.get(1), Property.URL)).isEqualTo("https://praxis.example.org/sessions/45");
        assertThat(events.get(1).getProperty(Property.STATUS)).isEmpty();
    }

    @Test
    void a_location_joins_the_address_lines_and_the_room() {
        assertThat(CalendarEvent.location("1 Main St,\r\n  Bellingham WA\n", " 2B ")).isEqualTo("1 Main St, Bellingham WA, 2B");
        assertThat(CalendarEvent.location(null, "Room 4")).isEqualTo("Room 4");
        assertThat(CalendarEvent.location("Town hall", null)).isEqualTo("Town hall");
        assertThat(CalendarEvent.location(null, null)).isNull();
    }

    @Test
    void an_empty_feed_is_a_calendar_with_no_events() throws Exception {
        Calendar calendar = parse(ICalendar.of("Praxis", List.of(), "https://praxis.example.org/", "praxis.example.org", NOW));
        assertThat(calendar.getComponents(Component.VEVENT)).isEmpty();
    }

    @Test
    void the_uid_host_comes_from_the_base_address() {
        assertThat(ICalendar.host("https://praxis.example.org:8443/app/")).isEqualTo("praxis.example.org");
        assertThat(ICalendar.host("not a url")).isEqualTo("praxis");
        assertThat(ICalendar.host("/relative")).isEqualTo("praxis");
    }

    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }
}
