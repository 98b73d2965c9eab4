package org.praxis.session;

import java.time.OffsetDateTime;

/** A session as a calendar event. */
public record CalendarEvent(long sessionId, String title, String description, OffsetDateTime startsAt,
        OffsetDateTime endsAt, String cohortName) {
}
