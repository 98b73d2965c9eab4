package org.praxis.notification;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One notification as its reader sees it; {@code actorName} is empty when the actor's name is
 * hidden. A notice about a post names its thread and opens the post; other kinds carry the
 * {@code path} to open and a {@code subject}.
 */
public record NotificationItem(long id, String kind, String actorName, Long threadId, Long postId, String threadTitle,
        OffsetDateTime createdAt, boolean read, String path, String subject) {

    /** The kind, when it is one of the list (a kind written by another feature as text may not be). */
    public Optional<NotificationKind> knownKind() {
        return NotificationKind.of(kind);
    }

    /** Where the notice leads: the post itself, or the path it was made with. */
    public String link() {
        if (postId != null && threadId != null) {
            return "threads/" + threadId + "?post=" + postId;
        }
        return path == null ? "notifications" : path;
    }

    /** The message key of its text ({@link NotificationKind#textKey}). */
    public String textKey() {
        return knownKind().map(NotificationKind::textKey)
                .orElse("notifications." + kind.toLowerCase(java.util.Locale.ROOT));
    }

    /** The parameters of its text: {@code hidden} stands for a name its reader may not know. */
    public Object[] textParameters(String hidden) {
        String who = actorName == null ? hidden : actorName;
        return postId != null ? new Object[] {who, threadTitle} : new Object[] {subject, who};
    }
}
