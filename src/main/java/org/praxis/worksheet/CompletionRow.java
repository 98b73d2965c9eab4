package org.praxis.worksheet;

import java.time.OffsetDateTime;

/**
 * One member's progress on an assignment, for its facilitators. {@code responseId} is set only
 * when the member shared their latest round with facilitators or the cohort.
 */
public record CompletionRow(long memberId, String name, ResponseStatus status, int rounds, Long responseId,
        OffsetDateTime updatedAt) {
}
