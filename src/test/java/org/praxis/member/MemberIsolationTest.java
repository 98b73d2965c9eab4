package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.cohort.CohortAccess;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A facilitator's reach ends at their cohorts; a role change changes rights in the cohort too. */
class MemberIsolationTest extends IntegrationTest {

    @Autowired
    MemberService members;
    @Autowired
    CohortAccess access;

    @Test
    void a_facilitator_cannot_see_reset_edit_or_deactivate_a_member_of_another_cohort() {
        long mine = data.cohort();
        long theirs = data.cohort();
        TestData.Person facilitator = data.personIn(mine, Role.FACILITATOR);
        TestData.Person own = data.personIn(mine, Role.MEMBER);
        TestData.Person other = data.personIn(theirs, Role.MEMBER);
        data.signIn(facilitator);

        assertThat(members.list()).extracting(MemberSummary::id).contains(own.id()).doesNotContain(other.id());
        assertThatThrownBy(() -> members.resetPassword(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.deactivate(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.draftOf(other.id())).isInstanceOf(AccessDeniedException.class);
        MemberDraft d = new MemberDraft();
        d.setDisplayName("Renamed");
        d.setEmail(other.email());
        assertThatThrownBy(() -> members.update(other.id(), d)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.active(other.id())).isTrue();
        // their own cohort's member they can manage
        members.resetPassword(own.id());
    }

    @Test
    void demoting_a_facilitator_takes_away_their_rights_in_the_cohort_and_promoting_gives_them() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(data.person(Role.ADMIN));

        MemberDraft demote = members.draftOf(facilitator.id());
        demote.setRole(Role.MEMBER);
        members.update(facilitator.id(), demote);
        MemberDraft promote = members.draftOf(member.id());
        promote.setRole(Role.FACILITATOR);
        members.update(member.id(), promote);

        data.signIn(new TestData.Person(facilitator.id(), facilitator.email(), facilitator.name(), Role.MEMBER));
        assertThatThrownBy(() -> access.requireFacilitator(cohort)).isInstanceOf(AccessDeniedException.class);
        data.signIn(new TestData.Person(member.id(), member.email(), member.name(), Role.FACILITATOR));
        access.requireFacilitator(cohort);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_at_the_field() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(member);
        String tooLong = "a long sentence that keeps going and going, well past what bcrypt reads at all";
        assertThatThrownBy(() -> members.changeOwnPassword(TestData.PASSWORD, tooLong, tooLong))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("next").key()).isEqualTo("account.password.too-long"));
    }
}
