package org.praxis.cohort;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.AuditTrail;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.organization.County;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cohorts: read by the people who belong to them, started, changed and closed by admins (a
 * cohort's facilitators change its description and dates), and who is in them.
 */
@Service
public class CohortService {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 1000;
    /** The database's own limit, too. */
    public static final int CAPACITY_MAX = 200;

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AccountDirectory accounts;
    private final CohortAccess access;

    private final AuditTrail audit;
    private final SignedInSessions sessions;

    CohortService(DSLContext db, CurrentUser currentUser, AccountDirectory accounts, CohortAccess access,
            AuditTrail audit, SignedInSessions sessions) {
        this.audit = audit;
        this.sessions = sessions;
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
        var cohorts = db.select(COHORT.ID, COHORT.NAME, COHORT.CAPACITY, COHORT.STARTS_ON, COHORT.ENDS_ON, roster,
                        COHORT.DESCRIPTION, COHORT.CLOSED_AT)
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
                    active.stream().filter(p -> p.role() == CohortRole.MEMBER).toList(), c.value7(), c.value8());
        });
    }

    /** Cohorts the signed-in user may place people in: all for admins, their own for facilitators. */
    @Transactional(readOnly = true)
    public List<CohortChoice> assignable() {
        PraxisUser me = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        var query = db.select(COHORT.ID, COHORT.NAME).from(COHORT);
        // a closed cohort takes nobody new
        var filtered = me.role() == Role.ADMIN ? query.where(COHORT.CLOSED_AT.isNull())
                : query.where(CohortAccess.facilitatorOf(COHORT.ID, DSL.val(me.id()))).and(COHORT.CLOSED_AT.isNull());
        return filtered.orderBy(COHORT.NAME).fetch(r -> new CohortChoice(r.value1(), r.value2()));
    }

    /** An admin starts a cohort; people join it through their accounts. Returns its id. */
    @Transactional
    public long create(String name, int capacity, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        CohortDraft draft = new CohortDraft();
        draft.setName(name);
        draft.setCapacity(capacity);
        draft.setStartsOn(startsOn);
        draft.setEndsOn(endsOn);
        return create(draft);
    }

    /**
     * An admin starts a cohort as the draft says. Every broken rule comes back at once, on its
     * field; nothing is stored then. Returns its id.
     */
    @Transactional
    public long create(CohortDraft draft) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        validate(null, draft, 0);
        long id;
        try {
            id = db.insertInto(COHORT).set(COHORT.NAME, draft.getName().strip())
                    .set(COHORT.DESCRIPTION, Validation.clean(draft.getDescription()))
                    .set(COHORT.CAPACITY, draft.getCapacity())
                    .set(COHORT.STARTS_ON, draft.getStartsOn()).set(COHORT.ENDS_ON, draft.getEndsOn())
                    .set(COHORT.TIME_ZONE, draft.getTimeZone())
                    .set(COHORT.APPLICATIONS_OPEN, draft.isApplicationsOpen())
                    .set(COHORT.MEMBERS_OPEN_THREADS, draft.isMembersOpenThreads())
                    .returning(COHORT.ID).fetchOne(COHORT.ID);
        } catch (DataIntegrityViolationException e) {
            throw nameTakenOr(e);
        }
        audit.record(me.id(), "cohort.created", "cohort", id, null, draft.getName().strip());
        return id;
    }

    /**
     * Changes a cohort. Admins change everything; a facilitator of the cohort changes only its
     * description, dates and whether members open threads in its commons, and is refused a draft that changes anything else. Members, and
     * facilitators of other cohorts, are refused. A closed cohort is changed by admins only.
     */
    @Transactional
    public void update(long cohortId, CohortDraft draft) {
        CohortDetails stored = details(cohortId);
        PraxisUser me = currentUser.require();
        if (!stored.mayEditAll()) {
            access.requireOpen(cohortId);
            if (!java.util.Objects.equals(strip(draft.getName()), stored.name())
                    || !java.util.Objects.equals(draft.getCapacity(), stored.capacity())
                    || !java.util.Objects.equals(draft.getTimeZone(), stored.timeZone())
                    || draft.isApplicationsOpen() != stored.applicationsOpen()) {
                throw new AccessDeniedException("Facilitators change only the description and dates of cohort " + cohortId);
            }
        }
        validate(cohortId, draft, stored.memberCount() + stored.facilitatorCount());
        try {
            db.update(COHORT).set(COHORT.NAME, draft.getName().strip())
                    .set(COHORT.DESCRIPTION, Validation.clean(draft.getDescription()))
                    .set(COHORT.CAPACITY, draft.getCapacity())
                    .set(COHORT.STARTS_ON, draft.getStartsOn()).set(COHORT.ENDS_ON, draft.getEndsOn())
                    .set(COHORT.TIME_ZONE, draft.getTimeZone())
                    .set(COHORT.APPLICATIONS_OPEN, draft.isApplicationsOpen())
                    .set(COHORT.MEMBERS_OPEN_THREADS, draft.isMembersOpenThreads())
                    .where(COHORT.ID.eq(cohortId)).execute();
        } catch (DataIntegrityViolationException e) {
            throw nameTakenOr(e);
        }
        audit.record(me.id(), "cohort.updated", "cohort", cohortId, null, null);
        if (draft.isMembersOpenThreads() != stored.membersOpenThreads()) {
            audit.record(me.id(), draft.isMembersOpenThreads() ? "cohort.members-open-threads" : "cohort.facilitators-open-threads",
                    "cohort", cohortId, null, null);
        }
    }

    /** A cohort for the people who run it: admins, and the cohort's facilitators; everyone else is refused. */
    @Transactional(readOnly = true)
    public CohortDetails details(long cohortId) {
        PraxisUser me = currentUser.require();
        boolean admin = me.role() == Role.ADMIN;
        if (!admin) {
            access.requireFacilitator(cohortId);
        }
        var facilitators = DSL.field(DSL.selectCount().from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID)).and(COHORT_MEMBERSHIP.ROLE.eq(CohortRole.FACILITATOR.name())));
        var members = DSL.field(DSL.selectCount().from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID)).and(COHORT_MEMBERSHIP.ROLE.eq(CohortRole.MEMBER.name())));
        return db.select(COHORT.ID, COHORT.NAME, COHORT.DESCRIPTION, COHORT.CAPACITY, COHORT.STARTS_ON, COHORT.ENDS_ON,
                        COHORT.TIME_ZONE, COHORT.APPLICATIONS_OPEN, COHORT.CLOSED_AT, facilitators, members,
                        COHORT.MEMBERS_OPEN_THREADS)
                .from(COHORT).where(COHORT.ID.eq(cohortId))
                .fetchOptional(r -> new CohortDetails(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), admin, r.value12()))
                .orElseThrow(() -> new AccessDeniedException("No cohort " + cohortId));
    }

    /** Every cohort, for admins: open ones first (newest start first), then closed ones. */
    @Transactional(readOnly = true)
    public List<CohortDetails> all() {
        currentUser.requireRole(Role.ADMIN);
        var facilitators = DSL.field(DSL.selectCount().from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID)).and(COHORT_MEMBERSHIP.ROLE.eq(CohortRole.FACILITATOR.name())));
        var members = DSL.field(DSL.selectCount().from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(COHORT.ID)).and(COHORT_MEMBERSHIP.ROLE.eq(CohortRole.MEMBER.name())));
        return db.select(COHORT.ID, COHORT.NAME, COHORT.DESCRIPTION, COHORT.CAPACITY, COHORT.STARTS_ON, COHORT.ENDS_ON,
                        COHORT.TIME_ZONE, COHORT.APPLICATIONS_OPEN, COHORT.CLOSED_AT, facilitators, members,
                        COHORT.MEMBERS_OPEN_THREADS)
                .from(COHORT)
                .orderBy(COHORT.CLOSED_AT.isNotNull(), COHORT.STARTS_ON.desc().nullsFirst(), COHORT.NAME)
                .fetch(r -> new CohortDetails(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), true, r.value12()));
    }

    /**
     * An admin closes a cohort: its people keep reading it (alumni), nobody writes in it any more,
     * and it leaves the active lists. Nothing in it is deleted. Closing it again changes nothing.
     */
    @Transactional
    public void close(long cohortId) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        requireExists(cohortId);
        int changed = db.update(COHORT).set(COHORT.CLOSED_AT, OffsetDateTime.now())
                .set(COHORT.APPLICATIONS_OPEN, false)
                .where(COHORT.ID.eq(cohortId)).and(COHORT.CLOSED_AT.isNull()).execute();
        if (changed > 0) {
            audit.record(me.id(), "cohort.closed", "cohort", cohortId, null, null);
        }
    }

    /** An admin opens a closed cohort again; it takes writes again (not applications until asked). */
    @Transactional
    public void reopen(long cohortId) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        requireExists(cohortId);
        int changed = db.update(COHORT).setNull(COHORT.CLOSED_AT)
                .where(COHORT.ID.eq(cohortId)).and(COHORT.CLOSED_AT.isNotNull()).execute();
        if (changed > 0) {
            audit.record(me.id(), "cohort.reopened", "cohort", cohortId, null, null);
        }
    }

    /** The cohort's people, facilitators first, for admins and its facilitators (deactivated accounts left out). */
    @Transactional(readOnly = true)
    public List<CohortPerson> people(long cohortId) {
        details(cohortId);
        List<Membership.Person> roster = access.roster(cohortId);
        Map<Long, AccountDirectory.Person> people = accounts.people(roster.stream().map(Membership.Person::memberId)
                .collect(Collectors.toSet()));
        return roster.stream().map(m -> toPerson(people.get(m.memberId()), m.role())).filter(p -> p != null)
                .sorted(Comparator.comparing((CohortPerson p) -> p.role() != CohortRole.FACILITATOR)
                        .thenComparing(CohortPerson::displayName))
                .toList();
    }

    /** Active accounts not in the cohort yet, by name: whom an admin may add to it. */
    @Transactional(readOnly = true)
    public List<CohortPerson> addable(long cohortId) {
        currentUser.requireRole(Role.ADMIN);
        Set<Long> inIt = access.roster(cohortId).stream().map(Membership.Person::memberId).collect(Collectors.toSet());
        return accounts.activeAccounts().stream().filter(p -> !inIt.contains(p.id()))
                .map(p -> toPerson(p, CohortRole.MEMBER)).toList();
    }

    /**
     * An admin adds an existing account to an open cohort, as a member or a facilitator. Someone
     * made a facilitator of a cohort gets a facilitator's account if theirs was a member's (as the
     * people page does when an admin makes someone a facilitator), and signs in again to use it;
     * their role in their other cohorts stays as it is.
     */
    @Transactional
    public void add(long cohortId, long memberId, CohortRole role) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        requireExists(cohortId);
        access.requireOpen(cohortId);
        if (role == null) {
            throw InvalidInputException.of("role", "validation.required");
        }
        if (!accounts.isActive(memberId)) {
            throw InvalidInputException.of("person", "cohort.people.unknown");
        }
        if (access.roleOf(cohortId, memberId).isPresent()) {
            throw InvalidInputException.of("person", "cohort.people.already-in");
        }
        place(cohortId, memberId, role);
        if (role == CohortRole.FACILITATOR) {
            raiseAccount(memberId);
        }
        audit.record(me.id(), "cohort.person-added", "cohort", cohortId, null, "member " + memberId + " as " + role.name());
    }

    /**
     * An admin gives the facilitator role in an open cohort to someone who is a member of it (see
     * {@link #add} for what happens to their account).
     */
    @Transactional
    public void makeFacilitator(long cohortId, long memberId) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        access.requireOpen(cohortId);
        CohortRole now = access.roleOf(cohortId, memberId)
                .orElseThrow(() -> InvalidInputException.of("person", "cohort.people.not-in"));
        if (now == CohortRole.FACILITATOR) {
            return;
        }
        place(cohortId, memberId, CohortRole.FACILITATOR);
        raiseAccount(memberId);
        audit.record(me.id(), "cohort.facilitator-given", "cohort", cohortId, null, "member " + memberId);
    }

    /**
     * An admin moves a member from one open cohort to another: only the membership changes;
     * whatever they wrote stays in the cohort where they wrote it (and they no longer read it
     * there). Facilitators are not moved: add them to the other cohort instead.
     */
    @Transactional
    public void move(long memberId, long fromCohortId, long toCohortId) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        if (fromCohortId == toCohortId) {
            throw InvalidInputException.of("to", "cohort.move.same");
        }
        requireExists(toCohortId);
        access.requireOpen(fromCohortId);
        access.requireOpen(toCohortId);
        CohortRole role = access.roleOf(fromCohortId, memberId)
                .orElseThrow(() -> InvalidInputException.of("person", "cohort.people.not-in"));
        if (role != CohortRole.MEMBER) {
            throw InvalidInputException.of("person", "cohort.move.facilitator");
        }
        if (access.roleOf(toCohortId, memberId).isPresent()) {
            throw InvalidInputException.of("to", "cohort.move.already-there");
        }
        db.deleteFrom(COHORT_MEMBERSHIP).where(COHORT_MEMBERSHIP.COHORT_ID.eq(fromCohortId))
                .and(COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId)).execute();
        place(toCohortId, memberId, CohortRole.MEMBER);
        audit.record(me.id(), "cohort.member-moved", "member", memberId, null,
                "from cohort " + fromCohortId + " to cohort " + toCohortId);
    }

    /** The other open cohorts a member of this one may be moved to, by name (admins). */
    @Transactional(readOnly = true)
    public List<CohortChoice> moveTargets(long fromCohortId) {
        currentUser.requireRole(Role.ADMIN);
        return db.select(COHORT.ID, COHORT.NAME).from(COHORT).where(COHORT.ID.ne(fromCohortId))
                .and(COHORT.CLOSED_AT.isNull()).orderBy(COHORT.NAME)
                .fetch(r -> new CohortChoice(r.value1(), r.value2()));
    }

    /** The time zones a cohort may be in, by id. */
    public static List<String> timeZones() {
        return java.time.ZoneId.getAvailableZoneIds().stream().sorted().toList();
    }

    private void raiseAccount(long memberId) {
        if (accounts.raiseToFacilitator(memberId)) {
            // the role is carried in their sessions: they sign in again with the new one
            afterCommit(() -> sessions.endSessionsOf(memberId));
        }
    }

    private void requireExists(long cohortId) {
        if (!db.fetchExists(COHORT, COHORT.ID.eq(cohortId))) {
            throw new AccessDeniedException("No cohort " + cohortId);
        }
    }

    private void validate(Long cohortId, CohortDraft d, int peopleNow) {
        Validation v = new Validation().required("name", d.getName(), NAME_MAX)
                .maxLength("description", d.getDescription(), DESCRIPTION_MAX);
        Integer capacity = d.getCapacity();
        if (capacity == null) {
            v.reject("capacity", "validation.required");
        } else if (capacity < 1 || capacity > CAPACITY_MAX) {
            v.reject("capacity", "cohort.capacity.range", 1, CAPACITY_MAX);
        } else if (capacity < peopleNow) {
            v.reject("capacity", "cohort.capacity.below-people", peopleNow);
        }
        if (d.getStartsOn() != null && d.getEndsOn() != null && d.getEndsOn().isBefore(d.getStartsOn())) {
            v.reject("endsOn", "cohort.ends-before-start");
        }
        if (d.getTimeZone() == null || d.getTimeZone().isBlank()) {
            v.reject("timeZone", "validation.required");
        } else if (!java.time.ZoneId.getAvailableZoneIds().contains(d.getTimeZone())) {
            v.reject("timeZone", "cohort.time-zone.unknown");
        }
        if (!v.hasError("name")) {
            v.check(!db.fetchExists(COHORT, COHORT.NAME.lower().eq(d.getName().strip().toLowerCase())
                    .and(cohortId == null ? DSL.noCondition() : COHORT.ID.ne(cohortId))), "name", "cohort.name.taken");
        }
        v.throwIfInvalid();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static RuntimeException nameTakenOr(DataIntegrityViolationException e) {
        if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("cohort_name_key")) {
            return InvalidInputException.of("name", "cohort.name.taken");
        }
        return e;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** The cohorts that take applications now, oldest first; public, for the application form. */
    @Transactional(readOnly = true)
    public List<CohortChoice> takingApplications() {
        return db.select(COHORT.ID, COHORT.NAME).from(COHORT).where(COHORT.APPLICATIONS_OPEN.isTrue())
                .and(COHORT.CLOSED_AT.isNull())
                .orderBy(COHORT.ID).fetch(r -> new CohortChoice(r.value1(), r.value2()));
    }

    /** A facilitator of the cohort opens or closes it to applications. */
    @Transactional
    public void setApplicationsOpen(long cohortId, boolean open) {
        access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
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
