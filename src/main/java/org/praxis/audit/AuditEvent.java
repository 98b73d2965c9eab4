package org.praxis.audit;

import java.time.OffsetDateTime;

/** One recorded action. {@code actorId} is empty for anonymous attempts such as failed sign-ins. */
public record AuditEvent(long id, OffsetDateTime occurredAt, Long actorId, String action, String targetType,
        Long targetId, String clientAddress, String detail) {
}
