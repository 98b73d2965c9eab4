package org.praxis.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.ORGANIZATION;

import java.util.List;
import org.jooq.Record3;
import org.jooq.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.cohort.CohortOverview;
import org.praxis.cohort.CohortService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.test.context.transaction.BeforeTransaction;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo cohort. The demo has fixed names and emails, so every test here seeds inside the test's
 * transaction, which is rolled back: nothing of the demo outlives a test, and the database is left
 * exactly as found (checked after each transaction).
 */
@Transactional
class DemoDataTest extends IntegrationTest {

    private static final String DEMO_PASSWORD = "equity-in-practice";

    @Autowired
    DemoData demo;

    @Autowired
    CohortService cohorts;

    @Autowired
    AuthenticationManager authenticationManager;

    private SignInAttempts signIns;
    private boolean demoCohortExistedBefore;

    @BeforeTransaction
    void noteWhetherTheDemoWasThere() {
        demoCohortExistedBefore = demoCohortExists();
    }

    @AfterTransaction
    void theDatabaseIsLeftAsFound() {
        assertThat(demoCohortExists()).isEqualTo(demoCohortExistedBefore);
    }

    @BeforeEach
    void startWithoutTheDemoCohort() {
        signIns = new SignInAttempts(authenticationManager);
        // should an earlier run or another test have left the cohort, remove it inside this transaction
        data.db().deleteFrom(COHORT).where(COHORT.NAME.eq(DemoData.COHORT_NAME)).execute();
    }

    private boolean demoCohortExists() {
        return data.db().fetchExists(COHORT, COHORT.NAME.eq(DemoData.COHORT_NAME));
    }

