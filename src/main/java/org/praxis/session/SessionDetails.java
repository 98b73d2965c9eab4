package org.praxis.session;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One session as its page shows it. {@code descriptionHtml} is sanitised; {@code meetingUrl} is an
 * http or https address (or null), the place fields plain text (or null). {@code remindByEmail}:
 * the reader's choice to get session reminders by email.
 */
public record SessionDetails(long id, long cohortId, String cohortName, String title, String theme,
        ZonedDateTime startsAt, ZonedDateTime endsAt, String descriptionMarkdown, String descriptionHtml,
        Boolean willJoin, int joining, boolean facilitator, List<PromptItem> prompts, String meetingUrl,
        String place, String room, String accessNotes, boolean cancelled, boolean remindByEmail) {

    public SessionDetails {
        prompts = List.copyOf(prompts);
    }
}
