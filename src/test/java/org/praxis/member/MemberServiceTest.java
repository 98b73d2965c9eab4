package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.support.IntegrationTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;

class MemberServiceTest extends IntegrationTest {

    @Autowired
    MemberService members;

    @Autowired
    AuditService audit;

    @Autowired
    SignedInSessions sessions;

    @Autowired
    AuthenticationManager authenticationManager;

    private SignInAttempts signIns;

    @BeforeEach
    void setUp() {
        signIns = new SignInAttempts(authenticationManager);
    }

    private static MemberDraft draft(String name, String email, Role role, Long cohortId) {
        MemberDraft d = new MemberDraft();
        d.setDisplayName(name);
        d.setEmail(email);
        d.setRole(role);
        d.setCohortId(cohortId);
        return d;
    }

    private static MemberDraft newMember(Long cohortId) {
        String name = TestData.unique("New Member");
        return draft(name, name.replace(' ', '.').toLowerCase() + "@test.example", Role.MEMBER, cohortId);
    }

    /** A facilitator who facilitates a fresh cohort, signed in on the test thread. */
    private record Facilitation(Person facilitator, long cohortId) {
    }

    private Facilitation signedInFacilitator() {
        long cohort = data.cohort();
        Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        data.signIn(facilitator);
        return new Facilitation(facilitator, cohort);
    }

