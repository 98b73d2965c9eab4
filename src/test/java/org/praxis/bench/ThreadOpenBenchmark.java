package org.praxis.bench;

import static org.praxis.jooq.Tables.POST;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.praxis.PraxisApplication;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.conversation.ui.ThreadView;
import org.praxis.support.TestData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * How long a thread of 1,000 posts takes to open on the server: the service read (visibility
 * rules, two queries) and the whole view (read plus building the first page of components).
 * Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.praxis.bench.ThreadOpenBenchmark}; results go in docs/benchmarks.md.
 */
public final class ThreadOpenBenchmark {

    private static final int POSTS = 1_000;

    public static void main(String[] args) throws Exception {
        // measure as deployed: development mode records where every component was created
        System.setProperty("vaadin.productionMode", "true");
        int warmup = 50;
        int rounds = Integer.getInteger("bench.rounds", 300);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(PraxisApplication.class)
                .profiles("test").properties("server.port=0", "logging.level.root=warn", "vaadin.productionMode=true").run()) {
            TestData data = new TestData(ctx.getBean(DSLContext.class),
                    ctx.getBean(org.springframework.security.crypto.password.PasswordEncoder.class));
            long cohort = data.cohort();
            List<TestData.Person> people = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                people.add(data.personIn(cohort, i == 0 ? Role.FACILITATOR : Role.MEMBER));
            }
            long[] threads = {data.thread(cohort), data.thread(cohort)};
            for (long thread : threads) {
                seed(ctx.getBean(DSLContext.class), thread, people, new Random(thread));
            }
            TestData.Person reader = people.get(3);

            ThreadService service = ctx.getBean(ThreadService.class);
            data.signIn(reader);
            long[] read = Latencies.time(warmup, rounds, i -> service.read(threads[i % 2], ThreadService.Sort.OLDEST_FIRST));
            Latencies.report("service read of " + POSTS + " posts", read);

            Routes routes = new Routes().autoDiscoverViews("org.praxis");
            MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx, UI::new));
            data.signIn(reader);
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(SecurityContextHolder.getContext().getAuthentication());
            request.setUserInRole((p, role) -> "MEMBER".equals(role));
            // each open ends by writing the response as the server does (Vaadin's UidlWriter); without
            // it the mock UI keeps every change pending and only the garbage collector is measured
            com.vaadin.flow.server.communication.UidlWriter writer = new com.vaadin.flow.server.communication.UidlWriter();
            long[] open = Latencies.time(warmup, rounds, i -> {
                UI.getCurrent().navigate("threads/" + threads[i % 2]);
                MockVaadin.clientRoundtrip();
                writer.createUidl(UI.getCurrent(), false);
            });
            if (Boolean.getBoolean("bench.detail")) {
                for (int i = 0; i < 20; i++) {
                    long t0 = System.nanoTime();
                    UI.getCurrent().navigate("threads/" + threads[i % 2]);
                    System.out.printf("  open %d (thread %d): %.1f ms%n", i, i % 2, (System.nanoTime() - t0) / 1e6);
                }
            }
            if (UI.getCurrent().getChildren().noneMatch(c -> c.getClass().getSimpleName().equals("MainLayout"))
                    && UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream()
                            .noneMatch(ThreadView.class::isInstance)) {
                throw new IllegalStateException("the thread view did not open");
            }
            Latencies.report("open the thread view (read, first 30 posts, response)", open);
            MockVaadin.tearDown();
        }
    }

    private static void seed(DSLContext db, long thread, List<TestData.Person> people, Random random) {
        List<long[]> made = new ArrayList<>(); // {id, depth}
        OffsetDateTime t = OffsetDateTime.now().minusDays(30);
        String body = "We looked at our intake policy through the equity lens. ".repeat(6);
        for (int i = 0; i < POSTS; i++) {
            long[] parent = made.isEmpty() || random.nextDouble() < 0.3 ? null : made.get(random.nextInt(made.size()));
            int depth = parent == null ? 0 : (int) parent[1] + 1;
            long id = db.insertInto(POST)
                    .set(POST.THREAD_ID, thread)
                    .set(POST.PARENT_ID, parent == null ? null : parent[0])
                    .set(POST.DEPTH, depth)
                    .set(POST.AUTHOR_ID, people.get(random.nextInt(people.size())).id())
                    .set(POST.BODY_MARKDOWN, body)
                    .set(POST.BODY_HTML, "<p>" + body + "</p>")
                    .set(POST.FACILITATORS_ONLY, random.nextDouble() < 0.05)
                    .set(POST.CREATED_AT, t.plusMinutes(i))
                    .returning(POST.ID).fetchOne(POST.ID);
            made.add(new long[] {id, depth});
        }
    }
}
