package org.praxis.cohort;

import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.jooq.tables.CohortMembership;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that answers "may this person read or run this cohort?". Only members and
 * facilitators of a cohort read what happens in it; only its facilitators run it. Admins who are
 * not in the cohort are refused like anyone else.
 *
 * <p>Other features put the same rule inside their own queries with the {@link Condition}s
 * published here — {@link #isMember(Field)} and {@link #isFacilitator(Field)} for the signed-in
 * person, {@link #memberOf(Field, Field)} and {@link #facilitatorOf(Field, Field)} for a person
 * given by a field (a digest built for someone who is not signed in) — rather than writing an
 * {@code EXISTS} on {@code cohort_membership} of their own. "Member of" means in the cohort in
 * any role, facilitators included, as {@link #requireMember(long)} does.
 */
@Service
public class CohortAccess {

    private final DSLContext db;
    private final CurrentUser currentUser;

    CohortAccess(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    // ---- conditions for other features' queries

    /** True where the person {@code memberId} is in the cohort {@code cohortId}, in any role. */
    public static Condition memberOf(Field<Long> cohortId, Field<Long> memberId) {
        CohortMembership m = COHORT_MEMBERSHIP.as("cohort_access_m");
        return DSL.exists(DSL.selectOne().from(m).where(m.COHORT_ID.eq(cohortId)).and(m.MEMBER_ID.eq(memberId)));
    }

    /** True where the person {@code memberId} facilitates the cohort {@code cohortId}. */
    public static Condition facilitatorOf(Field<Long> cohortId, Field<Long> memberId) {
        CohortMembership m = COHORT_MEMBERSHIP.as("cohort_access_f");
        return DSL.exists(DSL.selectOne().from(m).where(m.COHORT_ID.eq(cohortId)).and(m.MEMBER_ID.eq(memberId))
                .and(m.ROLE.eq(CohortRole.FACILITATOR.name())));
    }

    /** True where the person {@code memberId} is in at least one cohort (people with no cohort get no digest). */
    public static Condition inAnyCohort(Field<Long> memberId) {
        CohortMembership m = COHORT_MEMBERSHIP.as("cohort_access_a");
        return DSL.exists(DSL.selectOne().from(m).where(m.MEMBER_ID.eq(memberId)));
    }

    /**
     * True where the person {@code memberId} is in a cohort that {@code facilitatorId} facilitates
     * (the people a facilitator manages).
     */
    public static Condition inCohortFacilitatedBy(Field<Long> memberId, Field<Long> facilitatorId) {
        CohortMembership theirs = COHORT_MEMBERSHIP.as("cohort_access_t");
        return DSL.exists(DSL.selectOne().from(theirs).where(theirs.MEMBER_ID.eq(memberId))
                .and(facilitatorOf(theirs.COHORT_ID, facilitatorId)));
    }

    /** The person's role in the cohort as a field ({@link CohortRole} names), null when they are not in it. */
    public static Field<String> roleOf(Field<Long> cohortId, Field<Long> memberId) {
        CohortMembership m = COHORT_MEMBERSHIP.as("cohort_access_r");
        return DSL.field(DSL.select(m.ROLE).from(m).where(m.COHORT_ID.eq(cohortId)).and(m.MEMBER_ID.eq(memberId)));
    }

    /** True where the signed-in person is in the cohort {@code cohortId}; refuses when nobody is signed in. */
    public Condition isMember(Field<Long> cohortId) {
        return memberOf(cohortId, DSL.val(currentUser.require().id()));
    }

    /** True where the signed-in person facilitates the cohort {@code cohortId}; refuses when nobody is signed in. */
    public Condition isFacilitator(Field<Long> cohortId) {
        return facilitatorOf(cohortId, DSL.val(currentUser.require().id()));
    }

    // ---- checks and reads for the signed-in person

    /** The signed-in person's part in the cohort; refuses anyone outside it. */
    @Transactional(readOnly = true)
    public CohortRole requireMember(long cohortId) {
        return roleIn(cohortId).orElseThrow(() -> new AccessDeniedException("Not in cohort " + cohortId));
    }

    /** The signed-in person's part in the cohort, or empty when they are outside it (nothing is refused). */
    @Transactional(readOnly = true)
    public Optional<CohortRole> roleIn(long cohortId) {
        return roleOf(cohortId, currentUser.require().id());
    }

    /** Refuses anyone who does not facilitate the cohort. */
    @Transactional(readOnly = true)
    public PraxisUser requireFacilitator(long cohortId) {
        if (requireMember(cohortId) != CohortRole.FACILITATOR) {
            throw new AccessDeniedException("Not a facilitator of cohort " + cohortId);
        }
        return currentUser.require();
    }

    /**
     * Refuses anyone who neither facilitates the cohort nor is one of the network's admins: the
     * people who read what a cohort learns (its report). Admins pass for any cohort that exists,
     * without being in it; an unknown cohort is refused alike for everyone.
     */
    @Transactional(readOnly = true)
    public PraxisUser requireRunning(long cohortId) {
        PraxisUser me = currentUser.require();
        if (me.role() == org.praxis.base.security.Role.ADMIN) {
            if (!db.fetchExists(COHORT, COHORT.ID.eq(cohortId))) {
                throw new AccessDeniedException("No cohort " + cohortId);
            }
            return me;
        }
        return requireFacilitator(cohortId);
    }

    /**
     * The cohorts whose report the signed-in person may read, by name: every cohort for an admin,
     * the cohorts they facilitate for anyone else (members get none).
     */
    @Transactional(readOnly = true)
    public List<CohortChoice> running() {
        PraxisUser me = currentUser.require();
        var query = db.select(COHORT.ID, COHORT.NAME, COHORT.CLOSED_AT).from(COHORT);
        var filtered = me.role() == org.praxis.base.security.Role.ADMIN ? query.where(DSL.trueCondition())
                : query.where(facilitatorOf(COHORT.ID, DSL.val(me.id())));
        return filtered.orderBy(COHORT.NAME, COHORT.ID)
                .fetch(r -> new CohortChoice(r.value1(), r.value2(), r.value3() != null));
    }

    /**
     * Refuses any write to a closed cohort with a {@link CohortClosedException}: every service
     * that writes something belonging to a cohort (a post, a session, an analysis, a worksheet
     * answer, a commitment, an application…) calls this first, whoever is signed in, so a closed
     * cohort stays read-only however the write arrives. An unknown cohort passes: the caller's own
     * checks refuse it.
     */
    @Transactional(readOnly = true)
    public void requireOpen(long cohortId) {
        if (closedAt(cohortId).isPresent()) {
            throw new CohortClosedException(cohortId);
        }
    }

    /** When the cohort closed, or empty while it is open. */
    @Transactional(readOnly = true)
    public Optional<java.time.OffsetDateTime> closedAt(long cohortId) {
        return Optional.ofNullable(db.select(COHORT.CLOSED_AT).from(COHORT).where(COHORT.ID.eq(cohortId))
                .fetchOne(COHORT.CLOSED_AT));
    }

    /** The cohorts the signed-in person belongs to, oldest first. */
    @Transactional(readOnly = true)
    public List<CohortChoice> myCohorts() {
        return db.select(COHORT.ID, COHORT.NAME, COHORT.CLOSED_AT).from(COHORT)
                .where(memberOf(COHORT.ID, DSL.val(currentUser.require().id())))
                .orderBy(COHORT.ID)
                .fetch(r -> new CohortChoice(r.value1(), r.value2(), r.value3() != null));
    }

    /**
     * The signed-in person's cohorts with their role in each, oldest first: what search needs to
     * build its filter, and what a feature needs to tell the cohorts they run.
     */
    @Transactional(readOnly = true)
    public List<Membership> myMemberships() {
        return membershipsOf(currentUser.require().id());
    }

    // ---- reads for other features' services, which have decided the caller may know this

    /** A person's part in a cohort, or empty when they are not in it. */
    @Transactional(readOnly = true)
    public Optional<CohortRole> roleOf(long cohortId, long memberId) {
        return db.select(COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(cohortId)).and(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .fetchOptional(COHORT_MEMBERSHIP.ROLE).map(CohortRole::valueOf);
    }

    /** A person's cohorts with their role in each, oldest first (for a digest built while nobody is signed in). */
    @Transactional(readOnly = true)
    public List<Membership> membershipsOf(long memberId) {
        return db.select(COHORT.ID, COHORT.NAME, COHORT_MEMBERSHIP.ROLE, COHORT_MEMBERSHIP.JOINED_AT).from(COHORT)
                .join(COHORT_MEMBERSHIP).on(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID))
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .orderBy(COHORT.ID)
                .fetch(r -> new Membership(r.value1(), r.value2(), CohortRole.valueOf(r.value3()), r.value4()));
    }

    /** Everyone in the cohort with their role, in the order they joined (names come from the member feature). */
    @Transactional(readOnly = true)
    public List<Membership.Person> roster(long cohortId) {
        return db.select(COHORT_MEMBERSHIP.MEMBER_ID, COHORT_MEMBERSHIP.ROLE, COHORT_MEMBERSHIP.JOINED_AT)
                .from(COHORT_MEMBERSHIP).where(COHORT_MEMBERSHIP.COHORT_ID.eq(cohortId))
                .orderBy(COHORT_MEMBERSHIP.JOINED_AT, COHORT_MEMBERSHIP.MEMBER_ID)
                .fetch(r -> new Membership.Person(r.value1(), CohortRole.valueOf(r.value2()), r.value3()));
    }

    /** Whether every one of these people is in the cohort (co-authors, invitees). */
    @Transactional(readOnly = true)
    public boolean allIn(long cohortId, Collection<Long> memberIds) {
        Set<Long> distinct = Set.copyOf(memberIds);
        return distinct.isEmpty() || db.fetchCount(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.COHORT_ID.eq(cohortId)
                .and(COHORT_MEMBERSHIP.MEMBER_ID.in(distinct))) == distinct.size();
    }

    /** Whether the cohort's facilitators let members open threads in its commons. */
    @Transactional(readOnly = true)
    public boolean membersOpenThreads(long cohortId) {
        return Boolean.TRUE.equals(db.select(COHORT.MEMBERS_OPEN_THREADS).from(COHORT).where(COHORT.ID.eq(cohortId))
                .fetchOne(COHORT.MEMBERS_OPEN_THREADS));
    }

    /** The cohort's time zone, in which its sessions are planned and shown. */
    @Transactional(readOnly = true)
    public ZoneId zoneOf(long cohortId) {
        String zone = db.select(COHORT.TIME_ZONE).from(COHORT).where(COHORT.ID.eq(cohortId)).fetchOne(COHORT.TIME_ZONE);
        return ZoneId.of(zone == null ? Cohorts.DEFAULT_ZONE : zone);
    }
}
