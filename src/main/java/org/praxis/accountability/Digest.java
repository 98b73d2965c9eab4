package org.praxis.accountability;

import java.util.List;

/**
 * What one person's digest says: new replies by thread, mentions, the other notices they chose
 * to get in their digest, check-ins due, analyses newly shared, and sessions coming up. Empty when
 * there is nothing to say.
 */
public record Digest(List<String> replies, List<String> mentions, List<String> notices, List<String> checkInsDue,
        List<String> analyses, List<String> sessions) {

    public boolean isEmpty() {
        return replies.isEmpty() && mentions.isEmpty() && notices.isEmpty() && checkInsDue.isEmpty() && analyses.isEmpty()
                && sessions.isEmpty();
    }
}
