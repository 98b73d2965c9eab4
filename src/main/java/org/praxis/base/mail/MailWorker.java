package org.praxis.base.mail;

import static org.praxis.jooq.Tables.MAIL_ATTEMPT;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox ({@code mail_outbox}) over SMTP, off every request thread. Each app node runs
 * one worker thread, woken after a commit that queued mail and every {@code poll} besides.
 *
 * <p>A run claims a small batch of due rows in a short transaction ({@code FOR UPDATE SKIP
 * LOCKED}, so two nodes never claim the same row), marking them SENDING with a claim token and a
 * lease; then, with no transaction and no lock held, it sends them one by one and marks each SENT
 * (its body emptied) in its own transaction right after the server accepted it, or schedules the
 * next try after the configured wait, or, after the last try, marks it FAILED for an admin to send
 * again. Every try is recorded in {@code mail_attempt}.
 *
 * <p>Delivery is at least once, and the "more than once" is kept to one narrow window: a node
 * that dies (or loses the database for longer than the lease) after the SMTP server accepted a
 * message and before its SENT commit. Another node then takes the row again when the lease runs
 * out, records the earlier try as INTERRUPTED and sends it again, with the same {@code Message-ID}
 * so mail programs can tell it is the same message. A node that merely fails to commit SENT (the
 * database away for a moment) keeps it in memory and commits it before it claims anything else.
 * A node that stops cleanly finishes the message it is sending and hands the rest of its batch
 * back at once. The lease is far longer than a batch can take with the SMTP timeouts below, and a
 * message is not started when too little of its lease is left, so a live node never loses a
 * claim to another.
 */
