package org.praxis.cohort;

import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.COHORT_PREFERENCE;
import static org.praxis.jooq.Tables.HOME_VISIT;

import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** A deleted account leaves its cohorts: it is no longer among their people, and its chosen cohort goes. */
@Component
class CohortPersonalData implements PersonalData {

    private final DSLContext db;

    CohortPersonalData(DSLContext db) {
        this.db = db;
    }

    /** The cohorts are listed with the profile (see the member feature). */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(HOME_VISIT).where(HOME_VISIT.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(COHORT_PREFERENCE).where(COHORT_PREFERENCE.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(COHORT_MEMBERSHIP).where(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId)).execute();
    }
}
