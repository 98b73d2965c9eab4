package org.praxis.worksheet;

import java.time.OffsetDateTime;

/** A response a reader may open besides their own: someone's latest shared round. */
public record SharedResponse(long responseId, String authorName, int round, Visibility visibility,
        ResponseStatus status, OffsetDateTime updatedAt) {
}
