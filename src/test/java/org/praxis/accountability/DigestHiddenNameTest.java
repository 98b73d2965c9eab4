package org.praxis.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;

/** The digest a peer gets of a thread where someone wrote with their name hidden, and mentioned them. */
class DigestHiddenNameTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    DigestService digests;
    @Autowired
    org.praxis.base.mail.MailWorker mailWorker;
    @Autowired
    ThreadService threads;

    @Test
    void a_peers_digest_counts_the_reply_and_the_mention_without_naming_who_wrote_it() throws Exception {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort, null, true);
        data.signIn(peer);
        threads.reply(thread, null, "Has this happened to anyone else?", false, false);
        data.signIn(author);
        threads.reply(thread, null, "@" + peer.name() + " yes, at our clinic, last spring.", false, true);

        // only the peer is due: everyone else in the shared test database is left out, and put back after
        java.util.Map<String, List<Long>> others = data.db().select(MEMBER.ID, MEMBER.DIGEST).from(MEMBER)
                .where(MEMBER.ID.ne(peer.id())).and(MEMBER.DIGEST.ne("OFF")).fetchGroups(MEMBER.DIGEST, MEMBER.ID);
        others.values().forEach(ids -> data.db().update(MEMBER).set(MEMBER.DIGEST, "OFF").where(MEMBER.ID.in(ids)).execute());
        try {
            assertThat(digests.sendDue()).isEqualTo(1);
            mailWorker.deliverDue();
            // (mail other tests queued arrives here too: only the peer's counts)
            var received = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(peer.email());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(received).hasSize(1);
            String body = GreenMailUtil.getBody(received.get(0)).replace("=\r\n", "");
            String title = data.db().select(org.praxis.jooq.Tables.THREAD.TITLE).from(org.praxis.jooq.Tables.THREAD)
                    .where(org.praxis.jooq.Tables.THREAD.ID.eq(thread)).fetchSingle(org.praxis.jooq.Tables.THREAD.TITLE);
            assertThat(body).contains(title + ": 1 new", "You were mentioned").doesNotContain(author.name())
                    .doesNotContain(author.email());
        } finally {
            others.forEach((digest, ids) -> data.db().update(MEMBER).set(MEMBER.DIGEST, digest).where(MEMBER.ID.in(ids)).execute());
        }
    }
}
