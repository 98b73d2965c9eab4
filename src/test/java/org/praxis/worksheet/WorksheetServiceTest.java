package org.praxis.worksheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.NOTIFICATION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.search.Indexer;
import org.praxis.search.SearchHit;
import org.praxis.search.SearchService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class WorksheetServiceTest extends IntegrationTest {

    @Autowired
    TemplateService templates;
    @Autowired
    WorksheetService worksheets;
    @Autowired
    WorksheetReports reports;
    @Autowired
    AnalysisService analyses;
    @Autowired
    SearchService search;
    @Autowired
    Indexer indexer;

    long cohort;
    TestData.Person facilitator;
    TestData.Person author;
    TestData.Person peer;
    TestData.Person outsider;

    @BeforeEach
    void cohortOfThree() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        author = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        outsider = data.personIn(data.cohort(), Role.MEMBER);
    }

    private long assigned(String title) {
        data.signIn(facilitator);
        long template = templates.create(cohort, WorksheetServiceTestSupport.everyKind(title));
        return worksheets.assign(template, cohort, null, null, null);
    }

    private long submittedBy(TestData.Person who, long assignment, Visibility visibility, int scale, String words) {
        data.signIn(who);
        long id = worksheets.start(assignment);
        worksheets.saveAnswer(id, "q1", Answer.text(words));
        worksheets.saveAnswer(id, "q7", Answer.scale(scale));
        worksheets.saveAnswer(id, "q8", Answer.yes(scale > 2));
        worksheets.setVisibility(id, visibility);
        worksheets.submit(id);
        return id;
    }

    @Test
    void the_three_starter_templates_are_installed_once() {
        data.signIn(facilitator);
        List<TemplateSummary> starters = templates.templates().stream().filter(TemplateSummary::starter).toList();
        assertThat(starters).extracting(TemplateSummary::title).containsExactly("Equity-versus-equality policy reflection",
                "Personal leadership reflection", "Session after-action review");
        TemplateDetails policy = templates.read(templates.starter("equity-policy"));
        assertThat(policy.definition().steps()).extracting(Step::title).containsExactly("Desired results", "Data",
                "Engagement of the people affected", "Benefits and burdens", "Implementation",
                "Accountability and communication");
        assertThat(policy.definition().questions().map(Question::kind)).contains(QuestionKind.EQUITY_PAIR,
                QuestionKind.BENEFIT_BURDEN, QuestionKind.MULTIPLE_CHOICE, QuestionKind.SCALE, QuestionKind.YES_NO);
        int versions = policy.version();
        templates.installStarter("equity-policy", policy.definition());
        assertThat(templates.read(policy.id()).version()).isEqualTo(versions);
    }

    @Test
    void a_template_is_checked_whole_and_questions_get_keys() {
        data.signIn(facilitator);
        TemplateDefinition broken = new TemplateDefinition(" ", null, List.of(new Step("", null, List.of(
                new Question(null, QuestionKind.SINGLE_CHOICE, "", null, false, List.of("Only one"), null, null)))));
        assertThatThrownBy(() -> templates.create(cohort, broken))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().keySet())
                        .contains("title", "step.0.title", "question.0.0.prompt", "question.0.0.options"));
        long id = templates.create(cohort, WorksheetServiceTestSupport.everyKind(TestData.unique("Kinds")));
        assertThat(templates.read(id).definition().questions().map(Question::key))
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8");
        data.signIn(author);
        assertThatThrownBy(() -> templates.create(cohort, WorksheetServiceTestSupport.everyKind("Mine"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> templates.read(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void editing_a_template_in_use_makes_a_version_and_responses_keep_theirs() {
        data.signIn(facilitator);
        long template = templates.create(cohort, WorksheetServiceTestSupport.everyKind(TestData.unique("Versioned")));
        TemplateDefinition first = templates.read(template).definition();
        assertThat(templates.update(template, first)).isEqualTo(1);
        long assignment = worksheets.assign(template, cohort, null, null, null);
        data.signIn(author);
        long response = worksheets.start(assignment);
        data.signIn(facilitator);
        List<Step> steps = new java.util.ArrayList<>(first.steps());
        steps.add(new Step("Later", "", List.of(new Question(null, QuestionKind.LONG_TEXT, "Anything else?", "", false,
                null, null, null))));
        assertThat(templates.update(template, new TemplateDefinition(first.title(), first.purpose(), steps))).isEqualTo(2);
        assertThat(templates.read(template).definition().question("q9")).isPresent();
        data.signIn(author);
        ResponseDetails mine = worksheets.response(response);
        assertThat(mine.templateVersion()).isEqualTo(1);
        assertThat(mine.definition().steps()).hasSize(2);
    }

    @Test
    void assigning_refuses_past_dates_a_review_before_the_due_date_and_members() {
        data.signIn(facilitator);
        long template = templates.starter("after-action");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Los_Angeles"));
        long otherSession = data.session(data.cohort(), "Elsewhere");
        assertThatThrownBy(() -> worksheets.assign(template, cohort, otherSession, today.minusDays(2), today.plusDays(3)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactlyInAnyOrder("session", "due"));
        assertThatThrownBy(() -> worksheets.assign(template, cohort, null, today.plusDays(5), today.plusDays(3)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("review"));
        long session = data.session(cohort, "Session one");
        long id = worksheets.assign(template, cohort, session, today.plusDays(3), today.plusDays(30));
        assertThat(worksheets.forSession(session)).extracting(AssignmentSummary::id).containsExactly(id);
        assertThat(data.db().select(NOTIFICATION.MEMBER_ID).from(NOTIFICATION)
                .where(NOTIFICATION.KIND.eq(WorksheetService.ASSIGNED_NOTIFICATION))
                .and(NOTIFICATION.PATH.eq("worksheets/assignments/" + id)).fetch(NOTIFICATION.MEMBER_ID))
                .containsExactlyInAnyOrder(author.id(), peer.id());
        data.signIn(author);
        assertThatThrownBy(() -> worksheets.assign(template, cohort, null, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(worksheets.assignments(cohort)).extracting(AssignmentSummary::myStatus)
                .containsExactly(ResponseStatus.NOT_STARTED);
        data.signIn(outsider);
        assertThatThrownBy(() -> worksheets.assignment(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void answers_save_one_by_one_resume_where_left_and_bad_answers_change_nothing() {
        long assignment = assigned(TestData.unique("Fill"));
        data.signIn(author);
        long id = worksheets.start(assignment);
        assertThat(worksheets.start(assignment)).isEqualTo(id);
        worksheets.saveAnswer(id, "q1", Answer.text("It happened"));
        worksheets.saveAnswer(id, "q3", Answer.pair("Same fee for all", "Fees by income"));
        worksheets.saveAnswer(id, "q4", Answer.rows(List.of(new Answer.GroupRow("Families", "Lower fees", "Paperwork"),
                new Answer.GroupRow("", "", ""))));
        worksheets.saveAnswer(id, "q5", Answer.text("Political"));
        worksheets.saveAnswer(id, "q6", Answer.choices(List.of("Emotional", "Mandated")));
        worksheets.saveAnswer(id, "q7", Answer.scale(4));
        worksheets.saveAnswer(id, "q8", Answer.yes(false));
        worksheets.saveStep(id, 1);
        assertThatThrownBy(() -> worksheets.saveAnswer(id, "q7", Answer.scale(7))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> worksheets.saveAnswer(id, "q5", Answer.text("Invented")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> worksheets.saveAnswer(id, "q2", Answer.text("x".repeat(501))))
                .isInstanceOf(InvalidInputException.class);

        ResponseDetails back = worksheets.response(id);
        assertThat(back.currentStep()).isEqualTo(1);
        assertThat(back.status()).isEqualTo(ResponseStatus.IN_PROGRESS);
        assertThat(back.answer("q1").text()).isEqualTo("It happened");
        assertThat(back.answer("q3").equity()).isEqualTo("Fees by income");
        assertThat(back.answer("q4").rows()).containsExactly(new Answer.GroupRow("Families", "Lower fees", "Paperwork"));
        assertThat(back.answer("q5").text()).isEqualTo("Political");
        assertThat(back.answer("q6").choices()).containsExactly("Mandated", "Emotional");
        assertThat(back.answer("q7").scale()).isEqualTo(4);
        assertThat(back.answer("q8").yes()).isFalse();
        assertThat(back.answer("q2").isEmpty()).isTrue();

        worksheets.saveAnswer(id, "q1", Answer.text("  "));
        assertThatThrownBy(() -> worksheets.submit(id)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().keySet()).containsExactly("answer.q1"));
        worksheets.saveAnswer(id, "q1", Answer.text("Again"));
        worksheets.submit(id);
        assertThat(worksheets.response(id).status()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThatThrownBy(() -> worksheets.saveAnswer(id, "q1", Answer.text("After")))
                .isInstanceOf(IllegalStateException.class);
        data.signIn(peer);
        assertThatThrownBy(() -> worksheets.saveAnswer(id, "q1", Answer.text("Not mine")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_private_response_is_refused_to_peers_and_facilitators_by_every_path() throws Exception {
        long assignment = assigned(TestData.unique("Private"));
        String secret = TestData.unique("zanzibarish");
        long id = submittedBy(author, assignment, Visibility.PRIVATE, 3, "My thought " + secret);
        indexer.catchUp();
        assertThat(search.search(secret, 10)).extracting(SearchHit::path).containsExactly("worksheets/responses/" + id);
        assertThat(worksheets.readers(id).names()).containsExactly(author.name());

        for (TestData.Person other : List.of(peer, facilitator, outsider)) {
            data.signIn(other);
            assertThatThrownBy(() -> worksheets.response(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> worksheets.rounds(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> worksheets.readers(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> worksheets.exportMarkdown(id, k -> k)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> worksheets.exportPdf(id, k -> k)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> worksheets.setVisibility(id, Visibility.COHORT)).isInstanceOf(AccessDeniedException.class);
            assertThat(search.search(secret, 10)).isEmpty();
        }
        data.signIn(peer);
        assertThat(worksheets.sharedWithMe(assignment)).isEmpty();
        data.signIn(facilitator);
        assertThat(worksheets.sharedWithMe(assignment)).isEmpty();
        CompletionRow row = reports.completion(assignment).stream().filter(r -> r.memberId() == author.id()).findFirst()
                .orElseThrow();
        assertThat(row.status()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThat(row.responseId()).isNull();
        assertThat(reports.writtenAnswers(assignment).values()).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(reports.counts(assignment)).allSatisfy(c -> assertThat(c.responses()).isZero());
        data.signIn(peer);
        assertThatThrownBy(() -> reports.completion(assignment)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.counts(assignment)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sharing_with_facilitators_or_the_cohort_lets_exactly_them_read_and_find_it() throws Exception {
        long assignment = assigned(TestData.unique("Shared"));
        String word = TestData.unique("quixotical");
        long id = submittedBy(author, assignment, Visibility.FACILITATORS, 4, "Shared " + word);
        assertThat(worksheets.readers(id).names()).containsExactly(author.name(), facilitator.name());
        indexer.catchUp();
        data.signIn(facilitator);
        assertThat(worksheets.response(id).answer("q1").text()).isEqualTo("Shared " + word);
        assertThat(search.search(word, 10)).hasSize(1);
        assertThat(worksheets.sharedWithMe(assignment)).extracting(SharedResponse::responseId).containsExactly(id);
        assertThatThrownBy(() -> worksheets.exportMarkdown(id, k -> k)).isInstanceOf(AccessDeniedException.class);
        data.signIn(peer);
        assertThatThrownBy(() -> worksheets.response(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(search.search(word, 10)).isEmpty();

        data.signIn(author);
        worksheets.setVisibility(id, Visibility.COHORT);
        assertThat(worksheets.readers(id).names()).contains(author.name(), facilitator.name(), peer.name())
                .doesNotContain(outsider.name());
        indexer.catchUp();
        data.signIn(peer);
        assertThat(worksheets.response(id).mine()).isFalse();
        assertThat(search.search(word, 10)).hasSize(1);
        data.signIn(outsider);
        assertThatThrownBy(() -> worksheets.response(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(search.search(word, 10)).isEmpty();
    }

    @Test
    void a_new_round_starts_from_the_last_one_privately_and_rounds_compare() {
        long assignment = assigned(TestData.unique("Rounds"));
        long first = submittedBy(author, assignment, Visibility.COHORT, 2, "We treat everyone the same");
        long second = worksheets.newRound(first);
        assertThat(worksheets.newRound(first)).isEqualTo(second);
        ResponseDetails again = worksheets.response(second);
        assertThat(again.round()).isEqualTo(2);
        assertThat(again.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(again.answer("q1").text()).isEqualTo("We treat everyone the same");
        worksheets.saveAnswer(second, "q1", Answer.text("We treat each group as it needs"));
        worksheets.saveAnswer(second, "q7", Answer.scale(4));
        assertThat(worksheets.rounds(second)).extracting(RoundInfo::round).containsExactly(1, 2);
        List<RoundChange> changes = worksheets.compare(first, second);
        RoundChange q1 = changes.stream().filter(c -> c.question().key().equals("q1")).findFirst().orElseThrow();
        assertThat(q1.changed()).isTrue();
        assertThat(q1.diff()).anySatisfy(s -> assertThat(s.text()).contains("need"));
        RoundChange q2 = changes.stream().filter(c -> c.question().key().equals("q2")).findFirst().orElseThrow();
        assertThat(q2.changed()).isFalse();
        // the peer sees the shared first round, never the private second
        data.signIn(peer);
        assertThat(worksheets.rounds(first)).extracting(RoundInfo::round).containsExactly(1);
        assertThatThrownBy(() -> worksheets.compare(first, second)).isInstanceOf(AccessDeniedException.class);
        assertThat(worksheets.sharedWithMe(assignment)).extracting(SharedResponse::responseId).containsExactly(first);
    }

    @Test
    void counts_need_three_shared_responses_and_never_count_private_ones() {
        long assignment = assigned(TestData.unique("Counts"));
        TestData.Person third = data.personIn(cohort, Role.MEMBER);
        TestData.Person fourth = data.personIn(cohort, Role.MEMBER);
        submittedBy(author, assignment, Visibility.FACILITATORS, 5, "One");
        submittedBy(peer, assignment, Visibility.COHORT, 5, "Two");
        submittedBy(fourth, assignment, Visibility.PRIVATE, 1, "Private");
        data.signIn(facilitator);
        QuestionCounts scale = reports.counts(assignment).stream().filter(c -> c.question().key().equals("q7"))
                .findFirst().orElseThrow();
        assertThat(scale.hidden()).isTrue();
        assertThat(scale.counts()).isEmpty();
        submittedBy(third, assignment, Visibility.FACILITATORS, 3, "Three");
        data.signIn(facilitator);
        Map<String, QuestionCounts> counts = new java.util.HashMap<>();
        reports.counts(assignment).forEach(c -> counts.put(c.question().key(), c));
        assertThat(counts.get("q7").hidden()).isFalse();
        assertThat(counts.get("q7").responses()).isEqualTo(3);
        assertThat(counts.get("q7").counts()).containsExactly(new QuestionCounts.Count("1", 0),
                new QuestionCounts.Count("2", 0), new QuestionCounts.Count("3", 1), new QuestionCounts.Count("4", 0),
                new QuestionCounts.Count("5", 2));
        assertThat(counts.get("q8").counts()).containsExactly(new QuestionCounts.Count("yes", 3),
                new QuestionCounts.Count("no", 0));
        // nobody answered the choice questions: hidden, not zero
        assertThat(counts.get("q6").hidden()).isTrue();
        Map<Question, List<SharedAnswer>> written = reports.writtenAnswers(assignment);
        assertThat(written.entrySet().stream().filter(e -> e.getKey().key().equals("q1")).findFirst().orElseThrow()
                .getValue()).extracting(a -> a.answer().text()).containsExactlyInAnyOrder("One", "Two", "Three");
        assertThat(reports.completion(assignment)).hasSize(4);
    }

    @Test
    void exports_carry_every_answer_for_the_author() {
        long assignment = assigned(TestData.unique("Export"));
        data.signIn(author);
        long id = worksheets.start(assignment);
        worksheets.saveAnswer(id, "q1", Answer.text("Line one\nLine two"));
        worksheets.saveAnswer(id, "q3", Answer.pair("Same for all", "By need"));
        worksheets.saveAnswer(id, "q4", Answer.rows(List.of(new Answer.GroupRow("Elders", "Rides | help", "Forms"))));
        worksheets.saveAnswer(id, "q6", Answer.choices(List.of("Political")));
        String md = worksheets.exportMarkdown(id, k -> k);
        assertThat(md).contains("> Line one\n> Line two", "worksheet.pair.equality: Same for all",
                "| Elders | Rides \\| help | Forms |", "> • Political", "### Which policy?\n\n> worksheet.answer.none");
        byte[] pdf = worksheets.exportPdf(id, k -> k);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void a_response_links_only_to_an_analysis_its_author_can_read() {
        long assignment = assigned(TestData.unique("Link"));
        data.signIn(peer);
        long peersDraft = analyses.create(cohort, new AnalysisDraft("Peer's draft", null, PolicyArea.OTHER, Set.of(),
                List.of(), Map.of(), Set.of()));
        data.signIn(author);
        long own = analyses.create(cohort, new AnalysisDraft("Own draft", null, PolicyArea.OTHER, Set.of(), List.of(),
                Map.of(), Set.of()));
        long id = worksheets.start(assignment);
        assertThat(worksheets.analysisChoices(id)).extracting(a -> a.id()).contains(own).doesNotContain(peersDraft);
        assertThatThrownBy(() -> worksheets.linkAnalysis(id, peersDraft)).isInstanceOf(AccessDeniedException.class);
        worksheets.linkAnalysis(id, own);
        assertThat(worksheets.response(id).analysisTitle()).isEqualTo("Own draft");
        worksheets.setVisibility(id, Visibility.COHORT);
        data.signIn(peer);
        // the peer may read the response but not the author's draft: no link shows
        assertThat(worksheets.response(id).analysisId()).isNull();
    }

    @Test
    void the_review_date_invites_everyone_who_answered_once() {
        data.signIn(facilitator);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/Los_Angeles"));
        long assignment = worksheets.assign(templates.create(cohort, WorksheetServiceTestSupport.everyKind(TestData.unique("Review"))), cohort, null,
                null, today);
        long answered = submittedBy(author, assignment, Visibility.PRIVATE, 3, "Yes");
        worksheets.remindReviews();
        worksheets.remindReviews();
        var notes = data.db().selectFrom(NOTIFICATION).where(NOTIFICATION.KIND.eq(WorksheetService.REVIEW_NOTIFICATION))
                .and(NOTIFICATION.MEMBER_ID.in(author.id(), peer.id())).fetch();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).getMemberId()).isEqualTo(author.id());
        assertThat(notes.get(0).getPath()).isEqualTo("worksheets/responses/" + answered);
    }
}
