package org.praxis.session;

import java.time.ZonedDateTime;

/** A session in a list; times in the cohort's zone. {@code willJoin} is empty until the reader answers. */
public record SessionSummary(long id, long cohortId, String title, String theme, ZonedDateTime startsAt,
        ZonedDateTime endsAt, Boolean willJoin, int prompts, boolean cancelled) {
}
