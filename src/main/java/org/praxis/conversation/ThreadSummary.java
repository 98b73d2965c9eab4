package org.praxis.conversation;

import java.time.OffsetDateTime;

/** A thread in a list. */
public record ThreadSummary(long id, String title, String contentNote, boolean pinned, boolean locked, int posts,
        OffsetDateTime lastPostAt) {
}
