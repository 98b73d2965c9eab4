package org.praxis.cohort;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.ORGANIZATION;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record7;
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

    CohortService(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    /** The cohorts the signed-in user belongs to, each with its active people, in one query. */
    @Transactional(readOnly = true)
    public List<CohortOverview> myCohorts() {
        PraxisUser me = currentUser.require();
        var people = multiset(
                select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.PRONOUNS, MEMBER.TITLE, ORGANIZATION.NAME,
                        ORGANIZATION.COUNTY, COHORT_MEMBERSHIP.ROLE)
                        .from(COHORT_MEMBERSHIP)
                        .join(MEMBER).on(MEMBER.ID.eq(COHORT_MEMBERSHIP.MEMBER_ID))
                        .leftJoin(ORGANIZATION).on(ORGANIZATION.ID.eq(MEMBER.ORGANIZATION_ID))
                        .where(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID))
                        .and(MEMBER.ACTIVE.isTrue())
                        .orderBy(MEMBER.DISPLAY_NAME))
                .convertFrom(r -> r.map(CohortService::toPerson));
        return db.select(COHORT.ID, COHORT.NAME, COHORT.CAPACITY, COHORT.STARTS_ON, COHORT.ENDS_ON, people)
                .from(COHORT)
                .where(COHORT.ID.in(select(COHORT_MEMBERSHIP.COHORT_ID).from(COHORT_MEMBERSHIP)
                        .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(me.id()))))
                .orderBy(COHORT.STARTS_ON.desc().nullsLast(), COHORT.NAME)
                .fetch(r -> new CohortOverview(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().stream().filter(p -> p.role() == CohortRole.FACILITATOR).toList(),
                        r.value6().stream().filter(p -> p.role() == CohortRole.MEMBER).toList()));
    }

    /** Cohorts the signed-in user may place people in: all for admins, their own for facilitators. */
    @Transactional(readOnly = true)
    public List<CohortChoice> assignable() {
        PraxisUser me = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        var query = db.select(COHORT.ID, COHORT.NAME).from(COHORT);
        var filtered = me.role() == Role.ADMIN ? query.where()
                : query.where(COHORT.ID.in(select(COHORT_MEMBERSHIP.COHORT_ID).from(COHORT_MEMBERSHIP)
                        .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(me.id()))
                        .and(COHORT_MEMBERSHIP.ROLE.eq(CohortRole.FACILITATOR.name()))));
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

    private static CohortPerson toPerson(Record7<Long, String, String, String, String, String, String> r) {
        return new CohortPerson(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                r.value6() == null ? null : County.valueOf(r.value6()), CohortRole.valueOf(r.value7()));
    }
}
