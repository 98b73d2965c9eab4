package org.praxis.base;

/**
 * Where {@code base} records what people are accountable for (sign-ins, sign-outs). The audit
 * feature implements it, so that the audit feature may use {@code base} without a cycle.
 */
public interface AuditTrail {

    void record(Long actorId, String action, String targetType, Long targetId, String clientAddress, String detail);
}
