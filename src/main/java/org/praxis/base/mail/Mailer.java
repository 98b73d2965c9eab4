package org.praxis.base.mail;

import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where Praxis's plain-text mail starts: {@link #send} queues a message in the outbox, in the
 * caller's transaction, so it goes if and only if the decision that caused it commits, and the
 * caller never waits for SMTP. {@link MailWorker} sends it after the commit, with retries. With
 * no {@code praxis.mail.host}, nothing is queued (a later SMTP setting does not send old
 * invitations and digests out of the blue); callers offer another way, such as a link to copy.
 */
@Component
public class Mailer {

    private final MailProperties properties;
    private final DSLContext db;
    private final MailWorker worker;
    private final Clock clock;

    Mailer(MailProperties properties, DSLContext db, MailWorker worker, Clock clock) {
        this.properties = properties;
        this.db = db;
        this.worker = worker;
        this.clock = clock;
    }

    public boolean configured() {
        return properties.configured();
    }

    /** The address of a page of Praxis, for a link in a message ({@code path} without a leading slash). */
    public String link(String path) {
        return properties.baseUrl() + path;
    }

    /**
     * Queues the message in the current transaction (in one of its own when there is none), to be
     * sent after the commit; true when queued, false when there is no SMTP server. An address that
     * could never be mailed is refused, which rolls the caller's transaction back.
     */
    @Transactional
    public boolean send(String to, String subject, String text) {
        if (!configured()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.RECIPIENT, recipient(to))
                .set(MAIL_OUTBOX.SUBJECT, subject.replaceAll("[\\r\\n]+", " ").strip())
                .set(MAIL_OUTBOX.BODY, text)
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .execute();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
        return true;
    }

    /** One address, with nothing that would let it change the message's headers. */
    static String recipient(String to) {
        String address = to == null ? "" : to.strip();
        int at = address.lastIndexOf('@');
        if (address.length() < 3 || address.length() > 320 || at < 1 || at == address.length() - 1
                || address.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c) || c == ',')) {
            throw new IllegalArgumentException("Not a mail address: " + address.length() + " characters");
        }
        return address;
    }
}
