package org.praxis.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.DIGEST_SENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.obstacle.Obstacle;
import org.praxis.obstacle.ObstacleReport;
import org.praxis.obstacle.ObstacleService;
import org.praxis.search.Indexer;
import org.praxis.search.SearchService;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class AccountabilityServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    CommitmentService commitments;
    @Autowired
    ObstacleService obstacles;
    @Autowired
    DigestService digests;
    @Autowired
    org.praxis.base.mail.MailWorker mailWorker;
    @Autowired
    ObstaclePrompts prompts;
    @Autowired
    CalendarFeedService feeds;
    @Autowired
    CalendarFeedController feedController;
    @Autowired
    SessionService sessions;
    @Autowired
    ThreadService threads;
    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;
    TestData.Person outsider;
    LocalDate today;

    @BeforeEach
    void cohortOfThree() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        outsider = data.personIn(data.cohort(), Role.MEMBER);
        today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }

    private CommitmentDraft draft(String what, Sharing sharing) {
        return new CommitmentDraft(what, today.plusMonths(2), "The form is gone", "Our intake lead", null, null, null, null,
                sharing, Rhythm.BIWEEKLY);
    }

    private long committed(TestData.Person who, String what, Sharing sharing) {
        data.signIn(who);
        return commitments.create(cohort, draft(what, sharing));
    }

    @Test
    void bad_input_is_refused_by_field_and_nothing_lands() {
        data.signIn(author);
        int before = data.db().fetchCount(COMMITMENT);
        assertThatThrownBy(() -> commitments.create(cohort, new CommitmentDraft(" ", today.minusDays(1), "x".repeat(1001),
                null, data.session(data.cohort(), "Elsewhere"), null, null, null, Sharing.PRIVATE, Rhythm.MONTHLY)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().keySet())
                        .containsExactlyInAnyOrder("what", "dueOn", "doneWhen", "session"));
        assertThat(data.db().fetchCount(COMMITMENT)).isEqualTo(before);
        long id = commitments.create(cohort, draft("Translate the intake form", Sharing.PRIVATE));
        assertThatThrownBy(() -> commitments.checkIn(id, CommitmentStatus.IN_PROGRESS, "n".repeat(10_000), null, Set.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("note"));
        assertThat(commitments.read(id).checkIns()).isEmpty();
    }

    @Test
    void every_check_in_status_is_kept_with_its_history_and_obstacles_only_when_stuck_or_changing_course() {
        long id = committed(author, "Publish our language-access plan", Sharing.COHORT);
        assertThat(commitments.read(id).nextCheckIn()).isEqualTo(today.plusWeeks(2));
        Obstacle budget = obstacles.list(cohort, false).stream().filter(o -> o.label().equals("Budget")).findFirst()
                .orElseThrow();
        for (CommitmentStatus s : List.of(CommitmentStatus.NOT_STARTED, CommitmentStatus.IN_PROGRESS,
                CommitmentStatus.CHANGED_COURSE, CommitmentStatus.STUCK)) {
            commitments.checkIn(id, s, "Note " + s, s.namesObstacles() ? "No money" : null,
                    s.namesObstacles() ? Set.of(budget.id()) : Set.of());
        }
        assertThatThrownBy(() -> commitments.checkIn(id, CommitmentStatus.IN_PROGRESS, null, null, Set.of(budget.id())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("obstacles"));
        commitments.checkIn(id, CommitmentStatus.DONE, "Published", null, Set.of());
        CommitmentDetails c = commitments.read(id);
        assertThat(c.status()).isEqualTo(CommitmentStatus.DONE);
        assertThat(c.nextCheckIn()).isNull();
        assertThat(c.checkIns()).extracting(CheckIn::status).containsExactly(CommitmentStatus.DONE,
                CommitmentStatus.STUCK, CommitmentStatus.CHANGED_COURSE, CommitmentStatus.IN_PROGRESS,
                CommitmentStatus.NOT_STARTED);
        assertThat(c.checkIns().get(1).obstacles()).containsExactly("Budget");
        data.signIn(peer);
        assertThatThrownBy(() -> commitments.checkIn(id, CommitmentStatus.DONE, null, null, Set.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void who_reads_a_commitment_is_exactly_who_its_author_chose_also_in_search() throws Exception {
        String word = TestData.unique("interpretation");
        long id = committed(author, "Fund " + word + " at night", Sharing.PRIVATE);
        indexer.catchUp();
        assertThat(search.search(word, 10)).hasSize(1);
        for (TestData.Person other : List.of(peer, facilitator, outsider)) {
            data.signIn(other);
            assertThatThrownBy(() -> commitments.read(id)).isInstanceOf(AccessDeniedException.class);
            assertThat(search.search(word, 10)).isEmpty();
        }
        data.signIn(author);
        commitments.share(id, Sharing.FACILITATORS);
        indexer.catchUp();
        data.signIn(facilitator);
        assertThat(commitments.read(id).what()).contains(word);
        assertThat(search.search(word, 10)).hasSize(1);
        data.signIn(peer);
        assertThatThrownBy(() -> commitments.read(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(commitments.board(cohort)).extracting(CommitmentSummary::id).doesNotContain(id);
        data.signIn(author);
        commitments.share(id, Sharing.COHORT);
        indexer.catchUp();
        data.signIn(peer);
        assertThat(commitments.board(cohort)).extracting(CommitmentSummary::id).contains(id);
        assertThat(search.search(word, 10)).hasSize(1);
        data.signIn(outsider);
        assertThatThrownBy(() -> commitments.read(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> commitments.board(cohort)).isInstanceOf(AccessDeniedException.class);
        assertThat(search.search(word, 10)).isEmpty();
    }

    @Test
    void peers_offer_help_once_and_comment_in_one_thread() {
        long id = committed(author, "Hire a community health worker", Sharing.COHORT);
        data.signIn(peer);
        commitments.offerHelp(id);
        commitments.offerHelp(id);
        long thread = commitments.discussion(id);
        assertThat(commitments.discussion(id)).isEqualTo(thread);
        threads.reply(thread, null, "We did this last year; happy to share the job description.", false, false);
        assertThat(commitments.read(id).helpers()).containsExactly(peer.name());
        assertThat(data.db().fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(author.id())
                .and(NOTIFICATION.KIND.eq(CommitmentService.HELP_OFFERED)))).isEqualTo(1);
        data.signIn(author);
        assertThatThrownBy(() -> commitments.offerHelp(id)).isInstanceOf(AccessDeniedException.class);
        // taken back from the cohort: its discussion goes with it
        commitments.share(id, Sharing.FACILITATORS);
        assertThat(data.db().fetchExists(org.praxis.jooq.Tables.THREAD, org.praxis.jooq.Tables.THREAD.ID.eq(thread))).isFalse();
        assertThat(data.outboxRows("THREAD", thread)).isGreaterThanOrEqualTo(2);
        commitments.share(id, Sharing.COHORT);
        long hidden = commitments.create(cohort, draft("Private plan", Sharing.FACILITATORS));
        data.signIn(facilitator);
        assertThatThrownBy(() -> commitments.discussion(hidden)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void facilitators_see_overdue_and_stuck_among_what_is_shared_with_them() {
        long overdue = committed(author, "Overdue one", Sharing.FACILITATORS);
        long stuck = committed(author, "Stuck one", Sharing.COHORT);
        long privateStuck = committed(peer, "Private stuck one", Sharing.PRIVATE);
        data.signIn(author);
        commitments.checkIn(stuck, CommitmentStatus.STUCK, null, null, Set.of());
        data.signIn(peer);
        commitments.checkIn(privateStuck, CommitmentStatus.STUCK, null, null, Set.of());
        data.db().update(COMMITMENT).set(COMMITMENT.DUE_ON, today.minusDays(3)).where(COMMITMENT.ID.eq(overdue)).execute();
        data.signIn(facilitator);
        List<CommitmentSummary> attention = commitments.needingAttention(cohort);
        assertThat(attention).extracting(CommitmentSummary::id).containsExactlyInAnyOrder(overdue, stuck);
        assertThat(attention.stream().filter(c -> c.id() == overdue).findFirst().orElseThrow().overdue()).isTrue();
        data.signIn(peer);
        assertThatThrownBy(() -> commitments.needingAttention(cohort)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void obstacles_are_counted_by_month_never_below_three_and_never_from_private_commitments() {
        data.signIn(facilitator);
        long turnover = obstacles.list(cohort, false).stream().filter(o -> o.label().equals("Staff turnover"))
                .findFirst().orElseThrow().id();
        long tokenism = obstacles.list(cohort, false).stream().filter(o -> o.label().equals("Tokenism"))
                .findFirst().orElseThrow().id();
        assertThatThrownBy(() -> obstacles.add(cohort, "budget")).isInstanceOf(InvalidInputException.class);
        TestData.Person third = data.personIn(cohort, Role.MEMBER);
        for (TestData.Person who : List.of(author, peer, third)) {
            long id = committed(who, "Shared " + who.name(), Sharing.FACILITATORS);
            commitments.checkIn(id, CommitmentStatus.STUCK, null, "Two leads left", Set.of(turnover));
        }
        long lone = committed(author, "Another", Sharing.COHORT);
        commitments.checkIn(lone, CommitmentStatus.CHANGED_COURSE, null, "Only seen as a box to tick", Set.of(tokenism));
        long secret = committed(peer, "Secret", Sharing.PRIVATE);
        commitments.checkIn(secret, CommitmentStatus.STUCK, null, "Private reason", Set.of(tokenism));
        data.signIn(facilitator);
        ObstacleReport report = obstacles.report(cohort);
        ObstacleReport.Row turnoverRow = report.rows().stream().filter(r -> r.obstacle().id() == turnover).findFirst()
                .orElseThrow();
        assertThat(turnoverRow.total()).isEqualTo(new ObstacleReport.Cell(3, false));
        assertThat(turnoverRow.byMonth().get(report.months().size() - 1).count()).isEqualTo(3);
        ObstacleReport.Row tokenismRow = report.rows().stream().filter(r -> r.obstacle().id() == tokenism).findFirst()
                .orElseThrow();
        assertThat(tokenismRow.total()).isEqualTo(new ObstacleReport.Cell(0, true));
        // three this month and one more: the total would reveal the hidden one, so it is withheld
        long extra = committed(third, "One more", Sharing.FACILITATORS);
        commitments.checkIn(extra, CommitmentStatus.STUCK, null, null, Set.of(turnover));
        data.db().update(org.praxis.jooq.Tables.CHECK_IN).set(org.praxis.jooq.Tables.CHECK_IN.CREATED_AT,
                        OffsetDateTime.now().minusMonths(1))
                .where(org.praxis.jooq.Tables.CHECK_IN.COMMITMENT_ID.eq(extra)).execute();
        data.signIn(facilitator);
        ObstacleReport.Row again = obstacles.report(cohort).rows().stream().filter(r -> r.obstacle().id() == turnover)
                .findFirst().orElseThrow();
        assertThat(again.byMonth()).contains(new ObstacleReport.Cell(0, true), new ObstacleReport.Cell(3, false));
        assertThat(again.total()).isEqualTo(ObstacleReport.Cell.WITHHELD);
        // the notes of a count shown "fewer than 3" stay back with it
        assertThat(report.notes()).extracting(ObstacleReport.Note::text).contains("Two leads left")
                .doesNotContain("Only seen as a box to tick", "Private reason");
        assertThat(report.notes()).allMatch(n -> n.obstacleId() == turnover);
        // and in the month whose count is masked, turnover's own note stays back too
        data.db().update(org.praxis.jooq.Tables.CHECK_IN).set(org.praxis.jooq.Tables.CHECK_IN.IN_THE_WAY, "Left in a hurry")
                .where(org.praxis.jooq.Tables.CHECK_IN.COMMITMENT_ID.eq(extra)).execute();
        data.signIn(facilitator);
        assertThat(obstacles.report(cohort).notes()).extracting(ObstacleReport.Note::text).contains("Two leads left")
                .doesNotContain("Left in a hurry");
        data.signIn(author);
        assertThatThrownBy(() -> obstacles.report(cohort)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_post_names_obstacles_by_its_author_and_a_prompt_opens_from_an_obstacle_in_one_step() {
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "Our board pushed back again.", false, false);
        long resistance = obstacles.list(cohort, false).get(0).id();
        obstacles.nameOnPost(post, Set.of(resistance), "Board chair");
        assertThat(obstacles.onPosts(List.of(post)).get(post)).containsExactly("Leadership resistance");
        data.signIn(peer);
        assertThatThrownBy(() -> obstacles.nameOnPost(post, Set.of(resistance), null)).isInstanceOf(AccessDeniedException.class);
        data.signIn(facilitator);
        long session = data.session(cohort, "Next month");
        String question = obstacles.promptQuestion(resistance);
        assertThat(question).contains("leadership resistance");
        long prompt = prompts.open(resistance, session, question);
        assertThat(data.db().select(PROMPT.QUESTION).from(PROMPT).where(PROMPT.ID.eq(prompt)).fetchSingle(PROMPT.QUESTION))
                .isEqualTo(question);
        long otherCohort = data.cohort();
        TestData.Person otherFacilitator = data.personIn(otherCohort, Role.FACILITATOR);
        data.signIn(otherFacilitator);
        long foreign = obstacles.list(otherCohort, false).get(0).id();
        data.signIn(author);
        assertThatThrownBy(() -> obstacles.nameOnPost(post, Set.of(foreign), null)).isInstanceOf(InvalidInputException.class);
    }

    private static String link(String body, String path) {
        Matcher m = Pattern.compile("http://praxis\\.test/" + path + "/([A-Za-z0-9_.\\-]+)").matcher(body);
        assertThat(m.find()).as("a link to " + path + " in:\n" + body).isTrue();
        return m.group(1);
    }

    @Test
    void the_digest_goes_once_per_period_with_what_is_new_and_a_working_unsubscribe_link() throws Exception {
        long thread = data.thread(cohort);
        data.signIn(author);
        threads.reply(thread, null, "Starting the conversation.", false, false);
        long id = commitments.create(cohort, new CommitmentDraft("Review the sliding fee", today.plusDays(1), null, null,
                null, null, null, null, Sharing.PRIVATE, Rhythm.BIWEEKLY));
        data.db().update(COMMITMENT).set(COMMITMENT.NEXT_CHECK_IN, today).where(COMMITMENT.ID.eq(id)).execute();
        data.signIn(peer);
        threads.reply(thread, null, "A reply the author should hear about.", false, false);
        data.db().insertInto(SESSION).set(SESSION.COHORT_ID, cohort).set(SESSION.TITLE, "Coming soon")
                .set(SESSION.STARTS_AT, OffsetDateTime.now().plusDays(2))
                .set(SESSION.ENDS_AT, OffsetDateTime.now().plusDays(2).plusHours(2)).execute();
        // everyone else in the shared test database is left out: only the author is due
        data.db().update(MEMBER).set(MEMBER.DIGEST, "OFF").where(MEMBER.ID.ne(author.id())).execute();
        assertThat(digests.sendDue()).isEqualTo(1);
        assertThat(digests.sendDue()).isZero();
        mailWorker.deliverDue();
        // (mail other tests queued arrives here too: only the author's counts)
        var received = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(author.email());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).hasSize(1);
        String body = GreenMailUtil.getBody(received.get(0));
        assertThat(body).contains("1 new", "Review the sliding fee", "Coming soon");
        assertThat(data.db().fetchCount(DIGEST_SENT, DIGEST_SENT.MEMBER_ID.eq(author.id()))).isEqualTo(1);

        String token = link(body.replace("=\r\n", "").replace("=3D", "="), "unsubscribe");
        assertThat(digests.unsubscribe(token.substring(0, token.length() - 2) + "xx")).isFalse();
        assertThat(digests.unsubscribe(peer.id() + "." + token.substring(token.indexOf('.') + 1))).isFalse();
        assertThat(data.db().select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(author.id())).fetchSingle(MEMBER.DIGEST))
                .isEqualTo("WEEKLY");
        assertThat(digests.unsubscribe(token)).isTrue();
        assertThat(data.db().select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(author.id())).fetchSingle(MEMBER.DIGEST))
                .isEqualTo("OFF");
        data.db().update(MEMBER).set(MEMBER.DIGEST, "WEEKLY").where(MEMBER.ID.ne(author.id())).execute();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void a_session_and_the_private_feed_are_valid_icalendar_in_utc_and_a_revoked_feed_is_refused() throws Exception {
        long session = data.session(cohort, "Budgets, equity and us; a look, together");
        OffsetDateTime starts = data.db().select(SESSION.STARTS_AT).from(SESSION).where(SESSION.ID.eq(session))
                .fetchSingle(SESSION.STARTS_AT);
        data.signIn(author);
        Calendar one = parse(sessions.ics(session, "http://praxis.test/"));
        List<VEvent> events = one.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Budgets, equity and us; a look, together");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(starts.withOffsetSameInstant(ZoneOffset.UTC)));
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("session-" + session + "@praxis.test");
        data.signIn(outsider);
        assertThatThrownBy(() -> sessions.ics(session, "http://praxis.test/")).isInstanceOf(AccessDeniedException.class);

        data.signIn(author);
        String url = feeds.newFeed();
        String token = url.replaceAll(".*/calendar/feed/", "").replace(".ics", "");
        CalendarFeedService.Feed feed = feeds.feed(token);
        assertThat(feed.state()).isEqualTo(CalendarFeedService.State.ACTIVE);
        Calendar all = parse(feed.calendar());
        assertThat(all.getComponents(Component.VEVENT)).extracting(e -> ((VEvent) e).getProperty(Property.UID)
                .orElseThrow().getValue()).contains("session-" + session + "@praxis.test");
        assertThat(feedController.feed(token).getStatusCode().value()).isEqualTo(200);
        String second = feeds.newFeed().replaceAll(".*/calendar/feed/", "").replace(".ics", "");
        assertThat(feeds.feed(token).state()).isEqualTo(CalendarFeedService.State.REVOKED);
        feeds.revoke();
        assertThat(feeds.feed(second).state()).isEqualTo(CalendarFeedService.State.REVOKED);
        assertThat(feedController.feed(second).getStatusCode().value()).isEqualTo(410);
        assertThat(feedController.feed(second).getBody()).contains("revoked");
        assertThat(feedController.feed("nothing-like-a-real-token").getStatusCode().value()).isEqualTo(404);
        assertThat(feeds.hasFeed()).isFalse();
    }
}
