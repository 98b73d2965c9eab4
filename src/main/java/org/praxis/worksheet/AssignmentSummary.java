package org.praxis.worksheet;

import java.time.LocalDate;

/**
 * An assignment as one person sees it: what to fill, where, by when, and where they are with it
 * ({@code myResponseId}: their latest round, or null). {@code facilitator}: they run the cohort.
 */
public record AssignmentSummary(long id, long cohortId, String cohortName, Long sessionId, String sessionTitle,
        long templateId, String title, String purpose, LocalDate dueOn, LocalDate reviewOn, ResponseStatus myStatus,
        Long myResponseId, int myRounds, boolean facilitator) {
}
