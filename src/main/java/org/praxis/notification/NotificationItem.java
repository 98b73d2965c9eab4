package org.praxis.notification;

import java.time.OffsetDateTime;

/**
 * One notification as its reader sees it; {@code actorName} is empty when the actor's name is
 * hidden. A mention names its thread; other kinds carry the {@code path} to open and a {@code subject}.
 */
public record NotificationItem(long id, String kind, String actorName, Long threadId, Long postId, String threadTitle,
        OffsetDateTime createdAt, boolean read, String path, String subject) {
}
