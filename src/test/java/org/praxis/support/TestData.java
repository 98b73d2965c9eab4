package org.praxis.support;

import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.ORGANIZATION;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Makes fresh rows with unique names for one test, and signs people in on the test thread. */
@TestComponent
public class TestData {

    public static final String PASSWORD = "correct horse battery";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final DSLContext db;
    private final String passwordHash;

    public TestData(DSLContext db, PasswordEncoder encoder) {
        this.db = db;
        this.passwordHash = encoder.encode(PASSWORD);
    }

    public record Person(long id, String email, String name, Role role) {
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long organization(String name, String sector, String county) {
        return db.insertInto(ORGANIZATION)
                .set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.SECTOR, sector)
                .set(ORGANIZATION.COUNTY, county)
                .returning(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
    }

    public long organization() {
        return organization(unique("Org"), "HEALTH_CARE", "WHATCOM");
    }

    public long cohort() {
        return db.insertInto(COHORT)
                .set(COHORT.NAME, unique("Cohort"))
                .set(COHORT.CAPACITY, 15)
                .returning(COHORT.ID).fetchOne(COHORT.ID);
    }

    public String cohortName(long cohortId) {
        return db.select(COHORT.NAME).from(COHORT).where(COHORT.ID.eq(cohortId)).fetchSingle(COHORT.NAME);
    }

    public Person person(Role role) {
        return person(role, null, null);
    }

    public Person person(Role role, Long organizationId, String pronouns) {
        String name = unique(role.name().toLowerCase());
        String email = name + "@test.example";
        long id = db.insertInto(MEMBER)
                .set(MEMBER.EMAIL, email)
                .set(MEMBER.DISPLAY_NAME, name)
                .set(MEMBER.PRONOUNS, pronouns)
                .set(MEMBER.ORGANIZATION_ID, organizationId)
                .set(MEMBER.ROLE, role.name())
                .set(MEMBER.PASSWORD_HASH, passwordHash)
                .returning(MEMBER.ID).fetchOne(MEMBER.ID);
        return new Person(id, email, name, role);
    }

    /** A person in the cohort: facilitators join as facilitators, others as members. */
    public Person personIn(long cohortId, Role role) {
        Person p = person(role, organization(), null);
        join(cohortId, p);
        return p;
    }

    public void join(long cohortId, Person p) {
        db.insertInto(COHORT_MEMBERSHIP)
                .set(COHORT_MEMBERSHIP.COHORT_ID, cohortId)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, p.id())
                .set(COHORT_MEMBERSHIP.ROLE, p.role() == Role.FACILITATOR ? "FACILITATOR" : "MEMBER")
                .execute();
    }

    /** Puts the person into the test thread's security context, as a real sign-in would. */
    public PraxisUser signIn(Person p) {
        PraxisUser user = new PraxisUser(p.id(), p.email(), p.name(), p.role(), true, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }

    /** A session of the cohort, in two days, two hours long (not in the search outbox). */
    public long session(long cohortId, String title) {
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now().plusDays(2);
        return db.insertInto(org.praxis.jooq.Tables.SESSION)
                .set(org.praxis.jooq.Tables.SESSION.COHORT_ID, cohortId)
                .set(org.praxis.jooq.Tables.SESSION.TITLE, title)
                .set(org.praxis.jooq.Tables.SESSION.STARTS_AT, starts)
                .set(org.praxis.jooq.Tables.SESSION.ENDS_AT, starts.plusHours(2))
                .returning(org.praxis.jooq.Tables.SESSION.ID).fetchOne(org.praxis.jooq.Tables.SESSION.ID);
    }

    /** A free-standing thread in the cohort's commons. */
    public long thread(long cohortId) {
        return thread(cohortId, null, false);
    }

    public long thread(long cohortId, String contentNote, boolean namesHideable) {
        return db.insertInto(org.praxis.jooq.Tables.THREAD)
                .set(org.praxis.jooq.Tables.THREAD.COHORT_ID, cohortId)
                .set(org.praxis.jooq.Tables.THREAD.TITLE, unique("Thread"))
                .set(org.praxis.jooq.Tables.THREAD.CONTENT_NOTE, contentNote)
                .set(org.praxis.jooq.Tables.THREAD.NAMES_HIDEABLE, namesHideable)
                .returning(org.praxis.jooq.Tables.THREAD.ID).fetchOne(org.praxis.jooq.Tables.THREAD.ID);
    }

    public int outboxRows(String type, long id) {
        return db.fetchCount(org.praxis.jooq.Tables.SEARCH_OUTBOX, org.praxis.jooq.Tables.SEARCH_OUTBOX.ENTITY_TYPE.eq(type)
                .and(org.praxis.jooq.Tables.SEARCH_OUTBOX.ENTITY_ID.eq(id)));
    }

    public boolean active(long memberId) {
        return db.select(MEMBER.ACTIVE).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchSingle(MEMBER.ACTIVE);
    }

    public int membersNamed(String displayName) {
        return db.fetchCount(MEMBER, MEMBER.DISPLAY_NAME.eq(displayName));
    }

    public int membersWithEmail(String email) {
        return db.fetchCount(MEMBER, MEMBER.EMAIL.lower().eq(email.toLowerCase()));
    }

    public DSLContext db() {
        return db;
    }
}
