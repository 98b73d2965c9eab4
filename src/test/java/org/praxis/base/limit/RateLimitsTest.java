package org.praxis.base.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_REPORT;
import static org.praxis.jooq.Tables.RATE_LIMIT;
import static org.praxis.jooq.Tables.REACTION;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.db.ClusterLock;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.Role;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ReactionKind;
import org.praxis.conversation.ReactionService;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.Authority;
import org.praxis.joining.InvitationService;
import org.praxis.joining.RepresentationFacts;
import org.praxis.organization.Sector;
import org.praxis.search.SearchQuery;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.LowRateLimits;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Each limit from the side of the one who reaches it: refused with the message, nothing kept, others unaffected. */
@LowRateLimits
class RateLimitsTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;
    @Autowired
    ReactionService reactions;
    @Autowired
    SearchService search;
    @Autowired
    ApplicationService applications;
    @Autowired
    InvitationService invitations;
    @Autowired
    RateLimitProperties properties;
    @Autowired
    org.jooq.DSLContext db;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ClusterLock clusterLock;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    private static void assertLimited(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
        assertThatThrownBy(action).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.problem().key()).isEqualTo("rate-limit.reached");
            assertThat(e.minutes()).isPositive();
        });
    }

    @Test
    void a_member_who_posted_the_limit_is_refused_with_the_message_and_the_post_is_not_kept() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        TestData.Person other = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        for (int i = 0; i < LowRateLimits.POSTS; i++) {
            threads.reply(thread, null, "Post " + i, false, false);
        }

        assertLimited(() -> threads.reply(thread, null, "One too many", false, false));
        assertThat(data.db().fetchCount(POST, POST.AUTHOR_ID.eq(member.id()))).isEqualTo(LowRateLimits.POSTS);

        // the limit is the member's own: a peer still posts
        data.signIn(other);
        threads.reply(thread, null, "My first", false, false);
    }

    @Test
    void a_post_refused_for_its_input_does_not_use_up_the_members_allowance() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        for (int i = 0; i < LowRateLimits.POSTS; i++) {
            assertThatThrownBy(() -> threads.reply(thread, null, " ", false, false))
                    .isInstanceOf(InvalidInputException.class).isNotInstanceOf(RateLimitedException.class);
        }
        for (int i = 0; i < LowRateLimits.POSTS; i++) {
            threads.reply(thread, null, "Post " + i, false, false);
        }
        assertLimited(() -> threads.reply(thread, null, "One too many", false, false));
    }

    @Test
    void a_member_who_reported_the_limit_is_refused_and_no_report_is_kept() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person reporter = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "Something", false, false);
        data.signIn(reporter);
        for (int i = 0; i < LowRateLimits.REPORTS; i++) {
            moderation.report(post, "Concern " + i, false);
        }

        assertLimited(() -> moderation.report(post, "And again", false));
        assertThat(data.db().fetchCount(POST_REPORT, POST_REPORT.REPORTER_ID.eq(reporter.id()))).isEqualTo(LowRateLimits.REPORTS);
    }

    @Test
    void a_member_who_reacted_the_limit_is_refused_and_the_reaction_is_not_kept() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "Something", false, false);
        data.signIn(reader);
        ReactionKind[] kinds = ReactionKind.values();
        for (int i = 0; i < LowRateLimits.REACTIONS; i++) {
            reactions.toggle(post, kinds[i]);
        }

        assertLimited(() -> reactions.toggle(post, kinds[LowRateLimits.REACTIONS]));
        assertThat(data.db().fetchCount(REACTION, REACTION.MEMBER_ID.eq(reader.id()))).isEqualTo(LowRateLimits.REACTIONS);
    }

    @Test
    void a_member_who_searched_the_limit_is_refused() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(member);
        for (int i = 0; i < LowRateLimits.SEARCHES; i++) {
            search.search(SearchQuery.of("policy " + i));
        }

        assertLimited(() -> search.search(SearchQuery.of("author:1 policy")));
    }

    @Test
    void asking_for_new_invitation_links_is_limited_per_address_whatever_the_link() {
        String address = TestData.unique("addr");
        for (int i = 0; i < LowRateLimits.INVITATION_REQUESTS; i++) {
            assertThat(invitations.requestNew(TestData.unique("guessed-token-that-is-long"), address)).isFalse();
        }

        assertLimited(() -> invitations.requestNew(TestData.unique("guessed-token-that-is-long"), address));
        assertThat(invitations.requestNew(TestData.unique("guessed-token-that-is-long"), TestData.unique("addr"))).isFalse();
    }

    private long openCohort() {
        long cohort = data.cohort();
        data.db().update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohort)).execute();
        return cohort;
    }

    private static ApplicationForm form(long cohort, String name, String email, String honeypot) {
        return new ApplicationForm(cohort, name, email, null, "Clinic", Sector.OTHER, "Director", Authority.BOTH,
                "To learn", "Practice", RepresentationFacts.NONE, true, honeypot);
    }

    @Test
    void refused_applications_count_against_the_address_so_probes_run_out() {
        long cohort = openCohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        String prober = TestData.unique("addr");
        // a bad form, a known address and a honeypot: each answered, each counted
        assertThatThrownBy(() -> applications.apply(form(cohort, "", TestData.unique("x") + "@example.org", null), prober))
                .isInstanceOf(InvalidInputException.class);
        assertThat(applications.apply(form(cohort, "Probe", member.email(), null), prober)).isNull();
        assertThat(applications.apply(form(cohort, "Bot", TestData.unique("bot") + "@example.org", "http://spam"), prober))
                .isNull();

        String fresh = TestData.unique("fresh") + "@example.org";
        assertThatThrownBy(() -> applications.apply(form(cohort, "Real", fresh, null), prober))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().keySet()).containsExactly("form");
                    assertThat(e.problems().get("form").key()).isEqualTo("apply.too-many");
                });
        // a probe of a known address is refused now too, exactly like any other application
        assertThatThrownBy(() -> applications.apply(form(cohort, "Probe", member.email(), null), prober))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("form").key()).isEqualTo("apply.too-many"));
        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.EMAIL.eq(fresh))).isZero();

        // another address is not held back
        assertThat(applications.apply(form(cohort, "Real", fresh, null), TestData.unique("addr"))).isNotNull();
    }

    @Test
    void the_count_is_kept_in_postgresql_so_two_app_nodes_share_it() {
        TestData.Person member = data.person(Role.MEMBER);
        data.signIn(member);
        // a second node: its own limiter, the same database
        RateLimiter otherNode = new RateLimiter(db, properties, currentUser, clusterLock, clock, transactions);
        RateLimiter thisNode = new RateLimiter(db, properties, currentUser, clusterLock, clock, transactions);
        thisNode.hit(RateLimiter.Action.POST);
        otherNode.hit(RateLimiter.Action.POST);
        thisNode.hit(RateLimiter.Action.POST);

        assertLimited(() -> otherNode.hit(RateLimiter.Action.POST));
        assertThat(data.db().select(RATE_LIMIT.HITS).from(RATE_LIMIT)
                .where(RATE_LIMIT.SUBJECT.eq(RateLimiter.person(member.id()))).and(RATE_LIMIT.ACTION.eq("post"))
                .fetchSingle(RATE_LIMIT.HITS)).isEqualTo(LowRateLimits.POSTS + 1);
    }

    @Test
    void attempts_at_the_same_moment_on_two_nodes_cannot_all_slip_under_the_limit() throws Exception {
        String subject = TestData.unique("address:");
        RateLimiter a = new RateLimiter(db, properties, currentUser, clusterLock, clock, transactions);
        RateLimiter b = new RateLimiter(db, properties, currentUser, clusterLock, clock, transactions);
        int attempts = 16;
        int limit = 5;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                RateLimiter node = i % 2 == 0 ? a : b;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        node.hit("probe", subject, limit, Duration.ofDays(100000));
                        return true;
                    } catch (RateLimitedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> outcome : outcomes) {
                allowed += outcome.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_wait_told_is_until_the_window_ends() {
        String subject = TestData.unique("address:");
        RateLimiter limiter = new RateLimiter(db, properties, currentUser, clusterLock, clock, transactions);
        limiter.hit("probe", subject, 1, Duration.ofMinutes(10));
        assertThatThrownBy(() -> limiter.hit("probe", subject, 1, Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
        assertThat(data.db().select(RATE_LIMIT.EXPIRES_AT).from(RATE_LIMIT).where(RATE_LIMIT.SUBJECT.eq(subject))
                .fetchSingle(RATE_LIMIT.EXPIRES_AT)).isAfter(OffsetDateTime.now()).isBefore(OffsetDateTime.now().plusMinutes(11));
    }
}
