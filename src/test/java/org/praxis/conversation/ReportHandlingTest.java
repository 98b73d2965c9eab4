package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.notification.NotificationItem;
import org.praxis.notification.NotificationService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Reports: who hears of them, what handling records, who is told, and who is refused. */
class ReportHandlingTest extends IntegrationTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ModerationService moderation;
    @Autowired
    NotificationService notifications;

    long cohort;
    long thread;
    TestData.Person facilitator;
    TestData.Person otherFacilitator;
    TestData.Person author;
    TestData.Person reporter;
    TestData.Person admin;

    @BeforeEach
    void cohortWithAThread() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        otherFacilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        reporter = data.personIn(cohort, Role.MEMBER);
        admin = data.person(Role.ADMIN);
        thread = data.thread(cohort, null, true);
    }

    private long post(TestData.Person who, String text, boolean hideName) {
        data.signIn(who);
        return threads.reply(thread, null, text, false, hideName);
    }

    private long report(long post, String reason, boolean toAdmins) {
        data.signIn(reporter);
        return moderation.report(post, reason, toAdmins);
    }

    private List<NotificationItem> noticesOf(TestData.Person who, String kind) {
        data.signIn(who);
        return notifications.latest(100).stream().filter(n -> kind.equals(n.kind())).toList();
    }

    @Test
    void the_cohorts_facilitators_are_notified_at_once_and_the_admins_are_not() {
        long post = post(author, "A sharp remark.", false);
        long report = report(post, "This felt dismissive.", false);

        for (TestData.Person f : List.of(facilitator, otherFacilitator)) {
            List<NotificationItem> notices = noticesOf(f, ModerationService.REPORT_NEW);
            assertThat(notices).hasSize(1);
            assertThat(notices.get(0).path()).isEqualTo("reports?report=" + report);
        }
        assertThat(noticesOf(admin, ModerationService.REPORT_NEW)).noneMatch(n -> n.path().equals("reports?report=" + report));
        assertThat(noticesOf(author, ModerationService.REPORT_NEW)).isEmpty();
    }

    @Test
    void a_report_of_a_facilitators_post_goes_to_the_admins_and_the_cohorts_facilitators_are_not_told() {
        long post = post(facilitator, "A facilitator’s remark.", false);
        long report = report(post, "This was unfair.", false);

        assertThat(noticesOf(admin, ModerationService.REPORT_NEW)).anyMatch(n -> n.path().equals("reports?report=" + report));
        assertThat(noticesOf(otherFacilitator, ModerationService.REPORT_NEW)).isEmpty();
        assertThat(noticesOf(facilitator, ModerationService.REPORT_NEW)).isEmpty();
        data.signIn(otherFacilitator);
        assertThat(moderation.openReports()).noneMatch(r -> r.id() == report);
        data.signIn(admin);
        ReportItem seen = moderation.openReports().stream().filter(r -> r.id() == report).findFirst().orElseThrow();
        assertThat(seen.toAdmins()).isTrue();
    }

    @Test
    void the_report_quotes_the_post_and_links_to_it_keeping_a_hidden_name_from_the_admins_but_not_from_facilitators() {
        long post = post(author, "Words **worth** a second look.", true);
        long toFacilitators = report(post, "Please look.", false);
        long toAdmins = report(post, "And the admins too.", true);

        data.signIn(facilitator);
        ReportItem seen = moderation.openReports().stream().filter(r -> r.id() == toFacilitators).findFirst().orElseThrow();
        assertThat(seen.postHtml()).contains("<strong>worth</strong>");
        assertThat(seen.authorName()).isEqualTo(author.name());
        assertThat(seen.postPath()).isEqualTo("threads/" + thread + "?post=" + post);

        data.signIn(admin);
        ReportItem byAdmin = moderation.openReports().stream().filter(r -> r.id() == toAdmins).findFirst().orElseThrow();
        assertThat(byAdmin.authorName()).isNull();
        assertThat(byAdmin.authorNameHidden()).isTrue();
        assertThat(byAdmin.postHtml()).contains("worth");
    }

    @Test
    void a_quoted_post_shows_its_mentions_by_the_peoples_current_names_not_their_tokens() {
        long post = post(author, "As @" + reporter.name() + " said last time.", false);
        long report = report(post, "Please look.", false);

        data.signIn(facilitator);
        ReportItem seen = moderation.openReports().stream().filter(r -> r.id() == report).findFirst().orElseThrow();
        assertThat(seen.postHtml()).contains(reporter.name()).doesNotContain("@[" + reporter.id() + "]");
    }

    @Test
    void handling_records_what_was_done_by_whom_and_the_reporter_is_told_without_the_details() {
        long post = post(author, "Something to talk about.", false);
        long report = report(post, "Unkind.", false);

        data.signIn(facilitator);
        moderation.handle(report, ReportAction.TALKED_TO_MEMBER, "Called them; they will apologise.");

        assertThat(moderation.openReports()).noneMatch(r -> r.id() == report);
        ReportItem handled = moderation.handledReports().stream().filter(r -> r.id() == report).findFirst().orElseThrow();
        assertThat(handled.action()).isEqualTo(ReportAction.TALKED_TO_MEMBER);
        assertThat(handled.note()).isEqualTo("Called them; they will apologise.");
        assertThat(handled.handledByName()).isEqualTo(facilitator.name());
        assertThat(handled.handledAt()).isNotNull();
        data.signIn(otherFacilitator);
        assertThat(moderation.handledReports()).anyMatch(r -> r.id() == report);

        List<NotificationItem> told = noticesOf(reporter, ModerationService.REPORT_HANDLED);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).path()).isEqualTo("threads/" + thread + "?post=" + post);
        assertThat(told.get(0).subject()).doesNotContain("apologise").doesNotContain("TALKED");
        // the post stays as it was
        data.signIn(reporter);
        assertThat(threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts())
                .anyMatch(p -> p.id() == post && p.state() == PostState.VISIBLE);
    }

    @Test
    void hiding_from_a_report_hides_the_post_with_the_note_as_its_reason_which_is_then_required() {
        long post = post(author, "Something hurtful.", false);
        long report = report(post, "Hurtful.", false);
        data.signIn(facilitator);

        assertThatThrownBy(() -> moderation.handle(report, ReportAction.HIDDEN, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("note"));
        assertThat(moderation.openReports()).anyMatch(r -> r.id() == report);
        assertThatThrownBy(() -> moderation.handle(report, null, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsKey("action"));

        moderation.handle(report, ReportAction.HIDDEN, "It broke agreement 3.");
        PostItem seen = threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts().stream()
                .filter(p -> p.id() == post).findFirst().orElseThrow();
        assertThat(seen.state()).isEqualTo(PostState.HIDDEN);
        assertThat(seen.hiddenReason()).isEqualTo("It broke agreement 3.");
    }

    @Test
    void a_report_handled_once_cannot_be_handled_again() {
        long report = report(post(author, "Once.", false), "Once.", false);
        data.signIn(facilitator);
        moderation.handle(report, ReportAction.KEPT, null);
        data.signIn(otherFacilitator);
        assertThatThrownBy(() -> moderation.handle(report, ReportAction.HIDDEN, "Again"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_the_reporter_and_a_facilitator_of_another_cohort_can_neither_see_nor_handle_a_report() {
        long report = report(post(author, "Seen by few.", false), "Concern.", false);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        TestData.Person elsewhere = data.personIn(data.cohort(), Role.FACILITATOR);

        for (TestData.Person refused : List.of(member, reporter, elsewhere, author)) {
            data.signIn(refused);
            assertThat(moderation.openReports()).noneMatch(r -> r.id() == report);
            assertThat(moderation.openReportCount()).isZero();
            assertThatThrownBy(() -> moderation.handle(report, ReportAction.KEPT, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
        data.signIn(facilitator);
        assertThat(moderation.openReports()).anyMatch(r -> r.id() == report);
        moderation.handle(report, ReportAction.KEPT, null);
        for (TestData.Person refused : List.of(member, reporter, elsewhere)) {
            data.signIn(refused);
            assertThat(moderation.handledReports()).noneMatch(r -> r.id() == report);
        }
    }
}
