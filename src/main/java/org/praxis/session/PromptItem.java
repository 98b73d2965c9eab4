package org.praxis.session;

import java.time.ZonedDateTime;

/** A prompt of a session with its conversation thread; {@code open} says whether replies are taken now. */
public record PromptItem(long id, String question, int position, ZonedDateTime opensAt, ZonedDateTime closesAt,
        long threadId, boolean open, int replies) {
}
