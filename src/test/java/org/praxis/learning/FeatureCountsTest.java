package org.praxis.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.security.Role;
import org.praxis.obstacle.ObstacleService;
import org.praxis.session.HeldSession;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.worksheet.WorksheetReports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * The count each feature gives the report through its own service, on PostgreSQL: the true
 * numbers of the period (the report floors them), nothing outside it, nothing cancelled or still
 * a draft; and each refused to a member and to another cohort's facilitator, allowed to an admin.
 */
@Import(FakeNetwork.class)
class FeatureCountsTest extends IntegrationTest {

    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analyses;
    @Autowired
    CommitmentService commitments;
    @Autowired
    ObstacleService obstacles;
    @Autowired
    WorksheetReports worksheets;

    long cohort;
    TestData.Person facilitator;
    TestData.Person member;
    Instant from = LearningServiceTest.FROM.atStartOfDay(ReportScene.ZONE).toInstant();
    Instant to = LearningServiceTest.TO.plusDays(1).atStartOfDay(ReportScene.ZONE).toInstant();

    @BeforeEach
    void scene() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
        LearningServiceTest.build(new ReportScene(data, cohort), member);
    }

    @Test
    void sessions_count_those_held_in_the_period_with_their_attendance_not_the_cancelled_or_earlier_ones() {
        data.signIn(facilitator);

        assertThat(sessions.heldBetween(cohort, from, to)).extracting(HeldSession::title, HeldSession::attended)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Opening circle", 4),
                        org.assertj.core.groups.Tuple.tuple("Budget talk", 2),
                        org.assertj.core.groups.Tuple.tuple("Data night", 3));
        // a session still to come has not been held
        data.session(cohort, "Next week");
        assertThat(sessions.heldBetween(cohort, from, Instant.now().plusSeconds(86400 * 30))).hasSize(3);
    }

    @Test
    void analyses_count_those_shared_in_the_period_by_area_and_never_a_draft() {
        data.signIn(facilitator);

        assertThat(analyses.sharedByArea(cohort, from, to))
                .containsExactly(Map.entry(PolicyArea.HIRING, 3), Map.entry(PolicyArea.COMPENSATION, 1));
    }

    @Test
    void commitments_count_those_made_in_the_period_by_status_private_ones_as_a_number() {
        data.signIn(facilitator);

        assertThat(commitments.madeByStatus(cohort, from, to)).containsExactly(Map.entry(CommitmentStatus.IN_PROGRESS, 1),
                Map.entry(CommitmentStatus.DONE, 4), Map.entry(CommitmentStatus.STUCK, 2));
    }

    @Test
    void obstacles_count_namings_by_month_on_what_is_shared_with_the_facilitators() {
        data.signIn(facilitator);

        assertThat(obstacles.namedByMonth(cohort, from, to))
                .containsExactly(Map.entry(YearMonth.of(2025, 2), 3), Map.entry(YearMonth.of(2025, 3), 1));
    }

    @Test
    void worksheets_count_responses_submitted_in_the_period_by_title() {
        data.signIn(facilitator);

        assertThat(worksheets.submittedByWorksheet(cohort, from, to))
                .containsExactly(Map.entry(LearningServiceTest.INJECTED, 1), Map.entry("Equity lens", 3));
        Instant later = LocalDate.of(2025, 5, 3).atStartOfDay(ReportScene.ZONE).toInstant();
        assertThat(worksheets.submittedByWorksheet(cohort, later, to)).containsOnlyKeys(LearningServiceTest.INJECTED);
    }

    private List<Executable> everyCount() {
        return List.of(() -> sessions.heldBetween(cohort, from, to), () -> analyses.sharedByArea(cohort, from, to),
                () -> commitments.madeByStatus(cohort, from, to), () -> obstacles.namedByMonth(cohort, from, to),
                () -> worksheets.submittedByWorksheet(cohort, from, to));
    }

    @Test
    void every_count_is_refused_to_a_member_of_the_cohort() {
        data.signIn(member);

        everyCount().forEach(count -> assertThatThrownBy(count::execute).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void every_count_is_refused_to_a_facilitator_of_another_cohort() {
        long other = data.cohort();
        data.signIn(data.personIn(other, Role.FACILITATOR));

        everyCount().forEach(count -> assertThatThrownBy(count::execute).isInstanceOf(AccessDeniedException.class));
    }

    @Test
    void every_count_is_given_to_an_admin_outside_the_cohort_but_not_for_a_cohort_that_does_not_exist() {
        data.signIn(data.person(Role.ADMIN));

        assertThat(commitments.madeByStatus(cohort, from, to)).containsEntry(CommitmentStatus.DONE, 4);
        assertThat(sessions.heldBetween(cohort, from, to)).hasSize(3);
        long gone = cohort + 1_000_000;
        assertThatThrownBy(() -> analyses.sharedByArea(gone, from, to)).isInstanceOf(AccessDeniedException.class);
    }
}
