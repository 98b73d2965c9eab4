package org.praxis.cohort;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.organization.County;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cohorts for the people who belong to them. */
@Service
public class CohortService {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AccountDirectory accounts;
    private final CohortAccess access;

    CohortService(DSLContext db, CurrentUser currentUser, AccountDirectory accounts, CohortAccess access) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    /**
     * The cohorts the signed-in user belongs to, each with its active people: the cohorts and
     * their rosters in one query, the people's names from the member feature in one more.
     */
    @Transactional(readOnly = true)
    public List<CohortOverview> myCohorts() {
        PraxisUser me = currentUser.require();
        var roster = multiset(select(COHORT_MEMBERSHIP.MEMBER_ID, COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID)))
                .convertFrom(r -> r.map(m -> Map.entry(m.value1(), CohortRole.valueOf(m.value2()))));
        var cohorts = db.select(COHORT.ID, COHORT.NAME, COHORT.CAPACITY, COHORT.STARTS_ON, COHORT.ENDS_ON, roster)
                .from(COHORT)
                .where(CohortAccess.memberOf(COHORT.ID, DSL.val(me.id())))
                .orderBy(COHORT.STARTS_ON.desc().nullsLast(), COHORT.NAME)
                .fetch();
        Map<Long, AccountDirectory.Person> people = accounts.people(cohorts.stream()
                .flatMap(c -> c.value6().stream().map(Map.Entry::getKey)).collect(Collectors.toSet()));
        return cohorts.map(c -> {
            List<CohortPerson> active = c.value6().stream()
                    .map(m -> toPerson(people.get(m.getKey()), m.getValue()))
                    .filter(p -> p != null)
                    .sorted(Comparator.comparing(CohortPerson::displayName))
                    .toList();
            return new CohortOverview(c.value1(), c.value2(), c.value3(), c.value4(), c.value5(),
                    active.stream().filter(p -> p.role() == CohortRole.FACILITATOR).toList(),
                    active.stream().filter(p -> p.role() == CohortRole.MEMBER).toList());
        });
    }

    /** Cohorts the signed-in user may place people in: all for admins, their own for facilitators. */
    @Transactional(readOnly = true)
    public List<CohortChoice> assignable() {
        PraxisUser me = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        var query = db.select(COHORT.ID, COHORT.NAME).from(COHORT);
        var filtered = me.role() == Role.ADMIN ? query.where()
                : query.where(CohortAccess.facilitatorOf(COHORT.ID, DSL.val(me.id())));
        return filtered.orderBy(COHORT.NAME).fetch(r -> new CohortChoice(r.value1(), r.value2()));
    }

    /** An admin starts a cohort; people join it through their accounts. Returns its id. */
    @Transactional
    public long create(String name, int capacity, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        currentUser.requireRole(Role.ADMIN);
        new org.praxis.base.Validation().required("name", name, 200)
                .check(capacity > 0, "capacity", "validation.required")
                .check(startsOn == null || endsOn == null || !endsOn.isBefore(startsOn), "endsOn", "validation.required")
                .throwIfInvalid();
        return db.insertInto(COHORT).set(COHORT.NAME, name.strip()).set(COHORT.CAPACITY, capacity)
                .set(COHORT.STARTS_ON, startsOn).set(COHORT.ENDS_ON, endsOn)
                .returning(COHORT.ID).fetchOne(COHORT.ID);
    }

    /** The cohorts that take applications now, oldest first; public, for the application form. */
    @Transactional(readOnly = true)
    public List<CohortChoice> takingApplications() {
        return db.select(COHORT.ID, COHORT.NAME).from(COHORT).where(COHORT.APPLICATIONS_OPEN.isTrue())
                .orderBy(COHORT.ID).fetch(r -> new CohortChoice(r.value1(), r.value2()));
    }

    /** A facilitator of the cohort opens or closes it to applications. */
    @Transactional
    public void setApplicationsOpen(long cohortId, boolean open) {
        access.requireFacilitator(cohortId);
        db.update(COHORT).set(COHORT.APPLICATIONS_OPEN, open).where(COHORT.ID.eq(cohortId)).execute();
    }

    // ---- membership writes for other features' services, which have checked the caller may make them

    /**
     * Puts the person in the cohort in this role, or changes their role there if they are in it:
     * for the member feature placing an account, and for joining by invitation.
     */
    @Transactional
    public void place(long cohortId, long memberId, CohortRole role) {
        db.insertInto(COHORT_MEMBERSHIP)
                .set(COHORT_MEMBERSHIP.COHORT_ID, cohortId)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, memberId)
                .set(COHORT_MEMBERSHIP.ROLE, role.name())
                .onConflict(COHORT_MEMBERSHIP.COHORT_ID, COHORT_MEMBERSHIP.MEMBER_ID)
                .doUpdate()
                .set(COHORT_MEMBERSHIP.ROLE, role.name())
                .execute();
    }

    /** Gives the person this role in every cohort they are in (rights in a cohort follow the account's role). */
    @Transactional
    public void setRoleEverywhere(long memberId, CohortRole role) {
        db.update(COHORT_MEMBERSHIP).set(COHORT_MEMBERSHIP.ROLE, role.name())
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId)).execute();
    }

    /** Null for an account that is gone or not active: peers see the cohort's active people. */
    private static CohortPerson toPerson(AccountDirectory.Person p, CohortRole role) {
        if (p == null || !p.active()) {
            return null;
        }
        return new CohortPerson(p.id(), p.displayName(), p.pronouns(), p.title(), p.organizationName(),
                p.county() == null ? null : County.valueOf(p.county()), role, p.bio());
    }
}
