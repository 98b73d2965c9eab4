package org.praxis.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.ANALYSIS_COMMENT;
import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.REACTION;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.THREAD;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ReactionKind;
import org.praxis.conversation.ReactionService;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.ApplicationStatus;
import org.praxis.obstacle.ObstacleService;
import org.praxis.session.PromptDraft;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestData.Person;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.Visibility;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A closed cohort is read-only in the services, however a write arrives: each write path that
 * belongs to a cohort refuses with {@link CohortClosedException}, from its facilitator as from its
 * members, while its alumni still read everything they read before.
 */
class ClosedCohortTest extends IntegrationTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    ThreadService threads;
    @Autowired
    ReactionService reactions;
    @Autowired
    ModerationService moderation;
    @Autowired
    AgreementService agreements;
    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analyses;
    @Autowired
    TemplateService templates;
    @Autowired
    WorksheetService worksheets;
    @Autowired
    CommitmentService commitments;
    @Autowired
    ObstacleService obstacles;
    @Autowired
    ApplicationService applications;

    long cohort;
    Person facilitator;
    Person alumna;
    Person peer;
    long thread;
    long ownPost;
    long peerPost;
    long session;
    long prompt;
    long analysis;
    long template;
    long assignment;
    long response;
    long commitment;
    long obstacle;

    @BeforeEach
    void aCohortThatWorkedThenClosed() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        alumna = data.personIn(cohort, Role.MEMBER);
        peer = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort);

        data.signIn(facilitator);
        SessionDraft s = new SessionDraft();
        s.setTitle("Closing circle");
        s.setStartsAt(LocalDateTime.now().plusDays(3).withNano(0));
        s.setEndsAt(LocalDateTime.now().plusDays(3).plusHours(2).withNano(0));
        session = sessions.create(cohort, s);
        PromptDraft p = new PromptDraft();
        p.setQuestion("What will you carry on?");
        prompt = sessions.addPrompt(session, p);
        template = templates.create(cohort, WorksheetServiceTestSupport.everyKind(TestData.unique("Reflection")));
        assignment = worksheets.assign(template, cohort, null, null, null);
        obstacle = obstacles.add(cohort, TestData.unique("Funding"));

        data.signIn(peer);
        peerPost = threads.reply(thread, null, "What I learned this year", false, false);
        data.signIn(alumna);
        ownPost = threads.reply(thread, null, "Thank you all", false, false);
        analysis = analyses.create(cohort, analysis());
        analyses.share(analysis);
        response = worksheets.start(assignment);
        worksheets.saveAnswer(response, "q1", Answer.text("My first answer"));
        worksheets.setVisibility(response, Visibility.COHORT);
        commitment = commitments.create(cohort, new CommitmentDraft("Translate the intake form", LocalDate.now().plusMonths(2),
                "When it is in use", null, null, null, null, null, Sharing.COHORT, Rhythm.MONTHLY));

        data.signIn(data.person(Role.ADMIN));
        cohorts.close(cohort);
    }

    private static AnalysisDraft analysis() {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "Our " + s.key());
        }
        return new AnalysisDraft(TestData.unique("Fees"), null, PolicyArea.ELIGIBILITY, Set.of(Dimension.LANGUAGE),
                List.of("fees"), sections, Set.of());
    }

    private SessionDraft laterSession() {
        SessionDraft s = new SessionDraft();
        s.setTitle("One more");
        s.setStartsAt(LocalDateTime.now().plusDays(9).withNano(0));
        s.setEndsAt(LocalDateTime.now().plusDays(9).plusHours(1).withNano(0));
        return s;
    }

    @Test
    void every_write_that_belongs_to_the_cohort_is_refused() {
        int threadsBefore = data.db().fetchCount(THREAD, THREAD.COHORT_ID.eq(cohort));
        Map<String, Runnable> byAlumna = new LinkedHashMap<>();
        byAlumna.put("reply", () -> threads.reply(thread, null, "One more thought", false, false));
        byAlumna.put("edit own post", () -> threads.edit(ownPost, "Thank you all, again"));
        byAlumna.put("delete own post", () -> threads.delete(ownPost));
        byAlumna.put("save a draft reply", () -> threads.saveDraft(thread, null, "Half a thought"));
        byAlumna.put("react", () -> reactions.toggle(peerPost, ReactionKind.I_HEAR_YOU));
        byAlumna.put("report", () -> moderation.report(peerPost, "Please look", false));
        byAlumna.put("will join", () -> sessions.setWillJoin(session, true));
        byAlumna.put("start an analysis", () -> analyses.create(cohort, analysis()));
        byAlumna.put("save an analysis", () -> analyses.save(analysis, analyses.read(analysis).lockVersion(), analysis()));
        byAlumna.put("comment on an analysis", () -> analyses.comment(analysis, Section.values()[0], "Good point"));
        byAlumna.put("answer a worksheet", () -> worksheets.saveAnswer(response, "q1", Answer.text("Changed")));
        byAlumna.put("submit a worksheet", () -> worksheets.submit(response));
        byAlumna.put("share a worksheet", () -> worksheets.setVisibility(response, Visibility.PRIVATE));
        byAlumna.put("new commitment", () -> commitments.create(cohort, new CommitmentDraft("Another", LocalDate.now()
                .plusMonths(1), "Done", null, null, null, null, null, Sharing.PRIVATE, Rhythm.MONTHLY)));
        byAlumna.put("check in", () -> commitments.checkIn(commitment, CommitmentStatus.IN_PROGRESS, "Going", null, Set.of()));
        byAlumna.put("share a commitment", () -> commitments.share(commitment, Sharing.PRIVATE));
        Map<String, Runnable> byPeer = new LinkedHashMap<>();
        byPeer.put("offer help", () -> commitments.offerHelp(commitment));
        Map<String, Runnable> byFacilitator = new LinkedHashMap<>();
        byFacilitator.put("open a thread", () -> threads.openThread(cohort, "New topic", null, false));
        byFacilitator.put("lock a thread", () -> moderation.lock(thread, true));
        byFacilitator.put("pin a thread", () -> moderation.pin(thread, true));
        byFacilitator.put("publish agreements", () -> agreements.publish(cohort, "We listen first."));
        byFacilitator.put("plan a session", () -> sessions.create(cohort, laterSession()));
        byFacilitator.put("change a session", () -> sessions.update(session, laterSession()));
        byFacilitator.put("cancel a session", () -> sessions.setCancelled(session, true));
        byFacilitator.put("add a prompt", () -> {
            PromptDraft p = new PromptDraft();
            p.setQuestion("Another question?");
            sessions.addPrompt(session, p);
        });
        byFacilitator.put("mark attendance", () -> sessions.markAttendance(session, alumna.id(), true));
        byFacilitator.put("publish an analysis", () -> analyses.publish(analysis, true));
        byFacilitator.put("assign a worksheet", () -> worksheets.assign(template, cohort, null, null, null));
        byFacilitator.put("new template", () -> templates.create(cohort,
                WorksheetServiceTestSupport.everyKind(TestData.unique("Late"))));
        byFacilitator.put("add an obstacle", () -> obstacles.add(cohort, TestData.unique("Late")));
        byFacilitator.put("rename an obstacle", () -> obstacles.rename(obstacle, TestData.unique("Renamed")));
        byFacilitator.put("open applications", () -> cohorts.setApplicationsOpen(cohort, true));
        byFacilitator.put("open applications (joining)", () -> applications.setApplicationsOpen(cohort, true));

        refusedAll(alumna, byAlumna);
        refusedAll(peer, byPeer);
        refusedAll(facilitator, byFacilitator);

        assertThat(data.db().fetchCount(POST, POST.THREAD_ID.eq(thread))).isEqualTo(2);
        assertThat(data.db().fetchCount(POST, POST.ID.eq(ownPost).and(POST.DELETED_AT.isNull()).and(POST.EDITED_AT.isNull())))
                .isEqualTo(1);
        assertThat(data.db().fetchCount(REACTION, REACTION.POST_ID.eq(peerPost))).isZero();
        assertThat(data.db().fetchCount(THREAD, THREAD.COHORT_ID.eq(cohort))).isEqualTo(threadsBefore);
        assertThat(data.db().fetchCount(SESSION, SESSION.COHORT_ID.eq(cohort))).isEqualTo(1);
        assertThat(data.db().fetchCount(ANALYSIS_COMMENT, ANALYSIS_COMMENT.ANALYSIS_ID.eq(analysis))).isZero();
        assertThat(data.db().fetchCount(CHECK_IN, CHECK_IN.COMMITMENT_ID.eq(commitment))).isZero();
        assertThat(data.db().select(COHORT.APPLICATIONS_OPEN).from(COHORT).where(COHORT.ID.eq(cohort)).fetchSingle().value1())
                .isFalse();
    }

    private void refusedAll(Person who, Map<String, Runnable> writes) {
        data.signIn(who);
        writes.forEach((name, write) -> assertThatThrownBy(write::run).as(name).isInstanceOf(CohortClosedException.class)
                .satisfies(e -> assertThat(((CohortClosedException) e).problems().get(CohortClosedException.FIELD).key())
                        .isEqualTo("cohort.closed.refused")));
    }

    @Test
    void an_alumna_still_reads_everything_she_read_before() {
        data.signIn(alumna);

        assertThat(threads.read(thread, ThreadService.Sort.OLDEST_FIRST).posts()).hasSize(2);
        assertThat(threads.header(thread).readOnly()).isTrue();
        assertThat(threads.header(thread).cohortClosed()).isTrue();
        assertThat(threads.commons(cohort)).isNotEmpty();
        assertThat(sessions.sessionsOf(cohort)).extracting(x -> x.id()).contains(session);
        assertThat(sessions.get(session).prompts()).hasSize(1);
        assertThat(analyses.read(analysis).title()).isNotBlank();
        assertThat(worksheets.response(response).id()).isEqualTo(response);
        assertThat(commitments.read(commitment).id()).isEqualTo(commitment);
        assertThat(commitments.board(cohort)).isNotEmpty();
        assertThat(obstacles.list(cohort, false)).isNotEmpty();
        assertThat(cohorts.myCohorts()).singleElement().satisfies(c -> assertThat(c.closed()).isTrue());
    }

    @Test
    void reopened_it_takes_writes_again() {
        data.signIn(data.person(Role.ADMIN));
        cohorts.reopen(cohort);
        data.signIn(alumna);

        long post = threads.reply(thread, null, "Back for the second year", false, false);

        assertThat(data.db().fetchCount(POST, POST.ID.eq(post))).isEqualTo(1);
    }

    @Test
    void an_applicant_cannot_apply_and_a_facilitator_cannot_decide_on_applications_any_more() {
        assertThat(applications.openCohorts()).extracting(CohortChoice::id).doesNotContain(cohort);
        data.signIn(facilitator);
        long id = data.db().insertInto(org.praxis.jooq.Tables.APPLICATION)
                .set(org.praxis.jooq.Tables.APPLICATION.COHORT_ID, cohort)
                .set(org.praxis.jooq.Tables.APPLICATION.NAME, "Ana")
                .set(org.praxis.jooq.Tables.APPLICATION.EMAIL, TestData.unique("ana") + "@example.org")
                .set(org.praxis.jooq.Tables.APPLICATION.SECTOR, "HEALTH_CARE")
                .set(org.praxis.jooq.Tables.APPLICATION.ROLE_TITLE, "Director")
                .set(org.praxis.jooq.Tables.APPLICATION.AUTHORITY, "BOTH")
                .set(org.praxis.jooq.Tables.APPLICATION.WHY, "To learn")
                .set(org.praxis.jooq.Tables.APPLICATION.BRING, "Years")
                .set(org.praxis.jooq.Tables.APPLICATION.FACTS, org.jooq.JSONB.valueOf("{}"))
                .set(org.praxis.jooq.Tables.APPLICATION.STATUS, "NEW")
                .returning(org.praxis.jooq.Tables.APPLICATION.ID).fetchOne(org.praxis.jooq.Tables.APPLICATION.ID);

        assertThatThrownBy(() -> applications.setStatus(id, ApplicationStatus.SHORTLISTED, null))
                .isInstanceOf(CohortClosedException.class);
        assertThatThrownBy(() -> applications.addNote(id, "Strong")).isInstanceOf(CohortClosedException.class);
        assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.NEW);
    }
}
