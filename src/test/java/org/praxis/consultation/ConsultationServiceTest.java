package org.praxis.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.CONSULTATION;
import static org.praxis.jooq.Tables.CONSULTATION_MOVE;
import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.POST;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ShiftableClock;
import org.praxis.base.security.Role;
import org.praxis.cohort.CohortClosedException;
import org.praxis.cohort.CohortService;
import org.praxis.conversation.ThreadService;
import org.praxis.notification.NotificationKind;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Peer consultations against PostgreSQL, mostly from the side of the one who must be refused. */
class ConsultationServiceTest extends IntegrationTest {

    @Autowired
    ConsultationService consultations;
    @Autowired
    ThreadService threads;
    @Autowired
    CohortService cohorts;
    @Autowired
    ConsultationTimeUp timeUp;
    @Autowired
    java.time.Clock appClock;

    long cohort;
    TestData.Person facilitator;
    TestData.Person presenter;
    TestData.Person peer;

    @BeforeEach
    void cohortWithPeople() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        presenter = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
    }

    private static ConsultationDraft dilemma() {
        return new ConsultationDraft("Closing the evening clinic", "Our evening clinic loses money.",
                "We cut its hours by one.", "How do we decide who carries the cost?");
    }

    private long brought() {
        data.signIn(presenter);
        return consultations.bring(cohort, dilemma());
    }

    /** Brought, scheduled over a few days, and moved by the facilitator to {@code stage}. */
    private long at(Stage stage) {
        long id = brought();
        data.signIn(facilitator);
        consultations.schedule(id, Plan.async());
        Stage now = Stage.SCHEDULED;
        while (now != stage) {
            now = consultations.move(id, now, true);
        }
        return id;
    }

    private long thread(long id) {
        return data.db().select(CONSULTATION.THREAD_ID).from(CONSULTATION).where(CONSULTATION.ID.eq(id))
                .fetchOne(CONSULTATION.THREAD_ID);
    }

    private int posts(long id) {
        return data.db().fetchCount(POST, POST.THREAD_ID.eq(thread(id)));
    }

    private String refusal(Runnable post) {
        try {
            post.run();
        } catch (InvalidInputException e) {
            return e.problems().get("body").key();
        }
        throw new AssertionError("The post was not refused");
    }

    @Test
    void a_dilemma_with_a_missing_part_or_too_long_is_refused_field_by_field_and_nothing_is_written() {
        data.signIn(presenter);
        int before = data.db().fetchCount(CONSULTATION, CONSULTATION.COHORT_ID.eq(cohort));
        assertThatThrownBy(() -> consultations.bring(cohort, new ConsultationDraft(" ", "x".repeat(2001), "", "Why?")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("title", "situation", "tried");
                    assertThat(e.problems().get("situation").key()).isEqualTo("validation.too-long");
                });
        assertThat(data.db().fetchCount(CONSULTATION, CONSULTATION.COHORT_ID.eq(cohort))).isEqualTo(before);
        assertThat(threads.commons(cohort)).isEmpty();
    }

    @Test
    void a_brought_dilemma_waits_for_the_facilitators_and_nobody_posts_in_its_thread_yet() {
        long id = brought();
        ConsultationDetails c = consultations.read(id);
        assertThat(c.stage()).isEqualTo(Stage.WAITING);
        assertThat(c.presenter()).isTrue();
        assertThat(c.scheduled()).isFalse();
        assertThat(refusal(() -> threads.reply(c.threadId(), null, "Hello", false, false)))
                .isEqualTo("consultation.gate.not-started");
        data.signIn(facilitator);
        assertThatThrownBy(() -> consultations.move(id, Stage.WAITING, true)).isInstanceOf(InvalidInputException.class);
        assertThat(posts(id)).isZero();
    }

    @Test
    void the_presenter_answers_questions_but_is_refused_during_reflections_while_peers_reflect() {
        long id = at(Stage.QUESTIONS);
        long thread = thread(id);
        data.signIn(peer);
        long question = threads.reply(thread, null, "Who uses the evening clinic most?", false, false);
        data.signIn(presenter);
        threads.reply(thread, question, "Farmworkers after their shifts.", false, false);
        data.signIn(facilitator);
        consultations.move(id, Stage.QUESTIONS, true);
        data.signIn(peer);
        threads.reply(thread, null, "I hear that the cost falls on those with the least choice.", false, false);
        data.signIn(presenter);
        assertThat(threads.header(thread).postingClosed().key()).isEqualTo("consultation.gate.presenter-listens");
        assertThat(refusal(() -> threads.reply(thread, null, "But…", false, false)))
                .isEqualTo("consultation.gate.presenter-listens");
        assertThat(refusal(() -> threads.reply(thread, question, "Also…", false, true)))
                .isEqualTo("consultation.gate.presenter-listens");
        assertThat(posts(id)).isEqualTo(3);
    }

    @Test
    void in_the_response_peers_may_only_react_and_a_closed_consultation_refuses_everyone() {
        long id = at(Stage.RESPONSE);
        long thread = thread(id);
        data.signIn(presenter);
        long response = threads.reply(thread, null, "What I take away: ask the farmworkers first.", false, false);
        data.signIn(peer);
        assertThat(refusal(() -> threads.reply(thread, response, "Great", false, false)))
                .isEqualTo("consultation.gate.peers-react");
        data.signIn(facilitator);
        consultations.move(id, Stage.RESPONSE, true);
        for (TestData.Person who : new TestData.Person[] {presenter, peer, facilitator}) {
            data.signIn(who);
            assertThat(refusal(() -> threads.reply(thread, null, "One more thing", false, false)))
                    .isEqualTo("consultation.gate.closed");
        }
        data.signIn(presenter);
        assertThat(refusal(() -> threads.edit(response, "Changed after it closed"))).isEqualTo("consultation.gate.closed");
        assertThat(posts(id)).isEqualTo(1);
    }

    @Test
    void a_member_of_another_cohort_can_neither_read_nor_post_nor_find_its_sessions() {
        long id = at(Stage.QUESTIONS);
        long other = data.cohort();
        TestData.Person outsider = data.personIn(other, Role.MEMBER);
        TestData.Person otherFacilitator = data.personIn(other, Role.FACILITATOR);
        data.signIn(outsider);
        assertThatThrownBy(() -> consultations.read(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.list(cohort)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.reply(thread(id), null, "Hi", false, false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.bring(cohort, dilemma())).isInstanceOf(AccessDeniedException.class);
        data.signIn(otherFacilitator);
        assertThatThrownBy(() -> consultations.move(id, Stage.QUESTIONS, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(posts(id)).isZero();
    }

    @Test
    void a_member_cannot_schedule_set_lengths_or_move_stages_and_the_presenter_neither() {
        long id = at(Stage.QUESTIONS);
        for (TestData.Person who : new TestData.Person[] {presenter, peer}) {
            data.signIn(who);
            assertThatThrownBy(() -> consultations.schedule(id, new Plan(Mode.ASYNC, null, 60, 60, 60)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consultations.move(id, Stage.QUESTIONS, true)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consultations.move(id, Stage.QUESTIONS, false)).isInstanceOf(AccessDeniedException.class);
        }
        data.signIn(peer);
        assertThat(consultations.read(id).stage()).isEqualTo(Stage.QUESTIONS);
        assertThat(consultations.read(id).plan().questionsMinutes()).isEqualTo(2 * Plan.DAY);
    }

    @Test
    void a_peer_cannot_write_the_presenters_next_step_nor_make_their_commitment() {
        long id = at(Stage.RESPONSE);
        data.signIn(peer);
        assertThatThrownBy(() -> consultations.saveNextStep(id, "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> consultations.makeCommitment(id)).isInstanceOf(AccessDeniedException.class);
        data.signIn(facilitator);
        assertThatThrownBy(() -> consultations.makeCommitment(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(consultations.read(id).nextStep()).isNull();
    }

    @Test
    void the_next_step_becomes_the_presenters_own_commitment_once_linked_to_the_consultations_thread() {
        long id = at(Stage.RESPONSE);
        data.signIn(presenter);
        assertThatThrownBy(() -> consultations.makeCommitment(id)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> consultations.saveNextStep(id, "x".repeat(1001))).isInstanceOf(InvalidInputException.class);
        consultations.saveNextStep(id, "Ask the farmworkers' council before any change of hours");
        long commitment = consultations.makeCommitment(id);
        assertThat(consultations.makeCommitment(id)).isEqualTo(commitment);
        var row = data.db().selectFrom(COMMITMENT).where(COMMITMENT.ID.eq(commitment)).fetchOne();
        assertThat(row.getMemberId()).isEqualTo(presenter.id());
        assertThat(row.getWhat()).isEqualTo("Ask the farmworkers' council before any change of hours");
        assertThat(row.getThreadId()).isEqualTo(thread(id));
        assertThat(row.getVisibility()).isEqualTo("PRIVATE");
        assertThat(consultations.read(id).commitmentId()).isEqualTo(commitment);
    }

    @Test
    void every_move_is_recorded_back_too_and_a_stale_move_is_refused() {
        long id = at(Stage.REFLECTIONS);
        data.signIn(facilitator);
        assertThatThrownBy(() -> consultations.move(id, Stage.QUESTIONS, true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("stage").key()).isEqualTo("consultation.moved-meanwhile"));
        assertThat(consultations.move(id, Stage.REFLECTIONS, false)).isEqualTo(Stage.QUESTIONS);
        assertThat(data.db().select(CONSULTATION_MOVE.TO_STAGE).from(CONSULTATION_MOVE)
                .where(CONSULTATION_MOVE.CONSULTATION_ID.eq(id)).orderBy(CONSULTATION_MOVE.ID).fetch(CONSULTATION_MOVE.TO_STAGE))
                .containsExactly("SCHEDULED", "QUESTIONS", "REFLECTIONS", "QUESTIONS");
        ConsultationDetails c = consultations.read(id);
        assertThat(c.moves()).hasSize(4).allMatch(m -> m.by().equals(facilitator.name()));
        assertThat(c.stageEndsAt().toInstant()).isAfter(appClock.instant());
    }

    @Test
    void a_session_of_another_cohort_or_a_stage_of_no_length_is_refused() {
        long id = brought();
        long otherSession = data.session(data.cohort(), "Elsewhere");
        data.signIn(facilitator);
        assertThatThrownBy(() -> consultations.schedule(id, new Plan(Mode.IN_SESSION, otherSession, 15, 20, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("session"));
        assertThatThrownBy(() -> consultations.schedule(id, new Plan(Mode.ASYNC, null, 0, 20, 99_999)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("questions", "response"));
        assertThat(consultations.read(id).stage()).isEqualTo(Stage.WAITING);
        long session = data.session(cohort, "Third session");
        consultations.schedule(id, Plan.inSession(session));
        assertThat(consultations.inSession(session)).extracting(ConsultationSummary::id).containsExactly(id);
    }

    @Test
    void scheduling_tells_the_cohort_and_moving_tells_the_presenter_and_those_who_posted() {
        long id = brought();
        data.signIn(facilitator);
        consultations.schedule(id, Plan.async());
        assertThat(notices(peer, NotificationKind.CONSULTATION_SCHEDULED)).isEqualTo(1);
        assertThat(notices(presenter, NotificationKind.CONSULTATION_SCHEDULED)).isEqualTo(1);
        consultations.move(id, Stage.SCHEDULED, true);
        data.signIn(peer);
        threads.reply(thread(id), null, "A question", false, false);
        TestData.Person silent = data.personIn(cohort, Role.MEMBER);
        data.signIn(facilitator);
        consultations.move(id, Stage.QUESTIONS, true);
        assertThat(notices(presenter, NotificationKind.CONSULTATION_STAGE)).isEqualTo(2);
        assertThat(notices(peer, NotificationKind.CONSULTATION_STAGE)).isEqualTo(1);
        assertThat(notices(silent, NotificationKind.CONSULTATION_STAGE)).isZero();
        assertThat(notices(facilitator, NotificationKind.CONSULTATION_STAGE)).isZero();
    }

    @Test
    void when_a_stages_time_is_up_it_does_not_move_and_the_facilitators_are_told_once() {
        long id = brought();
        data.signIn(facilitator);
        consultations.schedule(id, new Plan(Mode.ASYNC, null, 5, 5, 5));
        ((ShiftableClock) appClock).earlier(Duration.ofMinutes(30), () -> consultations.move(id, Stage.SCHEDULED, true));
        timeUp.tellDue();
        timeUp.tellDue();
        assertThat(notices(facilitator, NotificationKind.CONSULTATION_TIME_UP)).isEqualTo(1);
        assertThat(notices(presenter, NotificationKind.CONSULTATION_TIME_UP)).isZero();
        ConsultationDetails c = consultations.read(id);
        assertThat(c.stage()).isEqualTo(Stage.QUESTIONS);
        assertThat(c.timeUp()).isTrue();
    }

    @Test
    void a_closed_cohort_refuses_bringing_scheduling_moving_and_posting() {
        long id = at(Stage.QUESTIONS);
        data.signIn(data.person(Role.ADMIN));
        cohorts.close(cohort);
        data.signIn(presenter);
        assertThatThrownBy(() -> consultations.bring(cohort, dilemma())).isInstanceOf(CohortClosedException.class);
        assertThatThrownBy(() -> threads.reply(thread(id), null, "Still here", false, false))
                .isInstanceOf(CohortClosedException.class);
        data.signIn(facilitator);
        assertThatThrownBy(() -> consultations.move(id, Stage.QUESTIONS, true)).isInstanceOf(CohortClosedException.class);
        assertThatThrownBy(() -> consultations.schedule(id, Plan.async())).isInstanceOf(CohortClosedException.class);
        assertThat(consultations.read(id).stage()).isEqualTo(Stage.QUESTIONS);
        assertThat(posts(id)).isZero();
    }

    private int notices(TestData.Person who, NotificationKind kind) {
        return data.db().fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(who.id()).and(NOTIFICATION.KIND.eq(kind.code())));
    }
}
