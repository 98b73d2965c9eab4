package org.praxis.conversation;

import static org.praxis.jooq.Tables.AGREEMENT;
import static org.praxis.jooq.Tables.AGREEMENT_ACK;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.praxis.audit.AuditService;
import org.praxis.base.Validation;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.text.Markdown;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community agreements, versioned per cohort. Facilitators publish a new version; each member
 * acknowledges the current one before they post, and again when it changes.
 */
@Service
public class AgreementService {

    public static final int BODY_MAX = 20_000;

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final Markdown markdown;
    private final AuditService audit;

    private final org.praxis.member.MemberService members;

    AgreementService(DSLContext db, CohortAccess access, CurrentUser currentUser, Markdown markdown,
            AuditService audit, org.praxis.member.MemberService members) {
        this.members = members;
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.markdown = markdown;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Agreement> current(long cohortId) {
        access.requireMember(cohortId);
        return db.selectFrom(AGREEMENT).where(AGREEMENT.COHORT_ID.eq(cohortId)).orderBy(AGREEMENT.VERSION.desc())
                .limit(1).fetchOptional(AgreementService::toAgreement);
    }

    @Transactional(readOnly = true)
    public List<Agreement> history(long cohortId) {
        access.requireMember(cohortId);
        return db.selectFrom(AGREEMENT).where(AGREEMENT.COHORT_ID.eq(cohortId)).orderBy(AGREEMENT.VERSION.desc())
                .fetch(AgreementService::toAgreement);
    }

    /** The current agreements if this member has yet to acknowledge them; facilitators are not asked. */
    @Transactional(readOnly = true)
    public Optional<Agreement> pendingFor(long cohortId) {
        if (access.requireMember(cohortId) == CohortRole.FACILITATOR) {
            return Optional.empty();
        }
        long me = currentUser.require().id();
        return current(cohortId).filter(a -> !db.fetchExists(AGREEMENT_ACK,
                AGREEMENT_ACK.AGREEMENT_ID.eq(a.id()).and(AGREEMENT_ACK.MEMBER_ID.eq(me))));
    }

    /**
     * For the cohort's facilitators: the active members (not facilitators, who are not asked) who
     * have not acknowledged the current agreements, by name, id to name; empty while there are none.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> notAcknowledged(long cohortId) {
        access.requireFacilitator(cohortId);
        Optional<Agreement> agreement = current(cohortId);
        if (agreement.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Set<Long> acknowledged = new java.util.HashSet<>(db.select(AGREEMENT_ACK.MEMBER_ID).from(AGREEMENT_ACK)
                .where(AGREEMENT_ACK.AGREEMENT_ID.eq(agreement.get().id())).fetch(AGREEMENT_ACK.MEMBER_ID));
        return members.activeNamesInOrder(access.roster(cohortId).stream()
                .filter(p -> p.role() == CohortRole.MEMBER).map(org.praxis.cohort.Membership.Person::memberId)
                .filter(id -> !acknowledged.contains(id)).toList());
    }

    /** Throws {@link AgreementRequiredException} while the member has not acknowledged the current version. */
    @Transactional(readOnly = true)
    public void requireAcknowledged(long cohortId) {
        pendingFor(cohortId).ifPresent(a -> {
            throw new AgreementRequiredException(a);
        });
    }

    @Transactional
    public void acknowledge(long agreementId) {
        Long cohortId = db.select(AGREEMENT.COHORT_ID).from(AGREEMENT).where(AGREEMENT.ID.eq(agreementId))
                .fetchOne(AGREEMENT.COHORT_ID);
        if (cohortId == null) {
            throw new org.springframework.security.access.AccessDeniedException("No agreement " + agreementId);
        }
        access.requireMember(cohortId);
        long me = currentUser.require().id();
        db.insertInto(AGREEMENT_ACK).set(AGREEMENT_ACK.AGREEMENT_ID, agreementId).set(AGREEMENT_ACK.MEMBER_ID, me)
                .onConflictDoNothing().execute();
        audit.record(me, "agreement.acknowledged", "agreement", agreementId, null, null);
    }

    // ---- for joining by invitation, whose invitee is not signed in yet

    /**
     * The cohort's current agreements, for someone joining it by invitation: the joining feature
     * has checked their link, which stands in for signing in.
     */
    @Transactional(readOnly = true)
    public Optional<Agreement> currentForJoining(long cohortId) {
        return db.selectFrom(AGREEMENT).where(AGREEMENT.COHORT_ID.eq(cohortId)).orderBy(AGREEMENT.VERSION.desc())
                .limit(1).fetchOptional(AgreementService::toAgreement);
    }

    /**
     * Records that someone who has just joined the agreement's cohort acknowledged it, in the
     * joining feature's transaction that made them a member; refused for anyone outside the cohort.
     */
    @Transactional
    public void acknowledgedOnJoining(long agreementId, long memberId) {
        Long cohortId = db.select(AGREEMENT.COHORT_ID).from(AGREEMENT).where(AGREEMENT.ID.eq(agreementId))
                .fetchOne(AGREEMENT.COHORT_ID);
        if (cohortId == null || access.roleOf(cohortId, memberId).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Member " + memberId + " has not joined the cohort of agreement " + agreementId);
        }
        db.insertInto(AGREEMENT_ACK).set(AGREEMENT_ACK.AGREEMENT_ID, agreementId).set(AGREEMENT_ACK.MEMBER_ID, memberId)
                .onConflictDoNothing().execute();
    }

    /** Publishes a new version; everyone but facilitators acknowledges it again before posting. */
    @Transactional
    public Agreement publish(long cohortId, String body) {
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        new Validation().required("body", body, BODY_MAX).throwIfInvalid();
        Integer last = db.select(org.jooq.impl.DSL.max(AGREEMENT.VERSION)).from(AGREEMENT)
                .where(AGREEMENT.COHORT_ID.eq(cohortId)).fetchOne(0, Integer.class);
        long id = db.insertInto(AGREEMENT)
                .set(AGREEMENT.COHORT_ID, cohortId)
                .set(AGREEMENT.VERSION, last == null ? 1 : last + 1)
                .set(AGREEMENT.BODY_MARKDOWN, body.strip())
                .set(AGREEMENT.BODY_HTML, markdown.toSafeHtml(body))
                .set(AGREEMENT.CREATED_BY, me.id())
                .returning(AGREEMENT.ID).fetchOne(AGREEMENT.ID);
        audit.record(me.id(), "agreement.published", "agreement", id, null, null);
        return db.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id)).fetchSingle(AgreementService::toAgreement);
    }

    private static Agreement toAgreement(Record r) {
        return new Agreement(r.get(AGREEMENT.ID), r.get(AGREEMENT.COHORT_ID), r.get(AGREEMENT.VERSION),
                r.get(AGREEMENT.BODY_MARKDOWN), r.get(AGREEMENT.BODY_HTML), r.get(AGREEMENT.CREATED_AT));
    }
}
