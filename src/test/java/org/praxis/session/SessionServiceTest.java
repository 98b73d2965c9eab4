package org.praxis.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.SESSION;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class SessionServiceTest extends IntegrationTest {

    @Autowired
    SessionService sessions;

    long cohort;
    TestData.Person facilitator;
    TestData.Person member;

    @BeforeEach
    void cohort() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
    }

    private SessionDraft draft(String title, LocalDateTime start) {
        SessionDraft d = new SessionDraft();
        d.setTitle(title);
        d.setTheme("Hiring and promotion");
        d.setStartsAt(start);
        d.setEndsAt(start.plusHours(2));
        d.setDescription("We look at **who gets promoted**. <script>alert(1)</script>");
        return d;
    }

    private long session() {
        data.signIn(facilitator);
        return sessions.create(cohort, draft("Equity vs equality in hiring", LocalDateTime.of(2027, 1, 14, 9, 30)));
    }

    @Test
    void a_facilitator_plans_a_session_in_the_cohorts_time_zone_with_a_safe_description() {
        long id = session();

        OffsetDateTime stored = data.db().select(SESSION.STARTS_AT).from(SESSION).where(SESSION.ID.eq(id))
                .fetchSingle(SESSION.STARTS_AT);
        // 09:30 in Los Angeles in January is 17:30 UTC
        assertThat(stored.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime()).hasToString("17:30");
        data.signIn(member);
        SessionDetails details = sessions.get(id);
        assertThat(details.startsAt().toLocalTime()).hasToString("09:30");
        assertThat(details.descriptionHtml()).contains("<strong>who gets promoted</strong>").doesNotContain("<script");
        assertThat(details.facilitator()).isFalse();
        assertThat(data.outboxRows("SESSION", id)).isEqualTo(1);
    }

    @Test
    void a_member_cannot_plan_or_edit_sessions() {
        long id = session();
        data.signIn(member);
        assertThatThrownBy(() -> sessions.create(cohort, draft("Mine", LocalDateTime.of(2027, 2, 1, 9, 0))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.update(id, draft("Mine", LocalDateTime.of(2027, 2, 1, 9, 0))))
                .isInstanceOf(AccessDeniedException.class);
        PromptDraft p = new PromptDraft();
        p.setQuestion("Q?");
        assertThatThrownBy(() -> sessions.addPrompt(id, p)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.attendance(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.markAttendance(id, member.id(), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void someone_from_another_cohort_cannot_see_its_sessions() {
        long id = session();
        data.signIn(data.personIn(data.cohort(), Role.FACILITATOR));
        assertThatThrownBy(() -> sessions.get(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.sessionsOf(cohort)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.setWillJoin(id, true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_end_before_the_start_and_a_missing_title_are_named_and_nothing_is_saved() {
        data.signIn(facilitator);
        SessionDraft bad = draft(" ", LocalDateTime.of(2027, 3, 1, 10, 0));
        bad.setEndsAt(bad.getStartsAt().minusMinutes(1));
        assertThatThrownBy(() -> sessions.create(cohort, bad))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsKeys("title", "endsAt"));
        assertThat(data.db().fetchCount(SESSION, SESSION.COHORT_ID.eq(cohort))).isZero();
    }

    @Test
    void prompts_come_with_their_thread_and_can_be_reordered() {
        long id = session();
        PromptDraft a = new PromptDraft();
        a.setQuestion("Where does a policy of ours treat everyone the same when people need different things?");
        PromptDraft b = new PromptDraft();
        b.setQuestion("What derailed equity work this month?");
        long first = sessions.addPrompt(id, a);
        long second = sessions.addPrompt(id, b);

        assertThat(sessions.get(id).prompts()).extracting(PromptItem::id).containsExactly(first, second);
        sessions.movePrompt(second, -1);
        assertThat(sessions.get(id).prompts()).extracting(PromptItem::id).containsExactly(second, first);
        PromptItem item = sessions.get(id).prompts().get(0);
        assertThat(item.open()).isTrue();
        assertThat(item.threadId()).isPositive();
        assertThat(data.outboxRows("PROMPT", second)).isEqualTo(1);
        assertThat(data.outboxRows("THREAD", item.threadId())).isEqualTo(1);
    }

    @Test
    void a_prompt_that_has_closed_is_shown_closed() {
        long id = session();
        PromptDraft p = new PromptDraft();
        p.setQuestion("Last month’s question");
        p.setOpensAt(LocalDateTime.of(2020, 1, 1, 9, 0));
        p.setClosesAt(LocalDateTime.of(2020, 1, 2, 9, 0));
        sessions.addPrompt(id, p);
        assertThat(sessions.get(id).prompts().get(0).open()).isFalse();
    }

    @Test
    void members_say_they_will_join_and_facilitators_mark_attendance() {
        long id = session();
        data.signIn(member);
        sessions.setWillJoin(id, true);
        assertThat(sessions.get(id).willJoin()).isTrue();
        assertThat(sessions.get(id).joining()).isEqualTo(1);
        sessions.setWillJoin(id, false);
        assertThat(sessions.sessionsOf(cohort)).singleElement().satisfies(s -> assertThat(s.willJoin()).isFalse());

        data.signIn(facilitator);
        sessions.markAttendance(id, member.id(), true);
        assertThat(sessions.attendance(id)).filteredOn(r -> r.memberId() == member.id()).singleElement()
                .satisfies(r -> {
                    assertThat(r.attended()).isTrue();
                    assertThat(r.willJoin()).isFalse();
                });
        TestData.Person outsider = data.personIn(data.cohort(), Role.MEMBER);
        assertThatThrownBy(() -> sessions.markAttendance(id, outsider.id(), true))
                .isInstanceOf(AccessDeniedException.class);
    }
}
