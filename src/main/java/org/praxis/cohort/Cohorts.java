package org.praxis.cohort;

import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;

import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.Record1;
import org.praxis.jooq.tables.Cohort;
import org.praxis.jooq.tables.CohortMembership;

/**
 * What other features may show of a cohort inside their own queries, as fields correlated on a
 * cohort id they hold ({@code THREAD.COHORT_ID}, {@code APPLICATION.COHORT_ID}). They hold no
 * rights check: the query they go into decides who reads the row.
 */
public final class Cohorts {

    /** The zone of a cohort whose own is unknown. */
    public static final String DEFAULT_ZONE = "America/Los_Angeles";

    /** How many people a new cohort takes unless told otherwise (the database allows 1 to 200). */
    public static final int DEFAULT_CAPACITY = 15;

    private Cohorts() {
    }

    /** The cohort's name. */
    public static Field<String> name(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_n");
        return DSL.field(DSL.select(c.NAME).from(c).where(c.ID.eq(cohortId)));
    }

    /** The cohort's time zone id ({@link java.time.ZoneId#of}). */
    public static Field<String> timeZone(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_z");
        return DSL.field(DSL.select(c.TIME_ZONE).from(c).where(c.ID.eq(cohortId)));
    }

    /** How many people the cohort takes. */
    public static Field<Integer> capacity(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_c");
        return DSL.field(DSL.select(c.CAPACITY).from(c).where(c.ID.eq(cohortId)));
    }

    /** True where the cohort exists. */
    public static Condition exists(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_e");
        return DSL.exists(DSL.selectOne().from(c).where(c.ID.eq(cohortId)));
    }

    /**
     * True where the cohort is open (not closed): for a feature's own write query, next to
     * {@link CohortAccess#requireOpen(long)}, or a list that shows only active cohorts.
     */
    public static Condition open(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_o");
        return DSL.exists(DSL.selectOne().from(c).where(c.ID.eq(cohortId)).and(c.CLOSED_AT.isNull()));
    }

    /** When the cohort closed; null while it is open. */
    public static Field<java.time.OffsetDateTime> closedAt(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_x");
        return DSL.field(DSL.select(c.CLOSED_AT).from(c).where(c.ID.eq(cohortId)));
    }

    /** True where the cohort takes applications now. */
    public static Condition takesApplications(Field<Long> cohortId) {
        Cohort c = COHORT.as("cohorts_a");
        return DSL.exists(DSL.selectOne().from(c).where(c.ID.eq(cohortId)).and(c.APPLICATIONS_OPEN.isTrue())
                .and(c.CLOSED_AT.isNull()));
    }

    /** The names of the cohorts the person {@code memberId} is in, in any role, by name. */
    public static Field<List<String>> namesOf(Field<Long> memberId) {
        Cohort c = COHORT.as("cohorts_of");
        CohortMembership m = COHORT_MEMBERSHIP.as("cohorts_of_m");
        return DSL.multiset(DSL.select(c.NAME).from(m).join(c).on(c.ID.eq(m.COHORT_ID)).where(m.MEMBER_ID.eq(memberId))
                .orderBy(c.NAME)).convertFrom(r -> r.map(Record1::value1));
    }
}