    private static void assertInvalid(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).hasEntrySatisfying(field,
                        problem -> assertThat(problem.key()).isEqualTo(messageKey)));
    }

    private boolean mustChange(long memberId) {
        return data.db().select(MEMBER.PASSWORD_MUST_CHANGE).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchSingle(MEMBER.PASSWORD_MUST_CHANGE);
    }

    private String role(long memberId) {
        return data.db().select(MEMBER.ROLE).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchSingle(MEMBER.ROLE);
    }

    private String passwordHash(long memberId) {
        return data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchSingle(MEMBER.PASSWORD_HASH);
    }

    // --- creating accounts -------------------------------------------------------------------

    @Test
    void a_facilitator_creates_a_member_who_signs_in_with_the_temporary_password_and_must_change_it() {
        Facilitation f = signedInFacilitator();
        MemberDraft d = newMember(f.cohortId());

        NewAccount created = members.create(d);

        MemberSummary m = created.member();
        assertThat(m.email()).isEqualTo(d.getEmail());
        assertThat(m.displayName()).isEqualTo(d.getDisplayName());
        assertThat(m.role()).isEqualTo(Role.MEMBER);
        assertThat(m.active()).isTrue();
        assertThat(m.cohorts()).containsExactly(data.cohortName(f.cohortId()));
        assertThat(created.temporaryPassword()).hasSizeGreaterThanOrEqualTo(MemberService.PASSWORD_MIN);
        assertThat(created.toString()).doesNotContain(created.temporaryPassword());
        assertThat(mustChange(m.id())).isTrue();
        assertThat(data.db().select(COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(m.id())).fetch(COHORT_MEMBERSHIP.ROLE)).containsExactly("MEMBER");

        Authentication signedIn = signIns.attempt(d.getEmail(), created.temporaryPassword());
        assertThat(signedIn.getPrincipal()).isInstanceOfSatisfying(PraxisUser.class,
                u -> assertThat(u.id()).isEqualTo(m.id()));

        data.signIn(new Person(m.id(), m.email(), m.displayName(), Role.MEMBER));
        assertThat(members.mustChangePassword()).isTrue();
    }

    @Test
    void creating_an_account_is_audited_with_who_did_it() {
        Facilitation f = signedInFacilitator();

        long id = members.create(newMember(f.cohortId())).member().id();

        assertThat(audit.latestFor("member", id, 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("member.created");
            assertThat(e.actorId()).isEqualTo(f.facilitator().id());
            assertThat(e.detail()).isEqualTo("MEMBER");
        });
    }

    @Test
    void an_admin_may_create_a_facilitator_who_joins_the_cohort_as_facilitator() {
        data.signIn(data.person(Role.ADMIN));
        long cohort = data.cohort();
        MemberDraft d = newMember(cohort);
        d.setRole(Role.FACILITATOR);

        MemberSummary m = members.create(d).member();

        assertThat(m.role()).isEqualTo(Role.FACILITATOR);
        assertThat(data.db().select(COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(m.id())).fetch(COHORT_MEMBERSHIP.ROLE))
                .containsExactly("FACILITATOR");
    }

    // --- who is refused ----------------------------------------------------------------------

    @Test
    void a_member_is_refused_the_list_of_accounts() {
        data.signIn(data.person(Role.MEMBER));

        assertThatThrownBy(() -> members.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.find(data.person(Role.MEMBER).id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_is_refused_creating_an_account_and_no_row_is_written() {
        long cohort = data.cohort();
        Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(member);
        MemberDraft d = newMember(cohort);

        assertThatThrownBy(() -> members.create(d)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
    }

    @Test
    void a_member_is_refused_deactivating_editing_or_resetting_another_account() {
        Person other = data.person(Role.MEMBER);
        String hashBefore = passwordHash(other.id());
        data.signIn(data.person(Role.MEMBER));
        MemberDraft rename = draft("Renamed " + other.name(), other.email(), Role.MEMBER, null);
        rename.setId(other.id());

        assertThatThrownBy(() -> members.deactivate(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.update(other.id(), rename)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.resetPassword(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.draftOf(other.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(data.active(other.id())).isTrue();
        assertThat(data.membersNamed(other.name())).isOne();
        assertThat(passwordHash(other.id())).isEqualTo(hashBefore);
    }

    @Test
    void a_member_is_refused_reactivating_an_account() {
        Person other = data.person(Role.MEMBER);
        data.db().update(MEMBER).set(MEMBER.ACTIVE, false).where(MEMBER.ID.eq(other.id())).execute();
        data.signIn(data.person(Role.MEMBER));

        assertThatThrownBy(() -> members.reactivate(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(data.active(other.id())).isFalse();
    }

    @Test
    void nobody_signed_in_is_refused_everything() {
        Person someone = data.person(Role.MEMBER);
        MemberDraft d = newMember(null);

        assertThatThrownBy(() -> members.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.create(d)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.deactivate(someone.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.resetPassword(someone.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.mustChangePassword()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.changeOwnPassword(TestData.PASSWORD, "a brand new password", "a brand new password"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(data.membersWithEmail(d.getEmail())).isZero();
        assertThat(data.active(someone.id())).isTrue();
    }

    @Test
    void a_facilitator_cannot_create_an_admin() {
        Facilitation f = signedInFacilitator();
        MemberDraft d = newMember(f.cohortId());
        d.setRole(Role.ADMIN);

        assertInvalid(() -> members.create(d), "role", "member.role.not-allowed");
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
    }

    @Test
    void a_facilitator_cannot_create_another_facilitator() {
        Facilitation f = signedInFacilitator();
        MemberDraft d = newMember(f.cohortId());
        d.setRole(Role.FACILITATOR);

        // only an admin gives roles other than member
        assertInvalid(() -> members.create(d), "role", "member.role.not-allowed");
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
    }

    @Test
    void a_facilitator_cannot_promote_a_member_to_facilitator() {
        Facilitation f = signedInFacilitator();
        Person member = data.personIn(f.cohortId(), Role.MEMBER);
        MemberDraft promote = members.draftOf(member.id());
        promote.setRole(Role.FACILITATOR);

        assertInvalid(() -> members.update(member.id(), promote), "role", "member.role.not-allowed");
        assertThat(role(member.id())).isEqualTo("MEMBER");
    }

    @Test
    void a_facilitator_cannot_deactivate_edit_or_reset_another_facilitator() {
        Facilitation f = signedInFacilitator();
        Person colleague = data.personIn(f.cohortId(), Role.FACILITATOR);
        String hashBefore = passwordHash(colleague.id());
        MemberDraft rename = draft("Renamed " + colleague.name(), colleague.email(), Role.FACILITATOR, null);
        rename.setId(colleague.id());

        assertThatThrownBy(() -> members.deactivate(colleague.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.update(colleague.id(), rename)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.resetPassword(colleague.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(data.active(colleague.id())).isTrue();
        assertThat(data.membersNamed(colleague.name())).isOne();
        assertThat(passwordHash(colleague.id())).isEqualTo(hashBefore);
    }

    @Test
    void a_facilitator_cannot_deactivate_edit_reset_or_reactivate_an_admin() {
        signedInFacilitator();
        Person admin = data.person(Role.ADMIN);
        String hashBefore = passwordHash(admin.id());
        MemberDraft demote = draft(admin.name(), admin.email(), Role.MEMBER, null);
        demote.setId(admin.id());

        assertThatThrownBy(() -> members.deactivate(admin.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.update(admin.id(), demote)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.resetPassword(admin.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.reactivate(admin.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(data.active(admin.id())).isTrue();
        assertThat(role(admin.id())).isEqualTo("ADMIN");
        assertThat(passwordHash(admin.id())).isEqualTo(hashBefore);
    }

    @Test
    void a_facilitator_edits_a_members_account() {
        Facilitation f = signedInFacilitator();
        Person member = data.personIn(f.cohortId(), Role.MEMBER);
        MemberDraft edit = members.draftOf(member.id());
        edit.setDisplayName("Renamed " + member.name());
        edit.setPronouns("they/them");

        MemberSummary updated = members.update(member.id(), edit);

        assertThat(updated.displayName()).isEqualTo("Renamed " + member.name());
        assertThat(updated.pronouns()).isEqualTo("they/them");
        assertThat(audit.latestFor("member", member.id(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("member.updated");
            assertThat(e.actorId()).isEqualTo(f.facilitator().id());
        });
    }

    @Test
    void an_admin_may_deactivate_a_facilitator() {
        Person facilitator = data.person(Role.FACILITATOR);
        data.signIn(data.person(Role.ADMIN));

        members.deactivate(facilitator.id());

        assertThat(data.active(facilitator.id())).isFalse();
    }

    @Test
    void a_facilitator_cannot_place_someone_in_a_cohort_they_do_not_facilitate() {
        signedInFacilitator();
        long othersCohort = data.cohort();
        data.personIn(othersCohort, Role.FACILITATOR);
        MemberDraft d = newMember(othersCohort);

        assertInvalid(() -> members.create(d), "cohortId", "member.cohort.not-yours");
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
    }

    @Test
    void a_facilitator_cannot_move_an_existing_member_into_a_cohort_they_do_not_facilitate() {
        Facilitation f = signedInFacilitator();
        Person member = data.personIn(f.cohortId(), Role.MEMBER);
        long othersCohort = data.cohort();
        MemberDraft move = members.draftOf(member.id());
        move.setCohortId(othersCohort);

        assertInvalid(() -> members.update(member.id(), move), "cohortId", "member.cohort.not-yours");
        assertThat(data.db().fetchCount(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.COHORT_ID.eq(othersCohort))).isZero();
    }

    @Test
    void belonging_to_a_cohort_as_a_member_does_not_let_a_facilitator_place_people_in_it() {
        Facilitation f = signedInFacilitator();
        long joinedAsMember = data.cohort();
        data.db().insertInto(COHORT_MEMBERSHIP)
                .set(COHORT_MEMBERSHIP.COHORT_ID, joinedAsMember)
                .set(COHORT_MEMBERSHIP.MEMBER_ID, f.facilitator().id())
                .set(COHORT_MEMBERSHIP.ROLE, "MEMBER")
                .execute();
        MemberDraft d = newMember(joinedAsMember);

        assertInvalid(() -> members.create(d), "cohortId", "member.cohort.not-yours");
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
    }

    @Test
    void a_cohort_that_does_not_exist_is_named_as_the_problem() {
        signedInFacilitator();
        MemberDraft d = newMember(Long.MAX_VALUE);

        assertInvalid(() -> members.create(d), "cohortId", "member.cohort.unknown");
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
    }

    @Test
    void a_facilitator_cannot_deactivate_themselves() {
        Facilitation f = signedInFacilitator();

        assertInvalid(() -> members.deactivate(f.facilitator().id()), "active", "member.deactivate.self");
        assertThat(data.active(f.facilitator().id())).isTrue();
    }

    @Test
    void an_admin_cannot_deactivate_themselves() {
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);

        assertInvalid(() -> members.deactivate(admin.id()), "active", "member.deactivate.self");
        assertThat(data.active(admin.id())).isTrue();
    }

    @Test
    void nobody_resets_their_own_password_through_the_people_page() {
        Person admin = data.person(Role.ADMIN);
        String hashBefore = passwordHash(admin.id());
        data.signIn(admin);

        assertThatThrownBy(() -> members.resetPassword(admin.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(passwordHash(admin.id())).isEqualTo(hashBefore);
    }

    @Test
    void an_admin_cannot_change_their_own_role() {
        Person admin = data.person(Role.ADMIN);
        data.signIn(admin);

        MemberDraft demote = members.draftOf(admin.id());
        demote.setRole(Role.MEMBER);

        assertInvalid(() -> members.update(admin.id(), demote), "role", "member.role.not-own");
        assertThat(role(admin.id())).isEqualTo("ADMIN");
    }

    // --- validation --------------------------------------------------------------------------

    @Test
    void a_ten_thousand_character_name_is_refused_and_nothing_is_written() {
        signedInFacilitator();
        MemberDraft d = newMember(null);
        String longName = "N".repeat(10_000);
        d.setDisplayName(longName);

        assertInvalid(() -> members.create(d), "displayName", "validation.too-long");
        assertThat(data.membersWithEmail(d.getEmail())).isZero();
        assertThat(data.membersNamed(longName)).isZero();
    }

    @Test
    void a_name_of_exactly_the_maximum_length_is_accepted() {
        signedInFacilitator();
        MemberDraft d = newMember(null);
        String name = TestData.unique("N");
        d.setDisplayName(name + "n".repeat(MemberService.DISPLAY_NAME_MAX - name.length()));

        members.create(d);

        assertThat(data.membersNamed(d.getDisplayName())).isOne();
    }

    @Test
    void an_empty_or_blank_name_is_refused_and_nothing_is_written() {
        signedInFacilitator();
        MemberDraft empty = newMember(null);
        empty.setDisplayName("");
        MemberDraft blank = newMember(null);
        blank.setDisplayName("   ");

        assertInvalid(() -> members.create(empty), "displayName", "validation.required");
        assertInvalid(() -> members.create(blank), "displayName", "validation.required");
        assertThat(data.membersWithEmail(empty.getEmail())).isZero();
        assertThat(data.membersWithEmail(blank.getEmail())).isZero();
    }

    @Test
    void a_malformed_email_is_refused_and_nothing_is_written() {
        signedInFacilitator();
        for (String email : new String[] {"not-an-email", "two@@test.example", "no-domain@", "space in@test.example"}) {
            MemberDraft d = newMember(null);
            d.setEmail(email);

            assertInvalid(() -> members.create(d), "email", "validation.email");
            assertThat(data.membersNamed(d.getDisplayName())).as(email).isZero();
        }
    }

    @Test
    void an_email_already_in_use_is_refused_and_nothing_is_written() {
        signedInFacilitator();
        Person existing = data.person(Role.MEMBER);
        MemberDraft d = newMember(null);
        d.setEmail(existing.email());

        assertInvalid(() -> members.create(d), "email", "member.email.taken");
        assertThat(data.membersNamed(d.getDisplayName())).isZero();
        assertThat(data.membersWithEmail(existing.email())).isOne();
    }

    @Test
    void an_email_differing_only_in_case_or_surrounding_spaces_counts_as_in_use() {
        signedInFacilitator();
        Person existing = data.person(Role.MEMBER);
        MemberDraft upper = newMember(null);
        upper.setEmail(existing.email().toUpperCase());
        MemberDraft padded = newMember(null);
        padded.setEmail("  " + existing.email() + " ");

        assertInvalid(() -> members.create(upper), "email", "member.email.taken");
        assertInvalid(() -> members.create(padded), "email", "member.email.taken");
        assertThat(data.membersNamed(upper.getDisplayName())).isZero();
        assertThat(data.membersNamed(padded.getDisplayName())).isZero();
        assertThat(data.membersWithEmail(existing.email())).isOne();
    }

    @Test
    void changing_an_email_to_one_in_use_is_refused() {
        signedInFacilitator();
        Person member = data.person(Role.MEMBER);
        Person other = data.person(Role.MEMBER);

        MemberDraft change = members.draftOf(member.id());
        change.setEmail(other.email().toUpperCase());

        assertInvalid(() -> members.update(member.id(), change), "email", "member.email.taken");
        assertThat(data.membersWithEmail(member.email())).isOne();
    }

    @Test
    void every_problem_is_reported_at_once() {
        signedInFacilitator();
        MemberDraft d = draft("", "not-an-email", Role.MEMBER, null);
        d.setPronouns("p".repeat(MemberService.PRONOUNS_MAX + 1));

        assertThatThrownBy(() -> members.create(d)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsOnlyKeys("displayName", "email", "pronouns"));
    }

    // --- deactivating, reactivating, resetting ------------------------------------------------

    @Test
    void deactivating_ends_the_members_signed_in_sessions_and_no_one_elses() {
        Facilitation f = signedInFacilitator();
        Person member = data.personIn(f.cohortId(), Role.MEMBER);
        Person bystander = data.personIn(f.cohortId(), Role.MEMBER);
        MockHttpSession laptop = new MockHttpSession();
        MockHttpSession phone = new MockHttpSession();
        MockHttpSession bystanders = new MockHttpSession();
        sessions.track(member.id(), laptop);
        sessions.track(member.id(), phone);
        sessions.track(bystander.id(), bystanders);

        members.deactivate(member.id());

        assertThat(laptop.isInvalid()).isTrue();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(bystanders.isInvalid()).isFalse();
        assertThat(data.active(member.id())).isFalse();
        assertThat(audit.latestFor("member", member.id(), 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("member.deactivated");
            assertThat(e.actorId()).isEqualTo(f.facilitator().id());
        });
    }

    @Test
    void a_deactivated_account_is_refused_as_deactivated_only_after_the_right_password() {
        signedInFacilitator();
        Person member = data.person(Role.MEMBER);
        members.deactivate(member.id());

        assertThatThrownBy(() -> signIns.attempt(member.email(), TestData.PASSWORD))
                .isInstanceOf(DisabledException.class);
        // a stranger guessing learns nothing: a wrong password is just wrong
        assertThatThrownBy(() -> signIns.attempt(member.email(), "not the password"))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_reactivated_account_can_sign_in_again() {
        signedInFacilitator();
        Person member = data.person(Role.MEMBER);
        members.deactivate(member.id());

        members.reactivate(member.id());

        assertThat(data.active(member.id())).isTrue();
        assertThat(signIns.attempt(member.email(), TestData.PASSWORD).getPrincipal())
                .isInstanceOfSatisfying(PraxisUser.class, u -> assertThat(u.id()).isEqualTo(member.id()));
        assertThat(data.db().select(MEMBER.DEACTIVATED_AT).from(MEMBER).where(MEMBER.ID.eq(member.id()))
                .fetchSingle(MEMBER.DEACTIVATED_AT)).isNull();
    }

    @Test
    void a_reset_password_works_and_the_old_one_does_not() {
        signedInFacilitator();
        Person member = data.person(Role.MEMBER);
        MockHttpSession open = new MockHttpSession();
        sessions.track(member.id(), open);

        String temporary = members.resetPassword(member.id());

        assertThat(temporary).isNotBlank().isNotEqualTo(TestData.PASSWORD);
        assertThat(signIns.attempt(member.email(), temporary).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIns.attempt(member.email(), TestData.PASSWORD))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(mustChange(member.id())).isTrue();
        assertThat(open.isInvalid()).isTrue();
    }

    @Test
    void a_demoted_facilitator_is_signed_out_of_the_sessions_that_still_carry_the_old_role() {
        Person facilitator = data.person(Role.FACILITATOR);
        MockHttpSession open = new MockHttpSession();
        sessions.track(facilitator.id(), open);
        data.signIn(data.person(Role.ADMIN));
        MemberDraft demote = members.draftOf(facilitator.id());
        demote.setRole(Role.MEMBER);

        members.update(facilitator.id(), demote);

        assertThat(role(facilitator.id())).isEqualTo("MEMBER");
        // the session carries the old role, so it must end
        assertThat(open.isInvalid()).as("session of the demoted facilitator ended").isTrue();
    }

    // --- changing one's own password ---------------------------------------------------------

    @Test
    void a_wrong_current_password_is_refused() {
        Person me = data.person(Role.MEMBER);
        data.signIn(me);

        assertInvalid(() -> members.changeOwnPassword("not my password", "a brand new password", "a brand new password"),
                "current", "account.password.current-wrong");
        assertThat(signIns.attempt(me.email(), TestData.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_too_short_new_password_is_refused() {
        Person me = data.person(Role.MEMBER);
        data.signIn(me);
        String tooShort = "x".repeat(MemberService.PASSWORD_MIN - 1);

        assertInvalid(() -> members.changeOwnPassword(TestData.PASSWORD, tooShort, tooShort),
                "next", "account.password.too-short");
        assertThat(signIns.attempt(me.email(), TestData.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void a_repeated_password_that_differs_is_refused() {
        Person me = data.person(Role.MEMBER);
        data.signIn(me);

        assertInvalid(() -> members.changeOwnPassword(TestData.PASSWORD, "a brand new password", "a brand new passw0rd"),
                "repeated", "account.password.mismatch");
        assertThat(signIns.attempt(me.email(), TestData.PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void the_current_password_is_refused_as_the_new_one() {
        Person me = data.person(Role.MEMBER);
        data.signIn(me);

        assertInvalid(() -> members.changeOwnPassword(TestData.PASSWORD, TestData.PASSWORD, TestData.PASSWORD),
                "next", "account.password.same");
    }

    @Test
    void the_email_address_is_refused_as_the_new_password() {
        Person me = data.person(Role.MEMBER);
        data.signIn(me);
        String email = me.email().toUpperCase();

        assertInvalid(() -> members.changeOwnPassword(TestData.PASSWORD, email, email), "next", "account.password.is-email");
    }

    @Test
    void changing_the_temporary_password_clears_the_must_change_flag() {
        Facilitation f = signedInFacilitator();
        NewAccount created = members.create(newMember(f.cohortId()));
        MemberSummary m = created.member();
        data.signIn(new Person(m.id(), m.email(), m.displayName(), Role.MEMBER));
        assertThat(members.mustChangePassword()).isTrue();

        members.changeOwnPassword(created.temporaryPassword(), "my own long password", "my own long password");

        assertThat(members.mustChangePassword()).isFalse();
        assertThat(signIns.attempt(m.email(), "my own long password").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIns.attempt(m.email(), created.temporaryPassword()))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(audit.latestFor("member", m.id(), 10)).anySatisfy(
                e -> assertThat(e.action()).isEqualTo("member.password-changed"));
    }
}
