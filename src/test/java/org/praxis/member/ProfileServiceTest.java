package org.praxis.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AUDIT_EVENT;
import static org.praxis.jooq.Tables.MEMBER;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class ProfileServiceTest extends IntegrationTest {

    @Autowired
    MemberService members;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ThreadService threads;
    @Autowired
    Indexer indexer;
    @Autowired
    SearchService search;

    private static void assertInvalid(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).hasEntrySatisfying(field,
                        problem -> assertThat(problem.key()).isEqualTo(messageKey)));
    }

    private static ProfileDraft draft(String name, String pronouns, String title, Long organizationId, String bio) {
        ProfileDraft d = new ProfileDraft();
        d.setDisplayName(name);
        d.setPronouns(pronouns);
        d.setTitle(title);
        d.setOrganizationId(organizationId);
        d.setBio(bio);
        return d;
    }

    private String stored(long id, org.jooq.Field<String> field) {
        return data.db().select(field).from(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle(field);
    }

    @Test
    void a_person_saves_their_own_profile_and_the_signed_in_principal_follows() {
        long org = data.organization();
        Person me = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(me);

        Profile saved = members.updateProfile(me.id(), draft("  Rosa Méndez ", " she/her ", "Director of Care", org,
                " I run a rural clinic.  "));

        assertThat(saved.displayName()).isEqualTo("Rosa Méndez");
        assertThat(saved.pronouns()).isEqualTo("she/her");
        assertThat(saved.title()).isEqualTo("Director of Care");
        assertThat(saved.organizationId()).isEqualTo(org);
        assertThat(saved.organizationName()).isNotBlank();
        assertThat(saved.bio()).isEqualTo("I run a rural clinic.");
        assertThat(members.profileOf(me.id())).isEqualTo(saved);
        // outside a transaction the principal is refreshed at once (in one, after its commit)
        assertThat(currentUser.require().displayName()).isEqualTo("Rosa Méndez");
        assertThat(currentUser.require().email()).isEqualTo(me.email());
        assertThat(data.db().fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("member.profile-updated")
                .and(AUDIT_EVENT.TARGET_ID.eq(me.id())).and(AUDIT_EVENT.ACTOR_ID.eq(me.id())))).isTrue();

        // empty optional fields are cleared, not stored as blanks
        Profile cleared = members.updateProfile(me.id(), draft("Rosa Méndez", " ", "", null, "   "));
        assertThat(cleared.pronouns()).isNull();
        assertThat(cleared.title()).isNull();
        assertThat(cleared.organizationId()).isNull();
        assertThat(cleared.bio()).isNull();
    }

    @Test
    void nobody_reads_or_saves_another_persons_profile_here_not_even_an_admin() {
        Person member = data.personIn(data.cohort(), Role.MEMBER);
        Person other = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(member);
        assertThatThrownBy(() -> members.updateProfile(other.id(), draft("Taken Over", "", "", null, "")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.profileOf(other.id())).isInstanceOf(AccessDeniedException.class);

        data.signIn(data.person(Role.ADMIN));
        assertThatThrownBy(() -> members.updateProfile(other.id(), draft("Taken Over", "", "", null, "")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(stored(other.id(), MEMBER.DISPLAY_NAME)).isEqualTo(other.name());

        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> members.updateProfile(other.id(), draft("Taken Over", "", "", null, "")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void each_bad_field_is_named_and_nothing_is_saved() {
        Person me = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(me);
        assertInvalid(() -> members.updateProfile(me.id(), draft("  ", "", "", null, "")), "displayName",
                "validation.required");
        assertInvalid(() -> members.updateProfile(me.id(), draft("x".repeat(101), "", "", null, "")), "displayName",
                "validation.too-long");
        assertInvalid(() -> members.updateProfile(me.id(), draft("Name", "p".repeat(41), "", null, "")), "pronouns",
                "validation.too-long");
        assertInvalid(() -> members.updateProfile(me.id(), draft("Name", "", "t".repeat(201), null, "")), "title",
                "validation.too-long");
        assertInvalid(() -> members.updateProfile(me.id(), draft("Name", "", "", -1L, "")), "organizationId",
                "member.organization.unknown");
        assertInvalid(() -> members.updateProfile(me.id(), draft("Name", "", "", null, "before\u0000after")), "bio",
                "validation.unstorable");
        assertThat(stored(me.id(), MEMBER.DISPLAY_NAME)).isEqualTo(me.name());
        assertThat(stored(me.id(), MEMBER.BIO)).isNull();
    }

    @Test
    void the_bio_holds_500_characters_and_a_longer_one_is_refused_with_its_length() {
        Person me = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(me);
        // 500 characters, emoji counted as one each, as the database counts them
        String full = "😀".repeat(100) + "b".repeat(400);
        assertThat(members.updateProfile(me.id(), draft(me.name(), "", "", null, full)).bio()).isEqualTo(full);

        assertThatThrownBy(() -> members.updateProfile(me.id(), draft(me.name(), "", "", null, full + "xy")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get("bio").key()).isEqualTo("account.profile.bio.too-long");
                    assertThat(e.problems().get("bio").args()).containsExactly(500, 502);
                });
        assertThat(stored(me.id(), MEMBER.BIO)).isEqualTo(full);
        // the database holds the limit too
        assertThatThrownBy(() -> data.db().update(MEMBER).set(MEMBER.BIO, full + "x").where(MEMBER.ID.eq(me.id()))
                .execute()).hasMessageContaining("member_bio_check");
    }

    @Test
    void a_new_name_reaches_search_through_the_outbox_and_the_old_one_finds_nothing() throws Exception {
        long cohort = data.cohort();
        Person me = data.personIn(cohort, Role.MEMBER);
        Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        data.signIn(me);
        long post = threads.reply(thread, null, "written before the rename " + word, false, false);
        indexer.catchUp();

        String newName = "Renamed" + word;
        members.updateProfile(me.id(), draft(newName, "", "", null, ""));
        indexer.catchUp();

        data.signIn(peer);
        assertThat(search.search("author:" + newName + " " + word, 20)).extracting(SearchHit::id).containsExactly(post);
        assertThat(search.search("author:" + me.name() + " " + word, 20)).isEmpty();
    }
}
