package org.praxis.audit;

import static org.praxis.jooq.Tables.AUDIT_EVENT;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads audit events. Recording joins the caller's transaction, if any. */
@Service
public class AuditService {

    private static final int MAX_DETAIL = 2000;

    private final DSLContext db;

    AuditService(DSLContext db) {
        this.db = db;
    }

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
}
