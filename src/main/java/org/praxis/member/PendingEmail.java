package org.praxis.member;

import java.time.OffsetDateTime;

/** A new email address waiting for its link to be opened, and until when the link works. */
public record PendingEmail(String email, OffsetDateTime expiresAt) {
}
