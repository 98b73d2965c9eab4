package org.praxis.base.mail;

import java.time.OffsetDateTime;

/**
 * A message not (yet) delivered, as admins see it: who it is for and its subject, never its body
 * (it may be private). {@code tries} counts every try since it was queued; {@code lastError} is
 * the SMTP server's last answer, trimmed; {@code interrupted} that the last try's node stopped
 * before it could say how it went.
 */
public record QueuedMail(long id, String recipient, String subject, Status status, int tries,
        OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime lastTriedAt, String lastError,
        boolean interrupted) {

    public enum Status { PENDING, SENDING, FAILED }
}
