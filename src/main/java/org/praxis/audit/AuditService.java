package org.praxis.audit;

import static org.praxis.jooq.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.AuditTrail;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records and reads audit events. Recording joins the caller's transaction, if any. Events are
 * kept; the client address in them is cleared after the retention period, and a deleted account's
 * email address is cleared from the sign-in events that named it.
 */
@Service
public class AuditService implements AuditTrail, PersonalData {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    private static final int MAX_DETAIL = 2000;

    private final DSLContext db;
    private final AuditProperties properties;
    private final ClusterLock clusterLock;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AccountDirectory accounts;

    AuditService(DSLContext db, AuditProperties properties, ClusterLock clusterLock, Clock clock,
            PlatformTransactionManager transactions, AccountDirectory accounts) {
        this.accounts = accounts;
        this.db = db;
        this.properties = properties;
        this.clusterLock = clusterLock;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    @Transactional
    public void record(Long actorId, String action, String targetType, Long targetId, String clientAddress,
            String detail) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_ID, targetId)
                .set(AUDIT_EVENT.CLIENT_ADDRESS, clientAddress)
                .set(AUDIT_EVENT.DETAIL, detail == null || detail.length() <= MAX_DETAIL ? detail
                        : detail.substring(0, MAX_DETAIL))
                .execute();
    }

    /** The latest events about one record, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> latestFor(String targetType, long targetId, int limit) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.TARGET_TYPE.eq(targetType).and(AUDIT_EVENT.TARGET_ID.eq(targetId)))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getOccurredAt(), r.getActorId(), r.getAction(),
                        r.getTargetType(), r.getTargetId(), r.getClientAddress(), r.getDetail()));
    }

    /** The latest events with one action, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> latestWithAction(String action, int limit) {
        return db.selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq(action))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEvent(r.getId(), r.getOccurredAt(), r.getActorId(), r.getAction(),
                        r.getTargetType(), r.getTargetId(), r.getClientAddress(), r.getDetail()));
    }

    @Scheduled(fixedDelayString = "${praxis.audit.prune-every:1h}",
            initialDelayString = "${praxis.scheduling.initial-delay:2m}")
    void scheduledForget() {
        try {
            int cleared = forgetOldAddresses();
            if (cleared > 0) {
                log.info("Cleared the client address of {} audit events older than the retention period", cleared);
            }
        } catch (RuntimeException e) {
            log.warn("Clearing old client addresses from the audit trail failed; will retry", e);
        }
    }

    /** Clears client addresses older than the retention period, on one app node at a time; returns how many. */
    public int forgetOldAddresses() {
        Integer cleared = transaction.execute(status -> clusterLock.tryLock("audit-address-prune")
                ? db.update(AUDIT_EVENT).setNull(AUDIT_EVENT.CLIENT_ADDRESS)
                        .where(AUDIT_EVENT.CLIENT_ADDRESS.isNotNull())
                        .and(AUDIT_EVENT.OCCURRED_AT.lt(OffsetDateTime.now(clock).minus(properties.addressRetention())))
                        .execute()
                : 0);
        return cleared == null ? 0 : cleared;
    }

    /** The audit trail is the installation's record of who did what, not something a member wrote. */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    /**
     * The events stay (that the account was deleted is itself audited), but nothing in them names
     * the person any more: their email address as the account of a sign-in, and the addresses they
     * came from.
     */
    @Override
    public void erase(long memberId, boolean keepContributions) {
        accounts.email(memberId).ifPresent(email -> db.update(AUDIT_EVENT).setNull(AUDIT_EVENT.DETAIL)
                .setNull(AUDIT_EVENT.CLIENT_ADDRESS)
                .where(AUDIT_EVENT.ACTION.startsWith("sign-in.")).and(AUDIT_EVENT.DETAIL.eq(Accounts.key(email)))
                .execute());
        db.update(AUDIT_EVENT).setNull(AUDIT_EVENT.CLIENT_ADDRESS).where(AUDIT_EVENT.ACTOR_ID.eq(memberId)).execute();
        // a change of address names the addresses
        db.update(AUDIT_EVENT).setNull(AUDIT_EVENT.DETAIL).where(AUDIT_EVENT.ACTION.startsWith("member.email-change"))
                .and(AUDIT_EVENT.TARGET_ID.eq(memberId)).execute();
    }
}
