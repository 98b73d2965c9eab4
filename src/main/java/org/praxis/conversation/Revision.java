package org.praxis.conversation;

import java.time.OffsetDateTime;

/** An earlier text of a post, as it was until {@code replacedAt}. */
public record Revision(long id, String markdown, OffsetDateTime replacedAt) {
}