    private long demoCohortId() {
        return data.db().select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(DemoData.COHORT_NAME)).fetchSingle(COHORT.ID);
    }

    private List<String> membershipRoles() {
        return data.db().select(COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(demoCohortId())).fetch(COHORT_MEMBERSHIP.ROLE);
    }

    private List<String> demoOrganizationNames() {
        return DemoData.ORGANIZATIONS.stream().map(DemoData.Org::name).toList();
    }

    private List<String> demoEmails() {
        return DemoData.PEOPLE.stream().map(DemoData.Person::email).toList();
    }

    /** The organisations of the people in the demo cohort. */
    private Result<Record3<String, String, String>> cohortOrganizations() {
        return data.db().selectDistinct(ORGANIZATION.SECTOR, ORGANIZATION.COUNTY, ORGANIZATION.TRIBAL_NATION)
                .from(COHORT_MEMBERSHIP)
                .join(MEMBER).on(MEMBER.ID.eq(COHORT_MEMBERSHIP.MEMBER_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(MEMBER.ORGANIZATION_ID))
                .where(COHORT_MEMBERSHIP.COHORT_ID.eq(demoCohortId()))
                .fetch();
    }

    @Test
    void seeding_creates_the_cohort_with_two_facilitators_and_at_least_eight_members() {
        assertThat(demo.seed()).isTrue();

        assertThat(demoCohortExists()).isTrue();
        assertThat(membershipRoles()).filteredOn("FACILITATOR"::equals).hasSize(2);
        assertThat(membershipRoles()).filteredOn("MEMBER"::equals).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void the_cohort_draws_on_all_five_counties_a_tribal_health_clinic_and_the_core_sectors() {
        demo.seed();

        var organizations = cohortOrganizations();

        assertThat(organizations.getValues(ORGANIZATION.COUNTY))
                .contains("WHATCOM", "SKAGIT", "SNOHOMISH", "ISLAND", "SAN_JUAN");
        assertThat(organizations.getValues(ORGANIZATION.SECTOR))
                .contains("HEALTH_CARE", "BEHAVIORAL_HEALTH", "SOCIAL_SERVICES", "HOUSING", "PUBLIC_HEALTH",
                        "TRIBAL_HEALTH");
        assertThat(organizations).filteredOn(r -> "TRIBAL_HEALTH".equals(r.value1()))
                .allSatisfy(r -> assertThat(r.value3()).isNotBlank());
    }

    @Test
    void every_demo_organisation_and_person_is_written() {
        demo.seed();

        assertThat(data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.in(demoOrganizationNames())))
                .isEqualTo(DemoData.ORGANIZATIONS.size());
        assertThat(data.db().fetchCount(MEMBER, MEMBER.EMAIL.in(demoEmails()))).isEqualTo(DemoData.PEOPLE.size());
        // the admin runs the platform and is in no cohort
        assertThat(data.db().fetchCount(COHORT_MEMBERSHIP.join(MEMBER).on(MEMBER.ID.eq(COHORT_MEMBERSHIP.MEMBER_ID)),
                MEMBER.EMAIL.eq("admin@praxis.example"))).isZero();
    }

    @Test
    void a_second_seeding_does_nothing() {
        assertThat(demo.seed()).isTrue();
        int organizations = data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.in(demoOrganizationNames()));
        int people = data.db().fetchCount(MEMBER, MEMBER.EMAIL.in(demoEmails()));
        int memberships = membershipRoles().size();
        int demoCohorts = data.db().fetchCount(COHORT, COHORT.NAME.eq(DemoData.COHORT_NAME));

        assertThat(demo.seed()).isFalse();

        assertThat(data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.in(demoOrganizationNames())))
                .isEqualTo(organizations);
        assertThat(data.db().fetchCount(MEMBER, MEMBER.EMAIL.in(demoEmails()))).isEqualTo(people);
        assertThat(membershipRoles()).hasSize(memberships);
        assertThat(data.db().fetchCount(COHORT, COHORT.NAME.eq(DemoData.COHORT_NAME))).isEqualTo(demoCohorts).isOne();
    }

    @Test
    void every_demo_person_signs_in_with_the_demo_password() {
        demo.seed();

        for (DemoData.Person p : DemoData.PEOPLE) {
            assertThat(signIns.attempt(p.email(), DEMO_PASSWORD).getPrincipal()).as(p.email())
                    .isInstanceOfSatisfying(PraxisUser.class, u -> assertThat(u.role()).isEqualTo(Role.valueOf(p.role())));
        }
        assertThatThrownBy(() -> signIns.attempt("aisha@praxis.example", "not the demo password"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_demo_member_sees_the_demo_cohort_on_their_home_page() {
        demo.seed();
        long aishaId = data.db().select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.eq("aisha@praxis.example"))
                .fetchSingle(MEMBER.ID);
        data.signIn(new Person(aishaId, "aisha@praxis.example", "Aisha Mohamed", Role.MEMBER));

        List<CohortOverview> mine = cohorts.myCohorts();

        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(DemoData.COHORT_NAME);
            assertThat(c.facilitators()).hasSize(2);
            assertThat(c.members()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(c.capacity()).isGreaterThanOrEqualTo(c.facilitators().size() + c.members().size());
        });
    }

    @Test
    void the_demo_library_has_a_revised_analysis_with_a_comment_seeded_once() {
        demo.seed();
        assertThat(demo.seedLibrary()).isTrue();
        var analysis = org.praxis.jooq.Tables.ANALYSIS;
        long id = data.db().select(analysis.ID).from(analysis).where(analysis.COHORT_ID.eq(demoCohortId()))
                .fetchSingle(analysis.ID);
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.ANALYSIS_VERSION,
                org.praxis.jooq.Tables.ANALYSIS_VERSION.ANALYSIS_ID.eq(id))).isEqualTo(2);
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.ANALYSIS_COMMENT,
                org.praxis.jooq.Tables.ANALYSIS_COMMENT.ANALYSIS_ID.eq(id))).isEqualTo(1);
        // the story reads as days old: shared three days ago, the comment the day after, revised yesterday
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        java.time.OffsetDateTime shared = data.db().select(analysis.SHARED_AT).from(analysis).where(analysis.ID.eq(id))
                .fetchSingle(analysis.SHARED_AT);
        java.time.OffsetDateTime commented = data.db().select(org.praxis.jooq.Tables.ANALYSIS_COMMENT.CREATED_AT)
                .from(org.praxis.jooq.Tables.ANALYSIS_COMMENT).where(org.praxis.jooq.Tables.ANALYSIS_COMMENT.ANALYSIS_ID.eq(id))
                .fetchSingle(org.praxis.jooq.Tables.ANALYSIS_COMMENT.CREATED_AT);
        var versions = org.praxis.jooq.Tables.ANALYSIS_VERSION;
        java.time.OffsetDateTime revised = data.db().select(org.jooq.impl.DSL.max(versions.SAVED_AT)).from(versions)
                .where(versions.ANALYSIS_ID.eq(id)).fetchSingle().value1();
        assertThat(shared).isBetween(now.minusDays(3).minusHours(1), now.minusDays(3).plusHours(1));
        assertThat(commented).isBetween(now.minusDays(2).minusHours(1), now.minusDays(2).plusHours(1));
        assertThat(revised).isBetween(now.minusDays(1).minusHours(1), now.minusDays(1).plusHours(1));
        var outbox = org.praxis.jooq.Tables.SEARCH_OUTBOX;
        assertThat(data.db().fetchCount(outbox, outbox.ENTITY_TYPE.eq("ANALYSIS").and(outbox.ENTITY_ID.eq(id)))).isPositive();
        assertThat(demo.seedLibrary()).isFalse();
    }

    @Test
    void the_demo_cohort_takes_applications_and_has_four_seeded_once() {
        demo.seed();
        assertThat(demo.seedApplications()).isTrue();
        var application = org.praxis.jooq.Tables.APPLICATION;
        assertThat(data.db().fetchCount(application, application.COHORT_ID.eq(demoCohortId()))).isEqualTo(4);
        assertThat(data.db().select(COHORT.APPLICATIONS_OPEN).from(COHORT).where(COHORT.ID.eq(demoCohortId()))
                .fetchSingle(COHORT.APPLICATIONS_OPEN)).isTrue();
        assertThat(demo.seedApplications()).isFalse();
    }

    @Test
    void the_demo_board_has_commitments_seeded_once() {
        demo.seed();
        assertThat(demo.seedAccountability()).isTrue();
        var commitment = org.praxis.jooq.Tables.COMMITMENT;
        assertThat(data.db().select(commitment.STATUS).from(commitment).where(commitment.COHORT_ID.eq(demoCohortId()))
                .orderBy(commitment.ID).fetch(commitment.STATUS)).containsExactly("IN_PROGRESS", "STUCK", "DONE");
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.OBSTACLE,
                org.praxis.jooq.Tables.OBSTACLE.COHORT_ID.eq(demoCohortId()))).isEqualTo(10);
        assertThat(demo.seedAccountability()).isFalse();
    }

    @Test
    void the_demo_has_worksheets_with_a_shared_first_round_seeded_once() {
        demo.seed();
        demo.seedConversation();
        demo.seedLibrary();
        assertThat(demo.seedWorksheets()).isTrue();
        var assignment = org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
        var response = org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
        assertThat(data.db().fetchCount(assignment, assignment.COHORT_ID.eq(demoCohortId()))).isEqualTo(2);
        var responses = data.db().select(response.STATUS, response.VISIBILITY, response.ANALYSIS_ID).from(response)
                .join(assignment).on(assignment.ID.eq(response.ASSIGNMENT_ID))
                .where(assignment.COHORT_ID.eq(demoCohortId())).orderBy(response.ID).fetch();
        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).value1()).isEqualTo("SUBMITTED");
        assertThat(responses.get(0).value2()).isEqualTo("FACILITATORS");
        assertThat(responses.get(0).value3()).isNotNull();
        assertThat(responses.get(1).value2()).isEqualTo("PRIVATE");
        assertThat(demo.seedWorksheets()).isFalse();
    }

    @Test
    void the_demo_has_practice_notes_one_published_to_the_network_and_one_awaiting_seeded_once() {
        demo.seed();
        assertThat(demo.seedPracticeNotes()).isTrue();
        var note = org.praxis.jooq.Tables.PRACTICE_NOTE;
        assertThat(data.db().fetchCount(note, note.COHORT_ID.eq(demoCohortId()).and(note.DRAFT.isFalse()))).isEqualTo(4);
        assertThat(data.db().fetchCount(note, note.COHORT_ID.eq(demoCohortId()).and(note.PUBLISHED_AT.isNotNull())
                .and(note.KEEP_NAME.isFalse()))).isEqualTo(1);
        assertThat(data.db().fetchCount(note, note.COHORT_ID.eq(demoCohortId()).and(note.VISIBILITY.eq("NETWORK"))
                .and(note.PUBLISHED_AT.isNull()))).isEqualTo(1);
        assertThat(demo.seedPracticeNotes()).isFalse();
    }

    @Test
    void the_demo_also_has_agreements_a_session_with_prompts_and_a_commons_thread_seeded_once() {
        demo.seed();
        assertThat(demo.seedConversation()).isTrue();
        long cohort = demoCohortId();
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.AGREEMENT,
                org.praxis.jooq.Tables.AGREEMENT.COHORT_ID.eq(cohort))).isEqualTo(1);
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.PROMPT.join(org.praxis.jooq.Tables.SESSION)
                .on(org.praxis.jooq.Tables.SESSION.ID.eq(org.praxis.jooq.Tables.PROMPT.SESSION_ID)),
                org.praxis.jooq.Tables.SESSION.COHORT_ID.eq(cohort))).isEqualTo(2);
        assertThat(data.db().fetchCount(org.praxis.jooq.Tables.THREAD, org.praxis.jooq.Tables.THREAD.COHORT_ID.eq(cohort)
                .and(org.praxis.jooq.Tables.THREAD.CONTENT_NOTE.isNotNull()))).isEqualTo(1);
        assertThat(demo.seedConversation()).isFalse();
        // seeded rows are searchable like any other: the session, both prompts, both threads, the post
        var outbox = org.praxis.jooq.Tables.SEARCH_OUTBOX;
        long session = data.db().select(org.praxis.jooq.Tables.SESSION.ID).from(org.praxis.jooq.Tables.SESSION)
                .where(org.praxis.jooq.Tables.SESSION.COHORT_ID.eq(cohort)).fetchSingle(org.praxis.jooq.Tables.SESSION.ID);
        assertThat(data.db().fetchCount(outbox, outbox.ENTITY_TYPE.eq("SESSION").and(outbox.ENTITY_ID.eq(session))))
                .isEqualTo(1);
        assertThat(data.db().fetchCount(outbox, outbox.ENTITY_TYPE.eq("PROMPT").and(outbox.ENTITY_ID.in(
                data.db().select(org.praxis.jooq.Tables.PROMPT.ID).from(org.praxis.jooq.Tables.PROMPT)
                        .where(org.praxis.jooq.Tables.PROMPT.SESSION_ID.eq(session)))))).isEqualTo(2);
    }

    private void seedEverything() {
        demo.seed();
        demo.seedConversation();
        demo.seedLibrary();
        demo.seedApplications();
        demo.seedAccountability();
        demo.seedWorksheets();
    }

    /** Rows of every table, by table. */
    private java.util.Map<String, Integer> rowsOfEveryTable() {
        java.util.Map<String, Integer> rows = new java.util.TreeMap<>();
        for (org.jooq.Table<?> t : org.praxis.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            rows.put(t.getName(), data.db().fetchCount(t));
        }
        return rows;
    }

    @Test
    void seeding_everything_again_adds_no_row_anywhere() {
        seedEverything();
        var once = rowsOfEveryTable();

        seedEverything();

        assertThat(rowsOfEveryTable()).isEqualTo(once);
    }

    @Test
    void everything_seeded_is_queued_for_search_like_anything_written_through_the_services() {
        seedEverything();
        long cohort = demoCohortId();
        var outbox = org.praxis.jooq.Tables.SEARCH_OUTBOX;
        var db = data.db();
        java.util.Map<String, java.util.List<Long>> seeded = java.util.Map.of(
                "SESSION", db.select(org.praxis.jooq.Tables.SESSION.ID).from(org.praxis.jooq.Tables.SESSION)
                        .where(org.praxis.jooq.Tables.SESSION.COHORT_ID.eq(cohort)).fetch(org.praxis.jooq.Tables.SESSION.ID),
                "THREAD", db.select(org.praxis.jooq.Tables.THREAD.ID).from(org.praxis.jooq.Tables.THREAD)
                        .where(org.praxis.jooq.Tables.THREAD.COHORT_ID.eq(cohort)).fetch(org.praxis.jooq.Tables.THREAD.ID),
                "POST", db.select(org.praxis.jooq.Tables.POST.ID).from(org.praxis.jooq.Tables.POST)
                        .join(org.praxis.jooq.Tables.THREAD).on(org.praxis.jooq.Tables.THREAD.ID.eq(org.praxis.jooq.Tables.POST.THREAD_ID))
                        .where(org.praxis.jooq.Tables.THREAD.COHORT_ID.eq(cohort)).fetch(org.praxis.jooq.Tables.POST.ID),
                "ANALYSIS", db.select(org.praxis.jooq.Tables.ANALYSIS.ID).from(org.praxis.jooq.Tables.ANALYSIS)
                        .where(org.praxis.jooq.Tables.ANALYSIS.COHORT_ID.eq(cohort)).fetch(org.praxis.jooq.Tables.ANALYSIS.ID),
                "COMMITMENT", db.select(org.praxis.jooq.Tables.COMMITMENT.ID).from(org.praxis.jooq.Tables.COMMITMENT)
                        .where(org.praxis.jooq.Tables.COMMITMENT.COHORT_ID.eq(cohort)).fetch(org.praxis.jooq.Tables.COMMITMENT.ID),
                "RESPONSE", db.select(org.praxis.jooq.Tables.WORKSHEET_RESPONSE.ID).from(org.praxis.jooq.Tables.WORKSHEET_RESPONSE)
                        .join(org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT).on(org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT.ID
                                .eq(org.praxis.jooq.Tables.WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                        .where(org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT.COHORT_ID.eq(cohort))
                        .fetch(org.praxis.jooq.Tables.WORKSHEET_RESPONSE.ID));

        // the session, the two prompts' threads, the commons thread and the analysis's review thread, ...
        assertThat(seeded.get("THREAD")).hasSize(4);
        assertThat(seeded.get("COMMITMENT")).hasSize(3);
        assertThat(seeded.get("RESPONSE")).hasSize(2);
        seeded.forEach((type, ids) -> assertThat(ids).as(type).isNotEmpty().allSatisfy(id -> assertThat(
                db.fetchExists(outbox, outbox.ENTITY_TYPE.eq(type).and(outbox.ENTITY_ID.eq(id)))).as(type + " " + id).isTrue()));
    }

    @Test
    void the_seed_is_written_as_the_demo_people_so_their_rights_were_checked_and_audited() {
        seedEverything();
        long cohort = demoCohortId();
        var audit = org.praxis.jooq.Tables.AUDIT_EVENT;
        long marisol = data.db().select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.eq("marisol@praxis.example"))
                .fetchSingle(MEMBER.ID);
        long session = data.db().select(org.praxis.jooq.Tables.SESSION.CREATED_BY).from(org.praxis.jooq.Tables.SESSION)
                .where(org.praxis.jooq.Tables.SESSION.COHORT_ID.eq(cohort)).fetchSingle(org.praxis.jooq.Tables.SESSION.CREATED_BY);

        assertThat(session).isEqualTo(marisol);
        assertThat(data.db().fetchExists(audit, audit.ACTOR_ID.eq(marisol).and(audit.ACTION.eq("session.created")))).isTrue();
        // the demo members' accounts sign in with the demo password and are not asked to change it
        assertThat(data.db().fetchCount(MEMBER, MEMBER.EMAIL.in(demoEmails()).and(MEMBER.PASSWORD_MUST_CHANGE.isTrue())))
                .isZero();
    }
}
