package org.praxis.session;

import java.time.OffsetDateTime;

/**
 * A session as a calendar event. {@code location}: its place and room, or null; {@code accessNotes}:
 * how to get in, or null; {@code meetingUrl}: its online meeting link (http or https), or null.
 */
public record CalendarEvent(long sessionId, String title, String description, OffsetDateTime startsAt,
        OffsetDateTime endsAt, String cohortName, String location, String accessNotes, String meetingUrl,
        boolean cancelled) {

    /** A session with no place, no link, not cancelled. */
    public CalendarEvent(long sessionId, String title, String description, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String cohortName) {
        this(sessionId, title, description, startsAt, endsAt, cohortName, null, null, null, false);
    }

    /**
     * Where a session is, in one line for a calendar's LOCATION: the address (its lines joined by
     * commas) and then the room; null when neither is given.
     */
    public static String location(String place, String room) {
        String address = place == null ? "" : place.strip().replaceAll("[\\s,]*[\\r\\n]+[\\s,]*", ", ");
        String r = room == null ? "" : room.strip();
        if (address.isEmpty()) {
            return r.isEmpty() ? null : r;
        }
        return r.isEmpty() ? address : address + ", " + r;
    }
}
