package org.praxis.joining;

import java.time.OffsetDateTime;

/** A new invitation: the link (shown once, to copy), when it expires, and whether it was mailed. */
public record InvitationLink(String url, OffsetDateTime expiresAt, boolean mailed) {

    @Override
    public String toString() {
        return "InvitationLink[expires " + expiresAt + ", mailed " + mailed + "]";
    }
}
