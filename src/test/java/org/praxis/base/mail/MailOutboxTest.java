package org.praxis.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.MAIL_ATTEMPT;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real PostgreSQL and a real SMTP server (GreenMail on a port of this test's
 * own, started and stopped to stand for an outage). Workers are made here with a clock the test
 * moves, as the app's own would run on each node. Other tests' queued mail shares the database
 * and goes to this server too; every assertion counts only this test's own messages.
 */
class MailOutboxTest extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    MailOutbox outbox;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AuditService audit;

    int port;
    GreenMail smtp;
    MovableClock clock;

    @BeforeEach
    void anSmtpPortThatIsDownForNow() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        clock = new MovableClock(Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private MailWorker worker(int batchSize) {
        return new MailWorker(db, transactions, new MailProperties("127.0.0.1", port, null, null, false,
                "praxis@test.example", "http://praxis.test/",
                new MailProperties.Outbox(null, null, null, batchSize, null, null, false)), clock);
    }

    private MailWorker worker() {
        return worker(10);
    }

    /** Queues a message in a transaction of its own, as a service would; returns its row id. */
    private long queue(String to, String subject) {
        assertThat(mailer.send(to, subject, "Dear reader,\n\nThe body of " + subject + ".\n")).isTrue();
        return db.select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX).where(MAIL_OUTBOX.SUBJECT.eq(subject)).fetchSingle(MAIL_OUTBOX.ID);
    }

    private List<MimeMessage> received(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String status(long id) {
        return db.select(MAIL_OUTBOX.STATUS).from(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).fetchSingle(MAIL_OUTBOX.STATUS);
    }

    private record Try(int attempt, OffsetDateTime at, String outcome, String error) {
    }

    private List<Try> tries(long id) {
        return db.select(MAIL_ATTEMPT.ATTEMPT, MAIL_ATTEMPT.STARTED_AT, MAIL_ATTEMPT.OUTCOME, MAIL_ATTEMPT.ERROR)
                .from(MAIL_ATTEMPT).where(MAIL_ATTEMPT.MAIL_ID.eq(id)).orderBy(MAIL_ATTEMPT.ID)
                .fetch(r -> new Try(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private OffsetDateTime at(Duration sinceStart) {
        return OffsetDateTime.ofInstant(clock.start.plus(sinceStart), ZoneOffset.UTC);
    }

    @Test
    void a_message_queued_in_a_transaction_that_rolls_back_is_never_queued_and_one_that_commits_waits_untried() {
        String rolledBack = TestData.unique("Rolled back");
        String committed = TestData.unique("Committed");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            assertThat(mailer.send("someone@example.org", rolledBack, "Never to be read")).isTrue();
            tx.setRollbackOnly();
        });
        long id = queue("someone@example.org", committed);

        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.SUBJECT.eq(rolledBack))).isZero();
        // the caller did not wait for SMTP: the message is queued, and nobody has tried it yet
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(tries(id)).isEmpty();

        smtp.start();
        worker().deliverDue();
        assertThat(received(rolledBack)).isEmpty();
        assertThat(received(committed)).hasSize(1);
    }

    @Test
    void with_the_smtp_server_down_for_an_hour_nothing_is_lost_nothing_goes_twice_and_every_try_waits_its_turn()
            throws Exception {
        List<String> subjects = List.of(TestData.unique("Outage A"), TestData.unique("Outage B"), TestData.unique("Outage C"));
        List<Long> ids = subjects.stream().map(s -> queue("reader@example.org", s)).toList();
        MailWorker node = worker();

        node.deliverDue();
        clock.set(Duration.ofSeconds(59));
        node.deliverDue();
        for (long id : ids) {
            assertThat(tries(id)).extracting(Try::outcome).containsExactly("FAILED");
        }
        clock.set(Duration.ofMinutes(1));
        node.deliverDue();
        clock.set(Duration.ofMinutes(6));
        node.deliverDue();
        clock.set(Duration.ofMinutes(36));
        node.deliverDue();
        // the server is back an hour after it went; the next try is not due before 2 h 36 min
        smtp.start();
        clock.set(Duration.ofMinutes(60));
        node.deliverDue();
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("PENDING"));

        // the node restarted meanwhile: a fresh worker carries on from the database
        MailWorker restarted = worker();
        clock.set(Duration.ofMinutes(156));
        restarted.deliverDue();
        clock.set(Duration.ofHours(20));
        restarted.deliverDue();
        node.deliverDue();

        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            assertThat(received(subjects.get(i))).as(subjects.get(i)).hasSize(1);
            assertThat(status(id)).isEqualTo("SENT");
            List<Try> tries = tries(id);
            assertThat(tries).extracting(Try::attempt).containsExactly(1, 2, 3, 4, 5);
            assertThat(tries).extracting(Try::outcome).containsExactly("FAILED", "FAILED", "FAILED", "FAILED", "SENT");
            assertThat(tries).extracting(t -> t.at().toInstant()).containsExactly(at(Duration.ZERO).toInstant(),
                    at(Duration.ofMinutes(1)).toInstant(), at(Duration.ofMinutes(6)).toInstant(),
                    at(Duration.ofMinutes(36)).toInstant(), at(Duration.ofMinutes(156)).toInstant());
            assertThat(tries.subList(0, 4)).allSatisfy(t -> assertThat(t.error())
                    .contains("connect").hasSizeLessThanOrEqualTo(MailWorker.ERROR_MAX).doesNotContain("\n"));
            assertThat(tries.get(4).error()).isNull();
        }
        // what was sent keeps no body: an invitation's link does not linger in the database
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ID.in(ids).and(MAIL_OUTBOX.BODY.isNotNull()))).isZero();
        MimeMessage first = received(subjects.get(0)).get(0);
        assertThat(GreenMailUtil.getBody(first)).contains("The body of " + subjects.get(0));
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(first.getFrom()[0].toString()).isEqualTo("praxis@test.example");
        assertThat(first.getMessageID()).matches("<praxis\\." + ids.get(0) + "\\.\\d+@praxis\\.test>");
    }

    @Test
    void after_the_last_try_a_message_is_failed_shown_to_admins_and_sent_once_when_an_admin_sends_it_again() {
        String subject = TestData.unique("Never through");
        long id = queue("patient@example.org", subject);
        MailWorker node = worker();
        for (Duration at : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(6), Duration.ofMinutes(36),
                Duration.ofMinutes(156), Duration.ofMinutes(876))) {
            clock.set(at);
            node.deliverDue();
        }
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(tries(id)).hasSize(6).extracting(Try::outcome).containsOnly("FAILED");
        clock.set(Duration.ofDays(3));
        node.deliverDue();
        assertThat(tries(id)).hasSize(6);

        TestData.Person facilitator = data.person(Role.FACILITATOR);
        data.signIn(facilitator);
        assertThatThrownBy(() -> outbox.undelivered()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> outbox.sendAgain(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(status(id)).isEqualTo("FAILED");

        TestData.Person admin = data.person(Role.ADMIN);
        data.signIn(admin);
        assertThat(outbox.undelivered()).filteredOn(m -> m.id() == id).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(QueuedMail.Status.FAILED);
            assertThat(m.recipient()).isEqualTo("patient@example.org");
            assertThat(m.subject()).isEqualTo(subject);
            assertThat(m.tries()).isEqualTo(6);
            assertThat(m.lastError()).contains("connect");
            assertThat(m.interrupted()).isFalse();
        });
        assertThat(outbox.sendAgain(id)).isTrue();
        assertThat(outbox.sendAgain(id)).as("only a failed message is sent again").isFalse();
        assertThat(audit.latestWithAction("mail.send-again", 5)).anySatisfy(e -> {
            assertThat(e.actorId()).isEqualTo(admin.id());
            assertThat(e.targetId()).isEqualTo(id);
        });

        smtp.start();
        node.deliverDue();
        node.deliverDue();
        assertThat(received(subject)).hasSize(1);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(tries(id)).hasSize(7).last().extracting(Try::outcome).isEqualTo("SENT");
        assertThat(outbox.undelivered()).noneMatch(m -> m.id() == id);
    }

    @Test
    void two_workers_racing_on_the_same_rows_send_each_message_exactly_once() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            subjects.add(TestData.unique("Race " + i));
        }
        List<Long> ids = subjects.stream().map(s -> queue("cohort@example.org", s)).toList();
        smtp.start();
        MailWorker one = worker(3);
        MailWorker other = worker(3);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = nodes.submit(() -> {
                go.await();
                return one.deliverDue();
            });
            Future<Integer> b = nodes.submit(() -> {
                go.await();
                return other.deliverDue();
            });
            go.countDown();
            assertThat(a.get(2, TimeUnit.MINUTES) + b.get(2, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(40);
        } finally {
            nodes.shutdownNow();
        }
        for (String subject : subjects) {
            assertThat(received(subject)).as(subject).hasSize(1);
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(status(id)).isEqualTo("SENT");
            assertThat(tries(id)).extracting(Try::outcome).containsExactly("SENT");
        });
    }

    @Test
    void a_node_that_dies_between_its_claim_and_sending_leaves_the_message_to_another_once_its_lease_is_over() {
        String subject = TestData.unique("Orphaned");
        long id = queue("reader@example.org", subject);
        smtp.start();
        // this node claims everything due, and dies before it sends any of it
        List<MailWorker.Claimed> claimed = worker(100_000).claim();
        assertThat(claimed).anySatisfy(c -> assertThat(c.id()).isEqualTo(id));
        assertThat(status(id)).isEqualTo("SENDING");

        MailWorker survivor = worker();
        clock.set(Duration.ofMinutes(9));
        survivor.deliverDue();
        assertThat(received(subject)).as("held by the lease").isEmpty();
        clock.set(Duration.ofMinutes(10));
        survivor.deliverDue();

        assertThat(received(subject)).hasSize(1);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(tries(id)).extracting(Try::attempt, Try::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "INTERRUPTED"), org.assertj.core.groups.Tuple.tuple(2, "SENT"));
    }

    /**
     * The one window where a message can go twice, kept as small as it can be: the SMTP server
     * accepted it, and the node died before it committed SENT. The copy carries the same
     * Message-ID, so a mail program can recognise it.
     */
    @Test
    void a_node_that_dies_after_the_server_accepted_and_before_it_marked_sent_leads_to_a_second_copy_with_the_same_message_id()
            throws Exception {
        String subject = TestData.unique("Accepted then crashed");
        long id = queue("reader@example.org", subject);
        smtp.start();
        MailWorker dying = worker(100_000);
        MailWorker.Claimed mine = dying.claim().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        dying.transmit(mine);
        assertThat(received(subject)).hasSize(1);

        clock.set(Duration.ofMinutes(10));
        worker().deliverDue();

        List<MimeMessage> copies = received(subject);
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1).getMessageID()).isEqualTo(copies.get(0).getMessageID());
        assertThat(tries(id)).extracting(Try::outcome).containsExactly("INTERRUPTED", "SENT");
    }

    @Test
    void sent_and_failed_mail_goes_after_the_retention_and_mail_still_waiting_never() {
        OffsetDateTime now = OffsetDateTime.now();
        long oldSent = row("SENT", now.minusDays(31));
        long oldFailed = row("FAILED", now.minusDays(31));
        long recentSent = row("SENT", now.minusDays(29));
        long oldPending = row("PENDING", now.minusDays(60));

        outbox.prune();

        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ID.in(oldSent, oldFailed))).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ID.in(recentSent, oldPending))).isEqualTo(2);
    }

    private long row(String status, OffsetDateTime at) {
        return db.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT, "old@example.org")
                .set(MAIL_OUTBOX.SUBJECT, TestData.unique("Old")).set(MAIL_OUTBOX.STATUS, status)
                .set(MAIL_OUTBOX.BODY, "SENT".equals(status) ? null : "body")
                .set(MAIL_OUTBOX.CREATED_AT, at).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, at.plusYears(100))
                .set(MAIL_OUTBOX.SENT_AT, "SENT".equals(status) ? at : null)
                .set(MAIL_OUTBOX.FAILED_AT, "FAILED".equals(status) ? at : null)
                .returning(MAIL_OUTBOX.ID).fetchOne(MAIL_OUTBOX.ID);
    }

    @Test
    void deleting_an_account_deletes_the_mail_to_its_address_and_no_other() {
        TestData.Person leaving = data.person(Role.MEMBER);
        long theirs = queue(leaving.email().toUpperCase(), TestData.unique("To the leaver"));
        long others = queue("someone-else@example.org", TestData.unique("To another"));

        outbox.erase(leaving.id(), true);

        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(theirs))).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ID.eq(others))).isEqualTo(1);
    }

    @Test
    void an_address_that_could_never_be_mailed_or_would_add_a_header_is_refused_and_rolls_the_caller_back() {
        for (String bad : List.of("no-at-sign", "@example.org", "someone@", "two@example.org, three@example.org",
                "someone@example.org\r\nBcc: everyone@example.org")) {
            String subject = TestData.unique("Refused");
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                mailer.send("fine@example.org", subject, "first");
                mailer.send(bad, subject, "second");
            })).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.SUBJECT.eq(subject))).isZero();
        }
    }

    @Test
    void an_smtp_error_is_kept_on_one_short_line() {
        RuntimeException e = new RuntimeException("550 5.1.1 mailbox\r\nunavailable " + "x".repeat(2000),
                new IllegalStateException("nested cause"));
        String line = MailWorker.describe(e);
        assertThat(line).startsWith("550 5.1.1 mailbox unavailable x").hasSize(MailWorker.ERROR_MAX).endsWith("…")
                .doesNotContain("\r").doesNotContain("\n");
    }

    /** A clock the test moves: {@link #set} puts it that long after the test's start. */
    static final class MovableClock extends Clock {

        final Instant start;
        private volatile Instant now;

        MovableClock(Instant start) {
            this.start = start;
            this.now = start;
        }

        void set(Duration sinceStart) {
            now = start.plus(sinceStart);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
