package org.praxis.base.mail;

import static org.praxis.jooq.Tables.MAIL_ATTEMPT;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.AuditTrail;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox as admins see it (mail waiting or failed, and sending a failed one again), its
 * retention (sent and failed mail is deleted {@code praxis.mail.outbox.retention} after it was sent
 * or given up), and its part of a person's data: mail to an account deleted on request goes with it.
 */
@Service
public class MailOutbox implements PersonalData {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int LIST_MAX = 200;

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final MailWorker worker;
    private final MailProperties properties;
    private final ClusterLock clusterLock;
    private final Clock clock;
    private final org.praxis.base.security.AccountDirectory accounts;

    MailOutbox(DSLContext db, CurrentUser currentUser, AuditTrail audit, MailWorker worker, MailProperties properties,
            ClusterLock clusterLock, Clock clock, org.praxis.base.security.AccountDirectory accounts) {
        this.db = db;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
        this.worker = worker;
        this.properties = properties;
        this.clusterLock = clusterLock;
        this.clock = clock;
    }

    /** For admins: failed mail first (newest first), then what waits, oldest first. */
    @Transactional(readOnly = true)
    public List<QueuedMail> undelivered() {
        currentUser.requireRole(Role.ADMIN);
        var last = DSL.select(MAIL_ATTEMPT.FINISHED_AT, MAIL_ATTEMPT.OUTCOME).from(MAIL_ATTEMPT)
                .where(MAIL_ATTEMPT.MAIL_ID.eq(MAIL_OUTBOX.ID)).orderBy(MAIL_ATTEMPT.ID.desc()).limit(1).asTable("last");
        var tries = DSL.selectCount().from(MAIL_ATTEMPT).where(MAIL_ATTEMPT.MAIL_ID.eq(MAIL_OUTBOX.ID)).<Integer>asField("tries");
        return db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.STATUS, tries,
                        MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.NEXT_ATTEMPT_AT, last.field(MAIL_ATTEMPT.FINISHED_AT),
                        MAIL_OUTBOX.LAST_ERROR, last.field(MAIL_ATTEMPT.OUTCOME))
                .from(MAIL_OUTBOX).leftJoin(DSL.lateral(last)).on(DSL.trueCondition())
                .where(MAIL_OUTBOX.STATUS.ne(MailWorker.SENT))
                .orderBy(DSL.when(MAIL_OUTBOX.STATUS.eq(MailWorker.FAILED), 0).otherwise(1),
                        DSL.when(MAIL_OUTBOX.STATUS.eq(MailWorker.FAILED), MAIL_OUTBOX.FAILED_AT).desc(),
                        MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                .limit(LIST_MAX)
                .fetch(r -> new QueuedMail(r.value1(), r.value2(), r.value3(), QueuedMail.Status.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), MailWorker.INTERRUPTED.equals(r.value10())));
    }

    /**
     * For admins: a failed message gets a fresh round of tries, the first at once (after this
     * commit). Anything else (sent meanwhile, already waiting) is left as it is; false then.
     */
    @Transactional
    public boolean sendAgain(long id) {
        PraxisUser admin = currentUser.requireRole(Role.ADMIN);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int changed = db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATUS, MailWorker.PENDING).set(MAIL_OUTBOX.ATTEMPTS, 0)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now).setNull(MAIL_OUTBOX.FAILED_AT)
                .where(MAIL_OUTBOX.ID.eq(id)).and(MAIL_OUTBOX.STATUS.eq(MailWorker.FAILED)).execute();
        if (changed == 0) {
            return false;
        }
        audit.record(admin.id(), "mail.send-again", "mail", id, null, null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
        return true;
    }

    @Scheduled(fixedDelayString = "${praxis.mail.outbox.prune-every:1h}",
            initialDelayString = "${praxis.scheduling.initial-delay:3m}")
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning the mail outbox failed; will retry", e);
        }
    }

    /** Deletes mail sent, or given up, longer ago than the retention; returns how many. One node at a time. */
    @Transactional
    public int prune() {
        if (!clusterLock.tryLock("mail-outbox-prune")) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(properties.outbox().retention());
        int deleted = db.deleteFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(MailWorker.SENT).and(MAIL_OUTBOX.SENT_AT.lt(cutoff)))
                .or(MAIL_OUTBOX.STATUS.eq(MailWorker.FAILED).and(MAIL_OUTBOX.FAILED_AT.lt(cutoff)))
                .execute();
        if (deleted > 0) {
            log.info("Pruned {} mails sent or failed before {}", deleted, cutoff);
        }
        return deleted;
    }

    /** Mail is a copy of what other features hold; nothing of it goes into the archive. */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        accounts.email(memberId).ifPresent(email -> db.deleteFrom(MAIL_OUTBOX)
                .where(DSL.lower(MAIL_OUTBOX.RECIPIENT).eq(DSL.lower(DSL.val(email)))).execute());
    }
}
