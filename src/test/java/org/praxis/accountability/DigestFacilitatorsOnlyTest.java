package org.praxis.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator's answer to a member's facilitators-only post is theirs to read in the thread, so
 * it is in their digest too; a peer who posted in the same thread never hears of it.
 */
class DigestFacilitatorsOnlyTest extends IntegrationTest {

    @Autowired
    DigestService digests;
    @Autowired
    ThreadService threads;

    @Test
    void the_member_who_asked_the_facilitators_sees_their_answer_in_the_digest_and_a_peer_does_not() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person asker = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String title = data.db().select(org.praxis.jooq.Tables.THREAD.TITLE).from(org.praxis.jooq.Tables.THREAD)
                .where(org.praxis.jooq.Tables.THREAD.ID.eq(thread)).fetchSingle(org.praxis.jooq.Tables.THREAD.TITLE);
        OffsetDateTime since = OffsetDateTime.now().minusMinutes(5);
        data.signIn(peer);
        threads.reply(thread, null, "An open thought for everyone.", false, false);
        data.signIn(asker);
        long question = threads.reply(thread, null, "Something I only tell the facilitators.", true, false);
        data.signIn(facilitator);
        threads.reply(thread, question, "Thank you for telling us; let us talk.", false, false);
        OffsetDateTime now = OffsetDateTime.now().plusMinutes(1);

        // the asker: the facilitator's answer (the peer's open post too)
        assertThat(digests.compose(asker.id(), since, now, ZoneOffset.UTC).replies()).containsExactly(title + ": 2 new");
        // the peer: the asker's question and the answer are neither counted nor named
        assertThat(digests.compose(peer.id(), since, now, ZoneOffset.UTC).replies()).isEmpty();
        // the facilitator sees everything, as in the thread
        assertThat(digests.compose(facilitator.id(), since, now, ZoneOffset.UTC).replies()).containsExactly(title + ": 2 new");
    }
}
