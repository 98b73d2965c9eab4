package org.praxis.conversation;

import java.time.OffsetDateTime;

/** An open report of a post, for the facilitators of its cohort (or the admins, when about a facilitator). */
public record ReportItem(long id, long postId, long threadId, String threadTitle, String cohortName, String reason,
        String reporterName, boolean toAdmins, OffsetDateTime createdAt) {
}
