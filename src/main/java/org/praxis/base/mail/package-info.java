/**
 * Mail that never drops: {@code Mailer} queues plain-text mail in the outbox in the caller's
 * transaction, {@code MailWorker} sends it after the commit with retries (claimed across nodes in
 * PostgreSQL), and {@code MailOutbox} shows admins what is waiting or failed. Without an SMTP
 * server nothing is queued and callers say so. Other features queue mail only through
 * {@code Mailer}.
 */
@Owns({"mail_outbox", "mail_attempt"})
package org.praxis.base.mail;

import org.praxis.base.Owns;
