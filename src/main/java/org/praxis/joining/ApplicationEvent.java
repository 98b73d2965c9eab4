package org.praxis.joining;

import java.time.OffsetDateTime;

/**
 * One line of an application's history: {@code kind} is submitted, status, note, invited,
 * joined or link-requested; {@code status} the status it moved to; {@code text} the message
 * sent or the note written.
 */
public record ApplicationEvent(String kind, String actorName, ApplicationStatus status, String text,
        OffsetDateTime at) {
}