@Component
public class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String INTERRUPTED = "INTERRUPTED";

    /** What one message may take at most with the SMTP timeouts (connect 5 s, read 10 s, write 10 s), and then some. */
    static final Duration SEND_MARGIN = Duration.ofMinutes(1);
    static final int ERROR_MAX = 500;

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final MailProperties properties;
    private final JavaMailSenderImpl sender;
    private final Clock clock;
    private final String messageIdDomain;
    private final Semaphore wake = new Semaphore(0);
    /** Accepted by the SMTP server, SENT not yet committed. */
    private final Queue<Accepted> unmarked = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean stopping;
    private Thread thread;

    MailWorker(DSLContext db, PlatformTransactionManager transactions, MailProperties properties, Clock clock) {
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.sender = sender(properties);
        this.messageIdDomain = domain(properties.baseUrl());
    }

    private static JavaMailSenderImpl sender(MailProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding("UTF-8");
        boolean auth = properties.username() != null && !properties.username().isBlank();
        if (auth) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        Properties smtp = sender.getJavaMailProperties();
        smtp.put("mail.smtp.auth", String.valueOf(auth));
        smtp.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
        smtp.put("mail.smtp.connectiontimeout", "5000");
        smtp.put("mail.smtp.timeout", "10000");
        smtp.put("mail.smtp.writetimeout", "10000");
        return sender;
    }

    private static String domain(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            return host == null || host.isBlank() ? "praxis.invalid" : host;
        } catch (IllegalArgumentException e) {
            return "praxis.invalid";
        }
    }

    /** A claimed row: what to send, and the claim that lets this worker mark it. */
    record Claimed(long id, UUID token, int attempt, String recipient, String subject, String body,
            OffsetDateTime createdAt, OffsetDateTime leaseUntil) {
    }

    private record Accepted(Claimed mail, OffsetDateTime startedAt, OffsetDateTime at) {
    }

    /** Something was queued and committed: look now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    /**
     * Sends every message that is due, batch after batch, on the caller's thread; returns how
     * many the SMTP server accepted. The worker thread calls it; so do tests, with the worker thread off.
     */
    public int deliverDue() {
        markAccepted();
        int sent = 0;
        while (!stopping) {
            List<Claimed> batch = claim();
            if (batch.isEmpty()) {
                break;
            }
            sent += deliver(batch);
        }
        return sent;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /**
     * Claims up to a batch of due rows in one short transaction: pending ones whose time has come,
     * and rows another claim left SENDING past its lease (that try is recorded as INTERRUPTED;
     * when it was the last one allowed, the row is failed instead of sent again).
     */
    List<Claimed> claim() {
        List<Claimed> claimed = transaction.execute(status -> {
            OffsetDateTime now = now();
            var due = db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.STATUS, MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.CLAIMED_AT)
                    .from(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.STATUS.eq(PENDING).and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now)))
                    .or(MAIL_OUTBOX.STATUS.eq(SENDING).and(MAIL_OUTBOX.LEASE_UNTIL.le(now)))
                    .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                    .limit(properties.outbox().batchSize())
                    .forUpdate().skipLocked()
                    .fetch();
            List<Long> ids = new ArrayList<>();
            for (var row : due) {
                long id = row.get(MAIL_OUTBOX.ID);
                if (SENDING.equals(row.get(MAIL_OUTBOX.STATUS))) {
                    int attempt = row.get(MAIL_OUTBOX.ATTEMPTS);
                    attempt(id, attempt, row.get(MAIL_OUTBOX.CLAIMED_AT), now, INTERRUPTED, null);
                    log.warn("Mail {} was being sent by a node that stopped before it said whether it went; {}", id,
                            attempt >= properties.outbox().maxAttempts() ? "no tries are left" : "sending it again");
                    if (attempt >= properties.outbox().maxAttempts()) {
                        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, FAILED).set(MAIL_OUTBOX.FAILED_AT, now)
                                .setNull(MAIL_OUTBOX.CLAIM_TOKEN).setNull(MAIL_OUTBOX.CLAIMED_AT).setNull(MAIL_OUTBOX.LEASE_UNTIL)
                                .where(MAIL_OUTBOX.ID.eq(id)).execute();
                        continue;
                    }
                }
                ids.add(id);
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            UUID token = UUID.randomUUID();
            OffsetDateTime leaseUntil = now.plus(properties.outbox().lease());
            return db.update(MAIL_OUTBOX)
                    .set(MAIL_OUTBOX.STATUS, SENDING)
                    .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                    .set(MAIL_OUTBOX.CLAIM_TOKEN, token)
                    .set(MAIL_OUTBOX.CLAIMED_AT, now)
                    .set(MAIL_OUTBOX.LEASE_UNTIL, leaseUntil)
                    .where(MAIL_OUTBOX.ID.in(ids))
                    .returning(MAIL_OUTBOX.ID, MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT,
                            MAIL_OUTBOX.BODY, MAIL_OUTBOX.CREATED_AT)
                    .fetch(r -> new Claimed(r.get(MAIL_OUTBOX.ID), token, r.get(MAIL_OUTBOX.ATTEMPTS),
                            r.get(MAIL_OUTBOX.RECIPIENT), r.get(MAIL_OUTBOX.SUBJECT), r.get(MAIL_OUTBOX.BODY),
                            r.get(MAIL_OUTBOX.CREATED_AT), leaseUntil));
        });
        return claimed == null ? List.of() : claimed.stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
    }

    private int deliver(List<Claimed> batch) {
        int sent = 0;
        for (int i = 0; i < batch.size(); i++) {
            Claimed mail = batch.get(i);
            if (stopping || now().plus(SEND_MARGIN).isAfter(mail.leaseUntil())) {
                release(batch.subList(i, batch.size()));
                break;
            }
            OffsetDateTime started = now();
            try {
                transmit(mail);
            } catch (RuntimeException e) {
                failed(mail, started, describe(e));
                continue;
            }
            sent++;
            Accepted accepted = new Accepted(mail, started, now());
            try {
                markSent(accepted);
            } catch (RuntimeException e) {
                // the rest of the batch waits for its lease; this one must not go again
                unmarked.add(accepted);
                throw e;
            }
        }
        return sent;
    }

    /** Hands SMTP the message; returns once the server accepted it. */
    void transmit(Claimed mail) {
        MimeMessage message = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the same for every try, so a message sent twice (see the class comment) can be recognised
                setHeader("Message-ID", messageId(mail));
            }
        };
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            helper.setSentDate(Date.from(now().toInstant()));
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        sender.send(message);
    }

    String messageId(Claimed mail) {
        return "<praxis." + mail.id() + "." + mail.createdAt().toInstant().toEpochMilli() + "@" + messageIdDomain + ">";
    }

    /** Records the SMTP server's acceptance; the body goes, it is no longer needed. */
    void markSent(Claimed mail, OffsetDateTime startedAt) {
        markSent(new Accepted(mail, startedAt, now()));
    }

    private void markSent(Accepted accepted) {
        Claimed mail = accepted.mail();
        transaction.executeWithoutResult(status -> {
            int marked = db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, SENT).set(MAIL_OUTBOX.SENT_AT, accepted.at())
                    .setNull(MAIL_OUTBOX.BODY).setNull(MAIL_OUTBOX.LAST_ERROR)
                    .setNull(MAIL_OUTBOX.CLAIM_TOKEN).setNull(MAIL_OUTBOX.CLAIMED_AT).setNull(MAIL_OUTBOX.LEASE_UNTIL)
                    .where(MAIL_OUTBOX.ID.eq(mail.id())).and(MAIL_OUTBOX.CLAIM_TOKEN.eq(mail.token()))
                    .execute();
            if (marked == 0) {
                log.warn("Mail {} went after its claim was taken over; it may go twice", mail.id());
            }
            attempt(mail.id(), mail.attempt(), accepted.startedAt(), accepted.at(), SENT, null);
        });
    }

    private void markAccepted() {
        Accepted accepted;
        while ((accepted = unmarked.peek()) != null) {
            markSent(accepted);
            unmarked.remove();
        }
    }

    /** The next try after its wait, or FAILED after the last. */
    private void failed(Claimed mail, OffsetDateTime startedAt, String error) {
        OffsetDateTime now = now();
        List<Duration> delays = properties.outbox().retryDelays();
        boolean last = mail.attempt() >= properties.outbox().maxAttempts();
        transaction.executeWithoutResult(status -> {
            attempt(mail.id(), mail.attempt(), startedAt, now, FAILED, error);
            var update = db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.LAST_ERROR, error)
                    .setNull(MAIL_OUTBOX.CLAIM_TOKEN).setNull(MAIL_OUTBOX.CLAIMED_AT).setNull(MAIL_OUTBOX.LEASE_UNTIL);
            (last ? update.set(MAIL_OUTBOX.STATUS, FAILED).set(MAIL_OUTBOX.FAILED_AT, now)
                    : update.set(MAIL_OUTBOX.STATUS, PENDING)
                            .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.plus(delays.get(mail.attempt() - 1))))
                    .where(MAIL_OUTBOX.ID.eq(mail.id())).and(MAIL_OUTBOX.CLAIM_TOKEN.eq(mail.token()))
                    .execute();
        });
        if (last) {
            log.warn("Mail {} \"{}\" failed after {} tries; an admin can send it again: {}", mail.id(), mail.subject(),
                    mail.attempt(), error);
        } else {
            log.info("Mail {} not sent (try {}), trying again in {}: {}", mail.id(), mail.attempt(),
                    delays.get(mail.attempt() - 1), error);
        }
    }

    /** Claimed rows not started: back to the queue at once, the try not counted. */
    private void release(List<Claimed> rest) {
        if (rest.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, PENDING)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.minus(1))
                .setNull(MAIL_OUTBOX.CLAIM_TOKEN).setNull(MAIL_OUTBOX.CLAIMED_AT).setNull(MAIL_OUTBOX.LEASE_UNTIL)
                .where(MAIL_OUTBOX.ID.in(rest.stream().map(Claimed::id).toList()))
                .and(MAIL_OUTBOX.CLAIM_TOKEN.eq(rest.get(0).token()))
                .execute());
    }

    private void attempt(long id, int attempt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String outcome,
            String error) {
        db.insertInto(MAIL_ATTEMPT).set(MAIL_ATTEMPT.MAIL_ID, id).set(MAIL_ATTEMPT.ATTEMPT, attempt)
                .set(MAIL_ATTEMPT.STARTED_AT, startedAt == null ? finishedAt : startedAt)
                .set(MAIL_ATTEMPT.FINISHED_AT, finishedAt).set(MAIL_ATTEMPT.OUTCOME, outcome)
                .set(MAIL_ATTEMPT.ERROR, error).execute();
    }

    /** The server's answer on one line, short enough to show: never the message itself. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < ERROR_MAX; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message.strip()) < 0) {
                text.append(text.isEmpty() ? "" : " — ").append(message.strip());
            }
        }
        String line = (text.isEmpty() ? e.getClass().getSimpleName() : text.toString())
                .replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= ERROR_MAX ? line : line.substring(0, ERROR_MAX - 1) + "…";
    }

    // ---- the worker thread

    @Override
    public boolean isAutoStartup() {
        return properties.configured() && properties.outbox().background();
    }

    @Override
    public synchronized void start() {
        running = true;
        stopping = false;
        thread = new Thread(this::run, "mail-worker");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try {
                deliverDue();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Sending queued mail failed; trying again in {} ({})", properties.outbox().poll(), e.toString());
                }
                failing = true;
            }
            try {
                if (wake.tryAcquire(properties.outbox().poll().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        running = false;
        wake.release();
        if (thread != null) {
            try {
                // never interrupted mid-send: the SMTP timeouts bound the wait
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the connection pool closes
        return Integer.MAX_VALUE - 100;
    }
}
