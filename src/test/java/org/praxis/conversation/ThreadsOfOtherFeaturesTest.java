package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AGREEMENT_ACK;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX;
import static org.praxis.jooq.Tables.THREAD;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.session.PromptDraft;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * What the conversation feature does to threads and agreements on behalf of the features that
 * own what they are about (a session's prompt, a shared commitment, joining by invitation): each
 * checks rights again, from the side of the one who must be refused.
 */
class ThreadsOfOtherFeaturesTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    SessionService sessions;
    @Autowired
    AgreementService agreements;

    long cohort;
    TestData.Person facilitator;
    TestData.Person member;
    TestData.Person peer;

    @BeforeEach
    void cohort() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
    }

    @Test
    void only_a_facilitator_of_the_cohort_opens_or_renames_a_prompts_thread() {
        data.signIn(facilitator);
        SessionDraft s = new SessionDraft();
        s.setTitle("Budgets");
        s.setStartsAt(LocalDateTime.of(2027, 5, 6, 9, 0));
        s.setEndsAt(LocalDateTime.of(2027, 5, 6, 10, 0));
        long session = sessions.create(cohort, s);
        PromptDraft p = new PromptDraft();
        p.setQuestion("Where does the money go?");
        long prompt = sessions.addPrompt(session, p);
        TestData.Person otherFacilitator = data.personIn(data.cohort(), Role.FACILITATOR);

        for (TestData.Person refused : new TestData.Person[] {member, otherFacilitator}) {
            data.signIn(refused);
            assertThatThrownBy(() -> threads.openForPrompt(cohort, session, prompt, "Another thread"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> threads.renameForPrompt(prompt, "Renamed by someone else"))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(data.db().select(THREAD.TITLE).from(THREAD).where(THREAD.PROMPT_ID.eq(prompt)).fetch(THREAD.TITLE))
                .containsExactly("Where does the money go?");
    }

    @Test
    void a_thread_is_removed_by_who_opened_it_or_a_facilitator_and_leaves_search_with_its_posts() {
        data.signIn(member);
        long review = threads.openForReview(cohort, "My commitment");
        data.signIn(peer);
        long reply = threads.reply(review, null, "I will help with that.", false, false);
        TestData.Person stranger = data.personIn(data.cohort(), Role.FACILITATOR);

        assertThatThrownBy(() -> threads.remove(review)).isInstanceOf(AccessDeniedException.class);
        data.signIn(stranger);
        assertThatThrownBy(() -> threads.remove(review)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.db().fetchExists(THREAD, THREAD.ID.eq(review))).isTrue();

        data.signIn(member);
        threads.remove(review);
        assertThat(data.db().fetchExists(THREAD, THREAD.ID.eq(review))).isFalse();
        assertThat(deletes("THREAD", review)).isEqualTo(1);
        assertThat(deletes("POST", reply)).isEqualTo(1);

        data.signIn(peer);
        long commons = threads.openForReview(cohort, "Another one");
        data.signIn(facilitator);
        threads.remove(commons);
        assertThat(data.db().fetchExists(THREAD, THREAD.ID.eq(commons))).isFalse();
    }

    @Test
    void an_acknowledgement_on_joining_is_refused_for_someone_outside_the_cohort() {
        data.signIn(facilitator);
        long agreement = agreements.publish(cohort, "We keep what is said here.").id();
        TestData.Person outsider = data.personIn(data.cohort(), Role.MEMBER);

        assertThatThrownBy(() -> agreements.acknowledgedOnJoining(agreement, outsider.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.db().fetchExists(AGREEMENT_ACK, AGREEMENT_ACK.MEMBER_ID.eq(outsider.id()))).isFalse();
        agreements.acknowledgedOnJoining(agreement, member.id());
        assertThat(data.db().fetchExists(AGREEMENT_ACK, AGREEMENT_ACK.MEMBER_ID.eq(member.id())
                .and(AGREEMENT_ACK.AGREEMENT_ID.eq(agreement)))).isTrue();
    }

    private int deletes(String type, long id) {
        return data.db().fetchCount(SEARCH_OUTBOX, SEARCH_OUTBOX.ENTITY_TYPE.eq(type).and(SEARCH_OUTBOX.ENTITY_ID.eq(id))
                .and(SEARCH_OUTBOX.OPERATION.eq("DELETE")));
    }
}
