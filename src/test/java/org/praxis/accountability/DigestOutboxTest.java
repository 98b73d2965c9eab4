package org.praxis.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.DIGEST_SENT;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;
import static org.praxis.jooq.Tables.MEMBER;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** A digest's period is claimed and its mail queued in one transaction: both, or neither. */
class DigestOutboxTest extends IntegrationTest {

    @Autowired
    DigestService digests;
    @Autowired
    ThreadService threads;

    @Test
    void a_digest_that_cannot_be_queued_leaves_its_period_unclaimed_and_goes_at_the_next_run() {
        long cohort = data.cohort();
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(reader);
        threads.reply(thread, null, "Where do we start?", false, false);
        data.signIn(peer);
        threads.reply(thread, null, "With the intake form.", false, false);
        // an address the outbox refuses: queuing the digest fails after its period was claimed
        String unmailable = TestData.unique("no-at-sign");
        data.db().update(MEMBER).set(MEMBER.EMAIL, unmailable).where(MEMBER.ID.eq(reader.id())).execute();

        // only the reader is due: everyone else in the shared test database is left out, and put back after
        Map<String, List<Long>> others = data.db().select(MEMBER.ID, MEMBER.DIGEST).from(MEMBER)
                .where(MEMBER.ID.ne(reader.id())).and(MEMBER.DIGEST.ne("OFF")).fetchGroups(MEMBER.DIGEST, MEMBER.ID);
        others.values().forEach(ids -> data.db().update(MEMBER).set(MEMBER.DIGEST, "OFF").where(MEMBER.ID.in(ids)).execute());
        try {
            assertThat(digests.sendDue()).isZero();
            assertThat(data.db().fetchCount(DIGEST_SENT, DIGEST_SENT.MEMBER_ID.eq(reader.id()))).isZero();
            assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(unmailable))).isZero();

            data.db().update(MEMBER).set(MEMBER.EMAIL, reader.email()).where(MEMBER.ID.eq(reader.id())).execute();
            assertThat(digests.sendDue()).isEqualTo(1);
            assertThat(digests.sendDue()).isZero();
            assertThat(data.db().fetchCount(DIGEST_SENT, DIGEST_SENT.MEMBER_ID.eq(reader.id()))).isEqualTo(1);
            assertThat(data.db().select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.STATUS, MAIL_OUTBOX.BODY).from(MAIL_OUTBOX)
                    .where(MAIL_OUTBOX.RECIPIENT.eq(reader.email())).fetch())
                    .singleElement().satisfies(r -> {
                        assertThat(r.value2()).isEqualTo("PENDING");
                        assertThat(r.value3()).contains("1 new");
                    });
        } finally {
            others.forEach((digest, ids) -> data.db().update(MEMBER).set(MEMBER.DIGEST, digest).where(MEMBER.ID.in(ids)).execute());
        }
    }
}
