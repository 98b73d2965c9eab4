package org.praxis.notification;

import java.time.OffsetDateTime;

/** One notification as its reader sees it; {@code actorName} is empty when the actor's name is hidden. */
public record NotificationItem(long id, String kind, String actorName, Long threadId, Long postId, String threadTitle,
        OffsetDateTime createdAt, boolean read) {
}
