package org.praxis.session;

import java.time.ZonedDateTime;
import java.util.List;

/** One session as its page shows it. {@code descriptionHtml} is sanitised. */
public record SessionDetails(long id, long cohortId, String cohortName, String title, String theme,
        ZonedDateTime startsAt, ZonedDateTime endsAt, String descriptionMarkdown, String descriptionHtml,
        Boolean willJoin, int joining, boolean facilitator, List<PromptItem> prompts) {

    public SessionDetails {
        prompts = List.copyOf(prompts);
    }
}
