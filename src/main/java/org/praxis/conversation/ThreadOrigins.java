package org.praxis.conversation;

import java.time.OffsetDateTime;

/**
 * What a thread's header shows of the session and prompt that opened it. The session feature,
 * which owns sessions and prompts, implements it; it depends on this feature (it opens and renames
 * the prompts' threads through {@link ThreadService}), so this feature cannot ask it directly.
 */
public interface ThreadOrigins {

    /** A session's title and, for a prompt's thread, when the prompt opens and closes (null: no limit). */
    record Origin(String sessionTitle, OffsetDateTime opensAt, OffsetDateTime closesAt) {

        /** A thread of no session, or of one that is gone. */
        public static final Origin NONE = new Origin(null, null, null);
    }

    /** Where the thread of the session {@code sessionId} (and prompt {@code promptId}, may be null) comes from. */
    Origin of(long sessionId, Long promptId);
}
