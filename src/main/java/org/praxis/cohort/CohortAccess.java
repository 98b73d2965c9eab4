package org.praxis.cohort;

import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;

import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may the signed-in person read or run this cohort?". Only members
 * and facilitators of a cohort read what happens in it; only its facilitators run it. Admins
 * who are not in the cohort are refused like anyone else.
 */
@Service
public class CohortAccess {

    private final DSLContext db;
    private final CurrentUser currentUser;

    CohortAccess(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    /** The signed-in person's part in the cohort; refuses anyone outside it. */
    @Transactional(readOnly = true)
    public CohortRole requireMember(long cohortId) {
        return roleIn(cohortId).orElseThrow(() -> new AccessDeniedException("Not in cohort " + cohortId));
    }

    /** The signed-in person's part in the cohort, or empty when they are outside it (nothing is refused). */
    @Transactional(readOnly = true)
    public java.util.Optional<CohortRole> roleIn(long cohortId) {
        PraxisUser me = currentUser.require();
        return db.select(COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(cohortId)).and(COHORT_MEMBERSHIP.MEMBER_ID.eq(me.id()))
                .fetchOptional(COHORT_MEMBERSHIP.ROLE).map(CohortRole::valueOf);
    }

    /** Refuses anyone who does not facilitate the cohort. */
    @Transactional(readOnly = true)
    public PraxisUser requireFacilitator(long cohortId) {
        if (requireMember(cohortId) != CohortRole.FACILITATOR) {
            throw new AccessDeniedException("Not a facilitator of cohort " + cohortId);
        }
        return currentUser.require();
    }

    /** The cohorts the signed-in person belongs to, oldest first. */
    @Transactional(readOnly = true)
    public List<CohortChoice> myCohorts() {
        PraxisUser me = currentUser.require();
        return db.select(COHORT.ID, COHORT.NAME).from(COHORT).join(COHORT_MEMBERSHIP)
                .on(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID)).where(COHORT_MEMBERSHIP.MEMBER_ID.eq(me.id()))
                .orderBy(COHORT.ID)
                .fetch(r -> new CohortChoice(r.value1(), r.value2()));
    }

    /** The cohort's time zone, in which its sessions are planned and shown. */
    @Transactional(readOnly = true)
    public ZoneId zoneOf(long cohortId) {
        String zone = db.select(COHORT.TIME_ZONE).from(COHORT).where(COHORT.ID.eq(cohortId)).fetchOne(COHORT.TIME_ZONE);
        return ZoneId.of(zone == null ? "America/Los_Angeles" : zone);
    }
}
