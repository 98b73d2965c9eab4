package org.praxis.conversation;

import java.time.OffsetDateTime;

/** One version of a cohort's community agreements; {@code html} is sanitised. */
public record Agreement(long id, long cohortId, int version, String markdown, String html, OffsetDateTime createdAt) {
}
