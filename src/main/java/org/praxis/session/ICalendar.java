package org.praxis.session;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.praxis.base.i18n.Messages;

/**
 * Sessions as an iCalendar (RFC 5545) document, written by ical4j (which escapes text and ends
 * lines in CRLF; lines are folded at 75 octets here). Times are given as instants, so they go out in UTC and every
 * calendar shows them in its own zone correctly, with no VTIMEZONE to keep up to date.
 */
public final class ICalendar {

    /** Calendar text is read outside any page, before a reader's language is known. */
    private static final Messages MESSAGES = new Messages();

    private ICalendar() {
    }

    /**
     * {@code name}: the calendar's name; {@code baseUrl}: where a session's page is
     * ({@code <baseUrl>sessions/<id>}); {@code host}: for the events' stable UIDs.
     */
    public static String of(String name, List<CalendarEvent> events, String baseUrl, String host, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Praxis//Sessions//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (CalendarEvent e : events) {
            VEvent event = new VEvent(false);
            event.add(new Uid("session-" + e.sessionId() + "@" + host));
            event.add(new DtStamp(now));
            event.add(new DtStart<>(e.startsAt().toInstant()));
            event.add(new DtEnd<>(e.endsAt().toInstant()));
            event.add(new Summary(e.title()));
            String page = baseUrl + "sessions/" + e.sessionId();
            String description = description(e, page);
            if (!description.isEmpty()) {
                event.add(new Description(description));
            }
            // the place; a session only online has its link there, where calendars show (and link) it
            String location = e.location() != null ? e.location() : e.meetingUrl();
            if (location != null) {
                event.add(new Location(location));
            }
            if (e.cohortName() != null) {
                // one category, whatever commas the cohort's name has
                event.add(new Categories(new TextList(List.of(e.cohortName()))));
            }
            // the meeting link when there is one (the session's page is then in the description)
            event.add(new Url(uri(e.meetingUrl(), page)));
            if (e.cancelled()) {
                event.add(ImmutableStatus.VEVENT_CANCELLED);
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            // unvalidated: what the feed holds is fixed here and tested (ICalendarTest), and a check at run time could only fail a feed
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        return foldedByOctets(out.toString());
    }

    /**
     * The session's text, how to get in, then the meeting link (calendars that ignore URL show the description),
     * and then its page, whose address URL no longer holds.
     */
    private static String description(CalendarEvent e, String page) {
        StringBuilder text = new StringBuilder(e.description() == null ? "" : e.description().strip());
        if (e.accessNotes() != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(MESSAGES.text("calendar.access", e.accessNotes()));
        }
        if (e.meetingUrl() != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(MESSAGES.text("calendar.join-online", e.meetingUrl()))
                    .append('\n').append(MESSAGES.text("calendar.session-page", page));
        }
        return text.toString();
    }

    /**
     * ical4j folds at 75 characters; RFC 5545 says 75 octets, and a line of accented or non-Latin
     * text is longer than that in UTF-8. So its lines are joined again and folded here, never
     * inside a character. Joining is safe: text values never hold a line break (they are escaped).
     */
    private static String foldedByOctets(String ics) {
        StringBuilder out = new StringBuilder(ics.length() + 64);
        for (String line : ics.replace("\r\n ", "").split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            int start = 0;
            do {
                int end = Math.min(bytes.length, start + (start == 0 ? 75 : 74));
                while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                    end--;
                }
                out.append(start == 0 ? "" : " ").append(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                        .append("\r\n");
                start = end;
            } while (start < bytes.length);
        }
        return out.toString();
    }

    /** The link as a URI; the page when there is none, or when it is no URI (the form checks it is, the feed never fails). */
    private static URI uri(String link, String page) {
        if (link != null) {
            try {
                return new URI(link);
            } catch (java.net.URISyntaxException e) {
                // fall through
            }
        }
        return URI.create(page);
    }

    /** The host part of a base address, for UIDs. */
    public static String host(String baseUrl) {
        try {
            String host = java.net.URI.create(baseUrl).getHost();
            return host == null ? "praxis" : host;
        } catch (IllegalArgumentException e) {
            return "praxis";
        }
    }
}
