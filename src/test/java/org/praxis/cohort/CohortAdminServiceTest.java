package org.praxis.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Admins start, change and close cohorts and say who is in them; facilitators change their own cohort's description and dates. */
class CohortAdminServiceTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    CohortAccess access;
    @Autowired
    ThreadService threads;

    private static CohortDraft draft(String name) {
        CohortDraft d = new CohortDraft();
        d.setName(name);
        d.setDescription("Leaders of the north sound");
        d.setStartsOn(LocalDate.of(2027, 1, 10));
        d.setEndsOn(LocalDate.of(2027, 6, 30));
        return d;
    }

    private int cohortsNamed(String name) {
        return data.db().fetchCount(COHORT, COHORT.NAME.eq(name));
    }

    private int audited(String action, long cohortId) {
        return data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action).and(AUDIT_EVENT.TARGET_ID.eq(cohortId)));
    }

    @Test
    void an_admin_creates_a_cohort_with_the_defaults_and_it_is_audited() {
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);
        String name = TestData.unique("Cohort 2");

        long id = cohorts.create(draft(name));

        CohortDetails c = cohorts.details(id);
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.description()).isEqualTo("Leaders of the north sound");
        assertThat(c.capacity()).isEqualTo(15);
        assertThat(c.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(c.applicationsOpen()).isFalse();
        assertThat(c.closed()).isFalse();
        assertThat(c.mayEditAll()).isTrue();
        assertThat(audited("cohort.created", id)).isEqualTo(1);
        assertThat(cohorts.all()).extracting(CohortDetails::id).contains(id);
    }

    @Test
    void each_bad_input_is_refused_on_its_field_and_nothing_is_stored() {
        data.signIn(data.person(Role.ADMIN));
        String taken = TestData.unique("Taken");
        cohorts.create(draft(taken));
        List<Object[]> cases = List.<Object[]>of(
                new Object[] {(Consumer<CohortDraft>) d -> d.setName("  "), "name", "validation.required"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setName(taken.toUpperCase()), "name", "cohort.name.taken"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setName("x".repeat(201)), "name", "validation.too-long"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setCapacity(0), "capacity", "cohort.capacity.range"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setCapacity(10_000), "capacity", "cohort.capacity.range"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setCapacity(null), "capacity", "validation.required"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setEndsOn(d.getStartsOn().minusDays(1)), "endsOn",
                        "cohort.ends-before-start"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setTimeZone("Mars/Olympus_Mons"), "timeZone",
                        "cohort.time-zone.unknown"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setTimeZone(null), "timeZone", "validation.required"},
                new Object[] {(Consumer<CohortDraft>) d -> d.setDescription("y".repeat(1001)), "description",
                        "validation.too-long"});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Consumer<CohortDraft> breakIt = (Consumer<CohortDraft>) c[0];
            String name = TestData.unique("Bad");
            CohortDraft d = draft(name);
            breakIt.accept(d);
            assertThatThrownBy(() -> cohorts.create(d)).as("%s %s", c[1], c[2]).isInstanceOfSatisfying(
                    InvalidInputException.class, e -> assertThat(e.problems().get((String) c[1]).key()).isEqualTo(c[2]));
            assertThat(cohortsNamed(name)).as("%s", c[1]).isZero();
        }
        CohortDraft edge = draft(TestData.unique("Edge"));
        edge.setCapacity(200);
        edge.setEndsOn(edge.getStartsOn());
        assertThat(cohorts.details(cohorts.create(edge)).capacity()).isEqualTo(200);
    }

    @Test
    void only_admins_create_cohorts() {
        long cohort = data.cohort();
        for (Person refused : List.of(data.personIn(cohort, Role.MEMBER), data.personIn(cohort, Role.FACILITATOR))) {
            data.signIn(refused);
            String name = TestData.unique("Not mine");
            assertThatThrownBy(() -> cohorts.create(draft(name))).isInstanceOf(AccessDeniedException.class);
            assertThat(cohortsNamed(name)).isZero();
        }
    }

    @Test
    void an_admin_changes_everything_and_a_bad_change_keeps_the_cohort_as_it_was() {
        data.signIn(data.person(Role.ADMIN));
        long id = cohorts.create(draft(TestData.unique("Before")));
        CohortDraft d = draft(TestData.unique("After"));
        d.setCapacity(20);
        d.setTimeZone("America/New_York");
        d.setApplicationsOpen(true);

        cohorts.update(id, d);

        CohortDetails c = cohorts.details(id);
        assertThat(c.name()).isEqualTo(d.getName());
        assertThat(c.capacity()).isEqualTo(20);
        assertThat(c.timeZone()).isEqualTo("America/New_York");
        assertThat(c.applicationsOpen()).isTrue();
        assertThat(audited("cohort.updated", id)).isEqualTo(1);

        CohortDraft bad = c.toDraft();
        bad.setDescription("Changed");
        bad.setEndsOn(bad.getStartsOn().minusDays(3));
        assertThatThrownBy(() -> cohorts.update(id, bad)).isInstanceOf(InvalidInputException.class);
        assertThat(cohorts.details(id).description()).isEqualTo("Leaders of the north sound");
    }

    @Test
    void capacity_never_goes_below_the_people_already_in() {
        long cohort = data.cohort();
        data.personIn(cohort, Role.FACILITATOR);
        data.personIn(cohort, Role.MEMBER);
        data.personIn(cohort, Role.MEMBER);
        data.signIn(data.person(Role.ADMIN));
        CohortDraft d = cohorts.details(cohort).toDraft();
        d.setCapacity(2);

        assertThatThrownBy(() -> cohorts.update(cohort, d)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().get("capacity").key()).isEqualTo("cohort.capacity.below-people"));
    }

    @Test
    void a_facilitator_changes_only_the_description_and_dates_of_their_cohort() {
        long cohort = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        data.signIn(facilitator);
        CohortDetails before = cohorts.details(cohort);
        assertThat(before.mayEditAll()).isFalse();
        CohortDraft d = before.toDraft();
        d.setDescription("Our second year");
        d.setStartsOn(LocalDate.of(2027, 2, 1));
        d.setEndsOn(LocalDate.of(2027, 8, 1));

        cohorts.update(cohort, d);

        CohortDetails after = cohorts.details(cohort);
        assertThat(after.description()).isEqualTo("Our second year");
        assertThat(after.startsOn()).isEqualTo(LocalDate.of(2027, 2, 1));
        for (Consumer<CohortDraft> beyond : List.<Consumer<CohortDraft>>of(x -> x.setName(TestData.unique("Renamed")),
                x -> x.setCapacity(30), x -> x.setTimeZone("Europe/Paris"), x -> x.setApplicationsOpen(true))) {
            CohortDraft tooMuch = after.toDraft();
            tooMuch.setDescription("Sneaked in");
            beyond.accept(tooMuch);
            assertThatThrownBy(() -> cohorts.update(cohort, tooMuch)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(cohorts.details(cohort)).isEqualTo(after);
    }

    @Test
    void members_and_other_cohorts_facilitators_are_refused_the_cohort() {
        long cohort = data.cohort();
        data.personIn(cohort, Role.FACILITATOR);
        for (Person refused : List.of(data.personIn(cohort, Role.MEMBER), data.personIn(data.cohort(), Role.FACILITATOR))) {
            data.signIn(refused);
            assertThatThrownBy(() -> cohorts.details(cohort)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> cohorts.people(cohort)).isInstanceOf(AccessDeniedException.class);
            CohortDraft d = draft(TestData.unique("Hijack"));
            assertThatThrownBy(() -> cohorts.update(cohort, d)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> cohorts.close(cohort)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> cohorts.all()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(data.db().select(COHORT.DESCRIPTION, COHORT.CLOSED_AT).from(COHORT).where(COHORT.ID.eq(cohort))
                .fetchSingle().intoArray()).containsOnlyNulls();
    }

    @Test
    void facilitators_do_not_give_roles_add_or_move_people() {
        long cohort = data.cohort();
        long other = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        data.join(other, facilitator);
        Person member = data.personIn(cohort, Role.MEMBER);
        Person outsider = data.person(Role.MEMBER);
        data.signIn(facilitator);

        assertThatThrownBy(() -> cohorts.add(cohort, outsider.id(), CohortRole.MEMBER)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cohorts.makeFacilitator(cohort, member.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cohorts.move(member.id(), cohort, other)).isInstanceOf(AccessDeniedException.class);
        data.signIn(member);
        assertThatThrownBy(() -> cohorts.makeFacilitator(cohort, member.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(access.roleOf(cohort, member.id())).contains(CohortRole.MEMBER);
        assertThat(access.roleOf(cohort, outsider.id())).isEmpty();
    }

    @Test
    void an_admin_adds_an_existing_account_and_a_facilitator_gets_a_facilitators_account_there_only() {
        long alumni = data.cohort();
        long cohort = data.cohort();
        Person alumna = data.personIn(alumni, Role.MEMBER);
        Person newcomer = data.person(Role.MEMBER);
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);

        cohorts.add(cohort, newcomer.id(), CohortRole.MEMBER);
        cohorts.add(cohort, alumna.id(), CohortRole.FACILITATOR);

        assertThat(access.roleOf(cohort, newcomer.id())).contains(CohortRole.MEMBER);
        assertThat(access.roleOf(cohort, alumna.id())).contains(CohortRole.FACILITATOR);
        // an alumna of the first cohort who mentors the second stays a member of the first
        assertThat(access.roleOf(alumni, alumna.id())).contains(CohortRole.MEMBER);
        assertThat(roleOf(alumna)).isEqualTo(Role.FACILITATOR);
        assertThat(roleOf(newcomer)).isEqualTo(Role.MEMBER);
        assertThat(audited("cohort.person-added", cohort)).isEqualTo(2);
        assertThatThrownBy(() -> cohorts.add(cohort, newcomer.id(), CohortRole.FACILITATOR))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("person").key()).isEqualTo("cohort.people.already-in"));
        assertThat(access.roleOf(cohort, newcomer.id())).contains(CohortRole.MEMBER);

        cohorts.makeFacilitator(cohort, newcomer.id());
        assertThat(access.roleOf(cohort, newcomer.id())).contains(CohortRole.FACILITATOR);
        assertThat(roleOf(newcomer)).isEqualTo(Role.FACILITATOR);
        assertThat(audited("cohort.facilitator-given", cohort)).isEqualTo(1);
        // an admin made facilitator stays an admin
        Person otherAdmin = data.person(Role.ADMIN);
        cohorts.add(cohort, otherAdmin.id(), CohortRole.FACILITATOR);
        assertThat(roleOf(otherAdmin)).isEqualTo(Role.ADMIN);
    }

    @Test
    void a_deactivated_account_is_not_added() {
        long cohort = data.cohort();
        Person gone = data.person(Role.MEMBER);
        data.db().update(MEMBER).set(MEMBER.ACTIVE, false).where(MEMBER.ID.eq(gone.id())).execute();
        data.signIn(data.person(Role.ADMIN));

        assertThat(cohorts.addable(cohort)).extracting(CohortPerson::memberId).doesNotContain(gone.id());
        assertThatThrownBy(() -> cohorts.add(cohort, gone.id(), CohortRole.MEMBER)).isInstanceOf(InvalidInputException.class);
        assertThat(access.roleOf(cohort, gone.id())).isEmpty();
    }

    @Test
    void moving_a_member_changes_only_the_membership_and_their_posts_stay_where_they_were_written() {
        long from = data.cohort();
        long to = data.cohort();
        Person member = data.personIn(from, Role.MEMBER);
        long thread = data.thread(from);
        data.signIn(member);
        long post = threads.reply(thread, null, "What we learned in the first year", false, false);
        data.signIn(data.person(Role.ADMIN));
        assertThat(cohorts.moveTargets(from)).extracting(CohortChoice::id).contains(to).doesNotContain(from);

        cohorts.move(member.id(), from, to);

        assertThat(access.roleOf(from, member.id())).isEmpty();
        assertThat(access.roleOf(to, member.id())).contains(CohortRole.MEMBER);
        assertThat(data.db().select(THREAD.COHORT_ID).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.ID.eq(post)).fetchSingle().value1()).isEqualTo(from);
        assertThat(data.db().fetchCount(POST, POST.AUTHOR_ID.eq(member.id()))).isEqualTo(1);
        assertThat(data.db().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("cohort.member-moved")
                .and(AUDIT_EVENT.TARGET_ID.eq(member.id())))).isEqualTo(1);
    }

    @Test
    void a_move_that_makes_no_sense_is_refused_and_changes_nothing() {
        long from = data.cohort();
        long to = data.cohort();
        Person facilitator = data.personIn(from, Role.FACILITATOR);
        Person both = data.personIn(from, Role.MEMBER);
        data.join(to, both);
        Person stranger = data.person(Role.MEMBER);
        data.signIn(data.person(Role.ADMIN));

        assertThatThrownBy(() -> cohorts.move(both.id(), from, from)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cohorts.move(both.id(), from, to)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().get("to").key()).isEqualTo("cohort.move.already-there"));
        assertThatThrownBy(() -> cohorts.move(facilitator.id(), from, to)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cohorts.move(stranger.id(), from, to)).isInstanceOf(InvalidInputException.class);
        assertThat(data.db().fetchCount(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.MEMBER_ID.in(both.id(), facilitator.id())))
                .isEqualTo(3);
    }

    @Test
    void a_closed_cohort_leaves_the_active_lists_but_its_people_still_see_it_as_closed() {
        long cohort = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        Person alumna = data.personIn(cohort, Role.MEMBER);
        data.db().update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohort)).execute();
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);
        assertThat(cohorts.takingApplications()).extracting(CohortChoice::id).contains(cohort);

        cohorts.close(cohort);
        cohorts.close(cohort);

        assertThat(audited("cohort.closed", cohort)).isEqualTo(1);
        assertThat(cohorts.takingApplications()).extracting(CohortChoice::id).doesNotContain(cohort);
        assertThat(cohorts.assignable()).extracting(CohortChoice::id).doesNotContain(cohort);
        assertThat(cohorts.moveTargets(data.cohort())).extracting(CohortChoice::id).doesNotContain(cohort);
        assertThat(cohorts.all()).filteredOn(c -> c.id() == cohort).singleElement()
                .satisfies(c -> assertThat(c.closed()).isTrue());
        data.signIn(facilitator);
        assertThat(cohorts.assignable()).extracting(CohortChoice::id).doesNotContain(cohort);
        data.signIn(alumna);
        assertThat(cohorts.myCohorts()).singleElement().satisfies(c -> assertThat(c.closed()).isTrue());
        assertThat(access.myCohorts()).containsExactly(new CohortChoice(cohort, data.cohortName(cohort), true));

        data.signIn(admin);
        cohorts.reopen(cohort);
        assertThat(audited("cohort.reopened", cohort)).isEqualTo(1);
        assertThat(cohorts.assignable()).extracting(CohortChoice::id).contains(cohort);
        data.signIn(alumna);
        assertThat(cohorts.myCohorts()).singleElement().satisfies(c -> assertThat(c.closed()).isFalse());
    }

    @Test
    void a_closed_cohorts_people_do_not_change_and_only_admins_change_it() {
        long cohort = data.cohort();
        long other = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        Person member = data.personIn(cohort, Role.MEMBER);
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);
        cohorts.close(cohort);

        assertThatThrownBy(() -> cohorts.add(cohort, data.person(Role.MEMBER).id(), CohortRole.MEMBER))
                .isInstanceOf(CohortClosedException.class);
        assertThatThrownBy(() -> cohorts.makeFacilitator(cohort, member.id())).isInstanceOf(CohortClosedException.class);
        assertThatThrownBy(() -> cohorts.move(member.id(), cohort, other)).isInstanceOf(CohortClosedException.class);
        CohortDraft byAdmin = cohorts.details(cohort).toDraft();
        byAdmin.setDescription("Alumni of the first year");
        cohorts.update(cohort, byAdmin);

        data.signIn(facilitator);
        CohortDraft d = cohorts.details(cohort).toDraft();
        d.setDescription("Not any more");
        assertThatThrownBy(() -> cohorts.update(cohort, d)).isInstanceOf(CohortClosedException.class);
        assertThat(cohorts.details(cohort).description()).isEqualTo("Alumni of the first year");
        assertThatThrownBy(() -> cohorts.reopen(cohort)).isInstanceOf(AccessDeniedException.class);
    }

    private Role roleOf(Person p) {
        return Role.valueOf(data.db().select(MEMBER.ROLE).from(MEMBER).where(MEMBER.ID.eq(p.id())).fetchSingle(MEMBER.ROLE));
    }
}
