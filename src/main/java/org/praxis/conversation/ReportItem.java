package org.praxis.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A report of a post, for the facilitators of its cohort (or the admins, when about a
 * facilitator): the post quoted as they may read it ({@code authorName} null where the name is
 * hidden from them; {@code postHtml} sanitised, empty when the author removed the post), and,
 * once handled, what was done, by whom and when ({@code action} null for a report handled before
 * actions were recorded).
 */
public record ReportItem(long id, long postId, long threadId, String threadTitle, String cohortName, ZoneId zone,
        String reason, String reporterName, boolean toAdmins, OffsetDateTime createdAt, String authorName,
        boolean authorNameHidden, PostState postState, String postHtml, OffsetDateTime handledAt,
        String handledByName, ReportAction action, String note) {

    public boolean handled() {
        return handledAt != null;
    }

    /** Where the post itself is: the thread, scrolled to it. */
    public String postPath() {
        return "threads/" + threadId + "?post=" + postId;
    }
}
