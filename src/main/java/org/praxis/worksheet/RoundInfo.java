package org.praxis.worksheet;

import java.time.OffsetDateTime;

/** One round of a member's response to an assignment. */
public record RoundInfo(long responseId, int round, ResponseStatus status, OffsetDateTime startedAt,
        OffsetDateTime submittedAt) {
}
