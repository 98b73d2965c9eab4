package org.praxis.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.lower;
import static org.praxis.jooq.Tables.ORGANIZATION;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class OrganizationServiceTest extends IntegrationTest {

    @Autowired
    OrganizationService organizations;

    @Autowired
    AuditService audit;

    private static OrganizationDraft draft(String name, Sector sector, County county) {
        OrganizationDraft d = new OrganizationDraft();
        d.setName(name);
        d.setSector(sector);
        d.setCounty(county);
        return d;
    }

    private static void assertInvalid(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).hasEntrySatisfying(field,
                        problem -> assertThat(problem.key()).isEqualTo(messageKey)));
    }

    private int named(String name) {
        return data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.eq(name));
    }

    private Organization stored(long id) {
        return data.db().selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(id))
                .fetchSingle(OrganizationService::toOrganization);
    }

    private void signInFacilitator() {
        data.signIn(data.person(Role.FACILITATOR));
    }

    @Test
    void a_facilitator_creates_an_organisation_with_its_name_trimmed() {
        TestData.Person facilitator = data.person(Role.FACILITATOR);
        data.signIn(facilitator);
        String name = TestData.unique("Lummi Wellness Collective");
        OrganizationDraft d = draft("  " + name + "  ", Sector.TRIBAL_HEALTH, County.WHATCOM);
        d.setTribalNation("  Salish Waters Tribe (fictional) ");

        Organization created = organizations.create(d);

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.sector()).isEqualTo(Sector.TRIBAL_HEALTH);
        assertThat(created.county()).isEqualTo(County.WHATCOM);
        assertThat(created.tribalNation()).isEqualTo("Salish Waters Tribe (fictional)");
        assertThat(stored(created.id())).isEqualTo(created);
        assertThat(audit.latestFor("organization", created.id(), 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("organization.created");
            assertThat(e.actorId()).isEqualTo(facilitator.id());
        });
    }

    @Test
    void an_admin_creates_an_organisation_without_county_or_tribal_nation() {
        data.signIn(data.person(Role.ADMIN));
        OrganizationDraft d = draft(TestData.unique("Statewide Coalition"), Sector.GOVERNMENT, null);
        d.setTribalNation("   ");

        Organization created = organizations.create(d);

        assertThat(created.county()).isNull();
        assertThat(created.tribalNation()).isNull();
    }

    @Test
    void an_empty_or_blank_name_is_refused_and_nothing_is_written() {
        signInFacilitator();
        long before = data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.eq("").or(ORGANIZATION.NAME.eq("   ")));

        assertInvalid(() -> organizations.create(draft("", Sector.HOUSING, County.ISLAND)), "name", "validation.required");
        assertInvalid(() -> organizations.create(draft("   ", Sector.HOUSING, County.ISLAND)), "name", "validation.required");
        assertInvalid(() -> organizations.create(draft(null, Sector.HOUSING, County.ISLAND)), "name", "validation.required");

        assertThat(data.db().fetchCount(ORGANIZATION, ORGANIZATION.NAME.eq("").or(ORGANIZATION.NAME.eq("   "))))
                .isEqualTo(before);
    }

    @Test
    void a_name_over_two_hundred_characters_is_refused_and_nothing_is_written() {
        signInFacilitator();
        String prefix = TestData.unique("Long");
        String tooLong = prefix + "o".repeat(OrganizationService.NAME_MAX + 1 - prefix.length());

        assertInvalid(() -> organizations.create(draft(tooLong, Sector.HOUSING, County.ISLAND)), "name", "validation.too-long");
        assertThat(named(tooLong)).isZero();
    }

    @Test
    void a_name_of_exactly_two_hundred_characters_is_accepted() {
        signInFacilitator();
        String prefix = TestData.unique("Long");
        String longest = prefix + "o".repeat(OrganizationService.NAME_MAX - prefix.length());

        organizations.create(draft(longest, Sector.HOUSING, County.ISLAND));

        assertThat(named(longest)).isOne();
    }

    @Test
    void a_missing_sector_is_refused_and_nothing_is_written() {
        signInFacilitator();
        String name = TestData.unique("No Sector");

        assertInvalid(() -> organizations.create(draft(name, null, County.SKAGIT)), "sector", "validation.required");
        assertThat(named(name)).isZero();
    }

    @Test
    void a_tribal_nation_over_two_hundred_characters_is_refused() {
        signInFacilitator();
        String name = TestData.unique("Tribal");
        OrganizationDraft d = draft(name, Sector.TRIBAL_HEALTH, County.WHATCOM);
        d.setTribalNation("t".repeat(OrganizationService.TRIBAL_NATION_MAX + 1));

        assertInvalid(() -> organizations.create(d), "tribalNation", "validation.too-long");
        assertThat(named(name)).isZero();
    }

    @Test
    void a_name_already_in_use_ignoring_case_is_refused_and_nothing_is_written() {
        signInFacilitator();
        String name = TestData.unique("Skagit Housing Trust");
        organizations.create(draft(name, Sector.HOUSING, County.SKAGIT));

        assertInvalid(() -> organizations.create(draft(name.toUpperCase(), Sector.HOUSING, County.SKAGIT)),
                "name", "organization.name.taken");
        assertInvalid(() -> organizations.create(draft(" " + name.toLowerCase() + " ", Sector.OTHER, null)),
                "name", "organization.name.taken");

        assertThat(data.db().fetchCount(ORGANIZATION, lower(ORGANIZATION.NAME).eq(name.toLowerCase()))).isOne();
    }

    @Test
    void a_facilitator_updates_an_organisation() {
        signInFacilitator();
        long id = data.organization(TestData.unique("Old Name"), "HEALTH_CARE", "WHATCOM");
        String newName = TestData.unique("New Name");

        Organization updated = organizations.update(id, draft(newName, Sector.PUBLIC_HEALTH, County.SAN_JUAN));

        assertThat(updated).isEqualTo(new Organization(id, newName, Sector.PUBLIC_HEALTH, County.SAN_JUAN, null));
        assertThat(stored(id)).isEqualTo(updated);
        assertThat(audit.latestFor("organization", id, 5)).anySatisfy(
                e -> assertThat(e.action()).isEqualTo("organization.updated"));
    }

    @Test
    void an_organisation_may_change_only_the_case_of_its_own_name() {
        signInFacilitator();
        String name = TestData.unique("Island Elders Network");
        long id = data.organization(name, "SOCIAL_SERVICES", "ISLAND");

        Organization updated = organizations.update(id, draft(name.toUpperCase(), Sector.SOCIAL_SERVICES, County.ISLAND));

        assertThat(updated.name()).isEqualTo(name.toUpperCase());
    }

    @Test
    void an_update_is_validated_like_a_creation_and_changes_nothing_when_refused() {
        signInFacilitator();
        String name = TestData.unique("Keeps Its Name");
        long id = data.organization(name, "HOUSING", "ISLAND");
        String taken = TestData.unique("Taken");
        data.organization(taken, "HOUSING", "ISLAND");
        Organization before = stored(id);

        assertInvalid(() -> organizations.update(id, draft("", Sector.HOUSING, County.ISLAND)), "name", "validation.required");
        assertInvalid(() -> organizations.update(id, draft("x".repeat(201), Sector.HOUSING, County.ISLAND)),
                "name", "validation.too-long");
        assertInvalid(() -> organizations.update(id, draft(name, null, County.ISLAND)), "sector", "validation.required");
        assertInvalid(() -> organizations.update(id, draft(taken.toLowerCase(), Sector.HOUSING, County.ISLAND)),
                "name", "organization.name.taken");

        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void updating_an_organisation_that_does_not_exist_is_refused() {
        signInFacilitator();

        assertThatThrownBy(() -> organizations.update(Long.MAX_VALUE, draft(TestData.unique("Ghost"), Sector.OTHER, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_is_refused_creating_an_organisation_and_nothing_is_written() {
        data.signIn(data.person(Role.MEMBER));
        String name = TestData.unique("Member Made");

        assertThatThrownBy(() -> organizations.create(draft(name, Sector.HOUSING, County.ISLAND)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(named(name)).isZero();
    }

    @Test
    void a_member_is_refused_updating_an_organisation_and_nothing_changes() {
        String name = TestData.unique("Untouched");
        long id = data.organization(name, "HOUSING", "ISLAND");
        data.signIn(data.person(Role.MEMBER, id, null));

        assertThatThrownBy(() -> organizations.update(id, draft(TestData.unique("Hijacked"), Sector.OTHER, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(stored(id).name()).isEqualTo(name);
    }

    @Test
    void a_member_may_list_organisations_but_not_count_their_members() {
        String name = TestData.unique("Listed");
        long id = data.organization(name, "HOUSING", "ISLAND");
        data.signIn(data.person(Role.MEMBER, id, null));

        assertThat(organizations.list()).extracting(Organization::name).contains(name);
        assertThatThrownBy(() -> organizations.memberCount(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_in_is_refused_everything() {
        long id = data.organization();
        String name = TestData.unique("Anonymous Made");

        assertThatThrownBy(() -> organizations.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organizations.create(draft(name, Sector.HOUSING, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organizations.update(id, draft(name, Sector.HOUSING, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(named(name)).isZero();
    }

    @Test
    void member_count_counts_the_accounts_of_one_organisation() {
        signInFacilitator();
        long id = data.organization();
        data.person(Role.MEMBER, id, null);
        data.person(Role.MEMBER, id, null);

        assertThat(organizations.memberCount(id)).isEqualTo(2);
    }
}
