package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.POST;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.member.MemberService;
import org.praxis.member.PersonalDataService;
import org.praxis.member.ProfileDraft;
import org.praxis.notification.NotificationItem;
import org.praxis.notification.NotificationService;
import org.praxis.search.Indexer;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchQuery;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mentions from the service side: stored by id, shown by the current name, resolved from what
 * was typed, notified only to who may read the post, and the writer told before posting.
 */
class MentionsServiceTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    NotificationService notifications;
    @Autowired
    MemberService members;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    Indexer indexer;
    @Autowired
    SearchService search;

    long cohort;
    long thread;
    TestData.Person writer;
    TestData.Person leah;
    TestData.Person leahMoss;
    TestData.Person tom;
    TestData.Person facilitator;

    @BeforeEach
    void aCohortWithTwoLeahsAndOneTom() {
        cohort = data.cohort();
        writer = named(data.personIn(cohort, Role.MEMBER), "Aisha Mohamed");
        leah = named(data.personIn(cohort, Role.MEMBER), "Leah Jim");
        leahMoss = named(data.personIn(cohort, Role.MEMBER), "Leah Moss");
        tom = named(data.personIn(cohort, Role.MEMBER), "Tom Nakamura");
        facilitator = named(data.personIn(cohort, Role.FACILITATOR), "Marisol Reyes-Tanaka");
        thread = data.thread(cohort, null, true);
    }

    private TestData.Person named(TestData.Person p, String name) {
        data.db().update(MEMBER).set(MEMBER.DISPLAY_NAME, name).where(MEMBER.ID.eq(p.id())).execute();
        return new TestData.Person(p.id(), p.email(), name, p.role());
    }

    private long post(String text) {
        data.signIn(writer);
        return threads.reply(thread, null, text, false, false);
    }

    private String stored(long postId) {
        return data.db().select(POST.BODY_MARKDOWN).from(POST).where(POST.ID.eq(postId)).fetchSingle(POST.BODY_MARKDOWN);
    }

    private PostItem seenBy(TestData.Person who, long postId) {
        data.signIn(who);
        return threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts().stream().filter(p -> p.id() == postId)
                .findFirst().orElseThrow();
    }

    private List<NotificationItem> mentionsOf(TestData.Person who, long postId) {
        data.signIn(who);
        return notifications.latest(50).stream()
                .filter(n -> NotificationService.MENTION.equals(n.kind()) && Long.valueOf(postId).equals(n.postId()))
                .toList();
    }

    @Test
    void a_typed_full_name_is_stored_as_the_persons_id_shown_highlighted_and_notified() {
        long id = post("Thank you @Leah Jim for the intake data.");

        assertThat(stored(id)).isEqualTo("Thank you @[" + leah.id() + "] for the intake data.");
        PostItem seen = seenBy(tom, id);
        assertThat(seen.html()).contains("<span class=\"praxis-mention\">@Leah Jim</span>");
        assertThat(seen.markdown()).isEqualTo("Thank you @Leah Jim for the intake data.");
        assertThat(mentionsOf(leah, id)).hasSize(1).first().extracting(NotificationItem::actorName)
                .isEqualTo("Aisha Mohamed");
        assertThat(mentionsOf(leahMoss, id)).isEmpty();
    }

    @Test
    void a_renamed_person_is_shown_by_the_new_name_in_the_post_and_in_its_history() {
        long id = post("Ask @Leah Jim about it.");
        data.signIn(writer);
        threads.edit(id, "Ask @Leah Jim about it, she knows.");
        named(leah, "Leah Jim-Castro");

        PostItem seen = seenBy(tom, id);
        assertThat(seen.html()).contains("@Leah Jim-Castro</span>");
        data.signIn(tom);
        assertThat(threads.revisions(id)).extracting(Revision::markdown).containsExactly("Ask @Leah Jim-Castro about it.");
    }

    @Test
    void a_deleted_account_and_a_person_of_another_cohort_are_shown_as_a_former_member_and_never_notified() {
        TestData.Person stranger = named(data.personIn(data.cohort(), Role.MEMBER), "Stranger Secretname");
        data.signIn(writer);
        MentionCheck check = threads.checkMentions(thread, null, "Hi @[" + stranger.id() + "]", false);
        assertThat(check.notInCohort()).isEqualTo(1);
        assertThat(check.cannotRead()).isEmpty();
        assertThat(check.toString()).doesNotContain("Secretname");

        long id = post("Hi @[" + stranger.id() + "] and @Leah Jim");
        assertThat(mentionsOf(stranger, id)).isEmpty();
        data.signIn(data.person(Role.ADMIN));
        personalData.erase(leah.id(), true);

        PostItem seen = seenBy(tom, id);
        assertThat(seen.html()).contains("<span class=\"praxis-mention\">@A former member</span> and "
                + "<span class=\"praxis-mention\">@A former member</span>").doesNotContain("Secretname")
                .doesNotContain("Leah Jim");
    }

    @Test
    void a_member_mentioned_in_a_reply_to_the_facilitators_is_not_notified_and_the_writer_is_told_first() {
        data.signIn(writer);
        MentionCheck check = threads.checkMentions(thread, null, "@Leah Jim and @Marisol Reyes-Tanaka, privately",
                true);
        assertThat(check.cannotRead()).containsExactly("Leah Jim");
        assertThat(check.clear()).isFalse();
        assertThat(threads.checkMentions(thread, null, "@Leah Jim and @Marisol Reyes-Tanaka", false).clear()).isTrue();

        long id = threads.reply(thread, null, "@Leah Jim and @Marisol Reyes-Tanaka, privately", true, false);
        assertThat(mentionsOf(leah, id)).isEmpty();
        assertThat(mentionsOf(facilitator, id)).hasSize(1);
    }

    @Test
    void an_answer_to_a_members_private_post_reaches_that_member_but_no_other() {
        data.signIn(leah);
        long privately = threads.reply(thread, null, "Something for the facilitators", true, false);
        data.signIn(facilitator);
        MentionCheck check = threads.checkMentions(thread, privately, "@Leah Jim @Tom Nakamura", false);
        assertThat(check.cannotRead()).containsExactly("Tom Nakamura");
        long answer = threads.reply(thread, privately, "@Leah Jim @Tom Nakamura", false, false);
        assertThat(mentionsOf(leah, answer)).hasSize(1);
        assertThat(mentionsOf(tom, answer)).isEmpty();
    }

    @Test
    void a_first_name_that_one_person_has_is_resolved_and_one_that_two_have_is_told_to_the_writer() {
        data.signIn(writer);
        MentionCheck check = threads.checkMentions(thread, null, "@Tom and @Leah, and @Nobody", false);
        assertThat(check.ambiguous()).singleElement().satisfies(a -> {
            assertThat(a.typed()).isEqualTo("Leah");
            assertThat(a.names()).containsExactlyInAnyOrder("Leah Jim", "Leah Moss");
        });
        assertThat(check.unknown()).containsExactly("Nobody");

        long id = post("@tom and @Leah, and @Nobody");
        assertThat(stored(id)).isEqualTo("@[" + tom.id() + "] and @Leah, and @Nobody");
        assertThat(mentionsOf(tom, id)).hasSize(1);
        assertThat(mentionsOf(leah, id)).isEmpty();
        assertThat(mentionsOf(leahMoss, id)).isEmpty();
    }

    @Test
    void a_hidden_name_post_tells_the_mentioned_person_nothing_of_its_author() {
        data.signIn(writer);
        long id = threads.reply(thread, null, "@Leah Jim this happened to me too", false, true);
        assertThat(mentionsOf(leah, id)).singleElement().extracting(NotificationItem::actorName).isNull();
        assertThat(seenBy(leah, id).authorName()).isNull();
    }

    @Test
    void an_edit_notifies_only_the_people_it_mentions_for_the_first_time() {
        long id = post("@Leah Jim what do you think?");
        data.signIn(writer);
        threads.edit(id, "@Leah Jim and @Tom Nakamura, what do you think?");
        assertThat(mentionsOf(leah, id)).hasSize(1);
        assertThat(mentionsOf(tom, id)).hasSize(1);
        data.signIn(writer);
        assertThat(threads.checkEdit(id, "@Leah Jim, @Leah").ambiguous()).hasSize(1);
    }

    @Test
    void search_finds_a_mention_by_the_current_name_also_after_a_rename() throws Exception {
        String word = "zm" + Long.toString(System.nanoTime(), 36);
        long id = post("@Leah Jim shared the " + word + " numbers");
        indexer.catchUp();
        data.signIn(tom);
        assertThat(search.search(SearchQuery.of("Leah " + word)).hits()).extracting(SearchHit::id).contains(id);

        data.signIn(leah);
        ProfileDraft draft = new ProfileDraft();
        draft.setDisplayName("Lia Castrovinci");
        members.updateProfile(leah.id(), draft);
        indexer.catchUp();
        data.signIn(tom);
        assertThat(search.search(SearchQuery.of("Castrovinci " + word)).hits()).extracting(SearchHit::id)
                .containsExactly(id);
    }

    @Test
    void the_suggestions_are_the_cohorts_people_but_the_writer() {
        data.signIn(writer);
        assertThat(threads.mentionable(thread)).extracting(MentionPerson::name)
                .containsExactly("Leah Jim", "Leah Moss", "Marisol Reyes-Tanaka", "Tom Nakamura");
    }
}
