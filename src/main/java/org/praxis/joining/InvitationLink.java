package org.praxis.joining;

import java.time.OffsetDateTime;

/**
 * A new invitation: the link (shown once, to copy), when it expires, and whether it was mailed:
 * queued in the outbox with the invitation, sent after the commit (admins see it if it cannot be).
 */
public record InvitationLink(String url, OffsetDateTime expiresAt, boolean mailed) {

    @Override
    public String toString() {
        return "InvitationLink[expires " + expiresAt + ", mailed " + mailed + "]";
    }
}
