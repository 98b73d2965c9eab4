package org.praxis.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Sessions as an iCalendar (RFC 5545) document: times in UTC, so every calendar shows them in its
 * own zone correctly; text escaped; lines folded at 75 octets; CRLF line ends.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /**
     * {@code name}: the calendar's name; {@code baseUrl}: where a session's page is
     * ({@code <baseUrl>sessions/<id>}); {@code host}: for the events' stable UIDs.
     */
    public static String of(String name, List<CalendarEvent> events, String baseUrl, String host, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Praxis//Sessions//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (CalendarEvent e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:session-" + e.sessionId() + "@" + host);
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + utc(e.startsAt()));
            line(out, "DTEND:" + utc(e.endsAt()));
            line(out, "SUMMARY:" + text(e.title()));
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + text(e.description()));
            }
            if (e.cohortName() != null) {
                line(out, "CATEGORIES:" + text(e.cohortName()));
            }
            line(out, "URL:" + baseUrl + "sessions/" + e.sessionId());
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
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

    private static String utc(OffsetDateTime t) {
        return UTC.format(t.toInstant());
    }

    /** TEXT values: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A content line folded at 75 octets, never inside a UTF-8 character. */
    private static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            // step back to the start of a character
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            if (!first) {
                out.append(' ');
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }
}
