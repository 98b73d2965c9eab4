package org.praxis.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.DIGEST_SENT;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;
import static org.praxis.jooq.Tables.MEMBER;

import com.vaadin.flow.shared.Registration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.PraxisApplication;
import org.praxis.accountability.DigestService;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadEvents;
import org.praxis.conversation.ThreadService;
import org.praxis.notification.NotificationEvents;
import org.praxis.search.Indexer;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app nodes on one PostgreSQL: the test's own application is node A, and a second Praxis
 * (node B, its own index folder and port) is started on A's database. What one node writes, the
 * other's readers hear of and find; scheduled work claimed in PostgreSQL runs once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesTest.class);

    @Autowired
    DatabaseStatus status;
    @Autowired
    DatabaseProperties properties;
    @Autowired
    ThreadService threadsOnA;
    @Autowired
    DigestService digestsOnA;
    @Autowired
    ClusterEvents eventsOnA;
    @Autowired
    PlatformTransactionManager transactions;

    ConfigurableApplicationContext nodeB;

    @BeforeAll
    void startNodeB(@TempDir Path folder) throws InterruptedException {
        String url = status.server() != null ? status.server().jdbcUrl() : properties.url();
        String user = status.server() != null ? "postgres" : properties.user();
        String password = status.server() != null ? "postgres" : properties.password();
        nodeB = new SpringApplicationBuilder(PraxisApplication.class).profiles("test")
                .run("--praxis.db.url=" + url, "--praxis.db.user=" + user, "--praxis.db.password=" + password,
                        "--praxis.search.index-dir=" + folder.resolve("index-b"), "--server.port=0",
                        "--vaadin.productionMode=true", "--spring.main.banner-mode=off");
        // B's index starts empty and is built from the shared database first
        Indexer indexer = nodeB.getBean(Indexer.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (indexer.rebuilding() || !nodeB.getBean(ClusterEvents.class).listening() || !eventsOnA.listening()) {
            assertThat(System.nanoTime()).as("node B is ready").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void a_reply_on_node_a_reaches_the_open_pages_and_the_search_of_node_b() throws Exception {
        long cohort = data.cohort();
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        TestData.Person writer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(reader);
        long question = threadsOnA.reply(thread, null, "Who reviews our intake form?", false, false);

        // node B: the reader has the thread open and sees the bell
        AtomicLong threadHeard = new AtomicLong();
        AtomicLong bellHeard = new AtomicLong();
        CountDownLatch both = new CountDownLatch(2);
        List<Registration> listening = new ArrayList<>();
        listening.add(nodeB.getBean(ThreadEvents.class).listen(thread, e -> {
            // the event of the question itself may still be on its way
            if (e.postId() != question && threadHeard.compareAndSet(0, System.nanoTime())) {
                both.countDown();
            }
        }));
        listening.add(nodeB.getBean(NotificationEvents.class).listen(reader.id(), () -> {
            if (bellHeard.compareAndSet(0, System.nanoTime())) {
                both.countDown();
            }
        }));
        try {
            String word = TestData.unique("interpretersreview").replaceAll("[^a-z]", "");
            data.signIn(writer);
            long start = System.nanoTime();
            long answer = threadsOnA.reply(thread, question, "The " + word + " group does, every spring.", false, false);

            assertThat(both.await(3, TimeUnit.SECONDS)).as("node B heard of the reply and of the notice").isTrue();
            // what B's page shows is counted from the rows, with the reader's rights
            assertThat(nodeB.getBean(ThreadService.class).newPostsSince(thread, question, reader.id())).isEqualTo(1);

            SearchService searchOnB = nodeB.getBean(SearchService.class);
            data.signIn(reader);
            long found = 0;
            long deadline = start + TimeUnit.SECONDS.toNanos(3);
            while (found == 0) {
                if (searchOnB.search(word, 10).stream().anyMatch(h -> h.type().equals("post") && h.id() == answer)) {
                    found = System.nanoTime();
                } else {
                    assertThat(System.nanoTime()).as("node B's search finds the reply").isLessThan(deadline);
                    Thread.sleep(10);
                }
            }
            log.info("Two nodes: reply on A → thread event on B {} ms, notice on B {} ms, found by search on B {} ms",
                    ms(threadHeard.get() - start), ms(bellHeard.get() - start), ms(found - start));
        } finally {
            listening.forEach(Registration::remove);
        }
    }

    @Test
    void a_node_that_lost_its_listening_connection_reads_again_what_it_missed() throws Exception {
        long cohort = data.cohort();
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        TestData.Person writer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        ClusterEvents eventsOnB = nodeB.getBean(ClusterEvents.class);
        long connectionsBefore = eventsOnB.connections();
        CountDownLatch heard = new CountDownLatch(1);
        List<ThreadEvents.NewPost> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        Registration r = nodeB.getBean(ThreadEvents.class).listen(thread, e -> {
            got.add(e);
            heard.countDown();
        });
        try {
            // cut B's listening connection, and write on A before B is back
            data.db().execute("select pg_terminate_backend(" + eventsOnB.listenerBackendPid() + ")");
            data.signIn(writer);
            threadsOnA.reply(thread, null, "Written while node B could not hear.", false, false);

            assertThat(heard.await(10, TimeUnit.SECONDS)).as("node B tells its pages to read again").isTrue();
            assertThat(eventsOnB.connections()).isGreaterThan(connectionsBefore);
            assertThat(eventsOnB.listening()).isTrue();
            // whatever the event said, the page's count from the rows is right
            assertThat(nodeB.getBean(ThreadService.class).newPostsSince(thread, 0, reader.id())).isEqualTo(1);
        } finally {
            r.remove();
        }
    }

    @Test
    void a_rolled_back_reply_is_heard_of_on_no_node() throws Exception {
        long cohort = data.cohort();
        TestData.Person writer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        CountDownLatch heard = new CountDownLatch(1);
        Registration r = nodeB.getBean(ThreadEvents.class).listen(thread, e -> heard.countDown());
        try {
            data.signIn(writer);
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                threadsOnA.reply(thread, null, "Taken back before it was committed.", false, false);
                tx.setRollbackOnly();
            });
            assertThat(heard.await(1500, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            r.remove();
        }
    }

    @Test
    void both_nodes_sending_digests_at_once_send_each_person_one() throws Exception {
        long cohort = data.cohort();
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(reader);
        threadsOnA.reply(thread, null, "Where do we start?", false, false);
        data.signIn(peer);
        threadsOnA.reply(thread, null, "With the intake form.", false, false);
        SecurityContextHolder.clearContext();

        // only the reader is due: everyone else in the shared test database is left out, and put back after
        Map<String, List<Long>> others = data.db().select(MEMBER.ID, MEMBER.DIGEST).from(MEMBER)
                .where(MEMBER.ID.ne(reader.id())).and(MEMBER.DIGEST.ne("OFF")).fetchGroups(MEMBER.DIGEST, MEMBER.ID);
        others.values().forEach(ids -> data.db().update(MEMBER).set(MEMBER.DIGEST, "OFF").where(MEMBER.ID.in(ids)).execute());
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            DigestService digestsOnB = nodeB.getBean(DigestService.class);
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Integer>> runs = List.of(() -> {
                go.await();
                return digestsOnA.sendDue();
            }, () -> {
                go.await();
                return digestsOnB.sendDue();
            });
            List<Future<Integer>> results = new ArrayList<>();
            runs.forEach(run -> results.add(two.submit(run)));
            go.countDown();
            int sent = 0;
            for (Future<Integer> result : results) {
                sent += result.get(30, TimeUnit.SECONDS);
            }
            assertThat(sent).isEqualTo(1);
            assertThat(data.db().fetchCount(DIGEST_SENT, DIGEST_SENT.MEMBER_ID.eq(reader.id()))).isEqualTo(1);
            assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(reader.email()))).isEqualTo(1);
        } finally {
            two.shutdownNow();
            others.forEach((digest, ids) -> data.db().update(MEMBER).set(MEMBER.DIGEST, digest).where(MEMBER.ID.in(ids)).execute());
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
