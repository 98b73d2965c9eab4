package org.praxis.accountability;

import java.util.List;

/**
 * What one person's digest says: new replies by thread, mentions, check-ins due, analyses newly
 * shared, and sessions coming up. Empty when there is nothing to say.
 */
public record Digest(List<String> replies, List<String> mentions, List<String> checkInsDue, List<String> analyses,
        List<String> sessions) {

    public boolean isEmpty() {
        return replies.isEmpty() && mentions.isEmpty() && checkInsDue.isEmpty() && analyses.isEmpty() && sessions.isEmpty();
    }
}
