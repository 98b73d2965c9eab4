package org.praxis.accountability;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A commitment in a list or on the board, with its latest check-in. */
public record CommitmentSummary(long id, long cohortId, String authorName, String what, LocalDate dueOn,
        CommitmentStatus status, Sharing sharing, LocalDate nextCheckIn, String latestNote, OffsetDateTime latestAt,
        int helpers, boolean overdue, boolean checkInDue) {
}
