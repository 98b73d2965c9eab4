package org.praxis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AGREEMENT;
import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.ANALYSIS_COMMENT;
import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.APPLICATION_NOTE;
import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.OBSTACLE;
import static org.praxis.jooq.Tables.ORGANIZATION;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_REPORT;
import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.THREAD;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
import org.praxis.base.InvalidInputException;
import org.praxis.base.security.Role;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.Authority;
import org.praxis.joining.InvitationService;
import org.praxis.joining.RepresentationFacts;
import org.praxis.member.MemberDraft;
import org.praxis.member.MemberService;
import org.praxis.obstacle.ObstacleService;
import org.praxis.organization.County;
import org.praxis.organization.OrganizationDraft;
import org.praxis.organization.OrganizationService;
import org.praxis.organization.Sector;
import org.praxis.session.PromptDraft;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every form's service refuses text with a character PostgreSQL cannot store (here U+0000) with a
 * message on the field that says where it hides, and writes nothing; a reply draft, kept while
 * typing with no one to read a message, keeps the text without it.
 */
class UnstorableTextTest extends IntegrationTest {

    private static final String NUL = "\u0000";

    @Autowired ThreadService threads;
    @Autowired ModerationService moderation;
    @Autowired AgreementService agreements;
    @Autowired AnalysisService analyses;
    @Autowired WorksheetService worksheets;
    @Autowired TemplateService templates;
    @Autowired CommitmentService commitments;
    @Autowired MemberService members;
    @Autowired OrganizationService organizations;
    @Autowired SessionService sessions;
    @Autowired ApplicationService applications;
    @Autowired InvitationService invitations;
    @Autowired ObstacleService obstacles;

    private long cohort;
    private TestData.Person facilitator;
    private TestData.Person member;
    private long thread;

    @BeforeEach
    void cohort() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
        data.signIn(facilitator);
        long agreement = agreements.publish(cohort, "We listen to understand.").id();
        data.signIn(member);
        agreements.acknowledge(agreement);
        thread = data.thread(cohort);
    }

    private static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).containsKey(field);
            assertThat(e.problems().get(field).key()).startsWith("validation.unstorable");
        });
    }

    private int count(org.jooq.Table<?> table) {
        return data.db().fetchCount(table);
    }

    @Test
    void the_message_quotes_the_words_just_before_the_hidden_character() {
        assertThatThrownBy(() -> threads.reply(thread, null, "Our intake form asks" + NUL + " for an address", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get("body").key()).isEqualTo("validation.unstorable");
                    assertThat(e.problems().get("body").args()).containsExactly("Our intake form asks");
                });
        assertThatThrownBy(() -> threads.reply(thread, null, NUL + "At the very start", false, false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("body").key()).isEqualTo("validation.unstorable.start"));
        // half of a surrogate pair is as unstorable as NUL
        assertRefused(() -> threads.reply(thread, null, "A broken \uD83D emoji", false, false), "body");
    }

    @Test
    void posts_replies_and_edits_are_refused_and_nothing_is_posted() {
        int before = count(POST);
        assertRefused(() -> threads.reply(thread, null, "Same at" + NUL + " our clinic", false, false), "body");
        assertThat(count(POST)).isEqualTo(before);

        long post = threads.reply(thread, null, "Same at our clinic", false, false);
        assertRefused(() -> threads.reply(thread, post, "A reply" + NUL, false, false), "body");
        assertRefused(() -> threads.edit(post, "Same at" + NUL + " our clinic, edited"), "body");
        assertThat(data.db().select(POST.BODY_MARKDOWN).from(POST).where(POST.ID.eq(post)).fetchSingle().value1())
                .isEqualTo("Same at our clinic");
    }

    @Test
    void a_reply_draft_kept_while_typing_is_saved_without_the_character() {
        threads.saveDraft(thread, null, "Half" + NUL + " written");

        assertThat(threads.draft(thread, null)).contains("Half written");
    }

    @Test
    void thread_titles_content_notes_moderation_reasons_and_reports_are_refused() {
        long post = threads.reply(thread, null, "Something to report", false, false);
        assertRefused(() -> moderation.report(post, "It felt" + NUL + " dismissive", false), "reason");
        assertThat(data.db().fetchCount(POST_REPORT, POST_REPORT.POST_ID.eq(post))).isZero();

        data.signIn(facilitator);
        int threadsBefore = count(THREAD);
        assertRefused(() -> threads.openThread(cohort, "Hiring" + NUL, null, false), "title");
        assertRefused(() -> threads.openThread(cohort, "Hiring", "Mentions" + NUL + " loss", false), "contentNote");
        assertThat(count(THREAD)).isEqualTo(threadsBefore);
        assertRefused(() -> moderation.hide(post, "Names" + NUL + " a staff member"), "reason");
        int agreementsBefore = count(AGREEMENT);
        assertRefused(() -> agreements.publish(cohort, "We keep" + NUL + " stories here"), "body");
        assertThat(count(AGREEMENT)).isEqualTo(agreementsBefore);
    }

    private static AnalysisDraft analysis(String title, String section, List<String> tags) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "Found for " + s.key());
        }
        sections.put(Section.values()[0], section);
        return new AnalysisDraft(title, null, PolicyArea.LANGUAGE_ACCESS, Set.of(Dimension.LANGUAGE), tags, sections,
                Set.of());
    }

    @Test
    void analysis_titles_sections_tags_and_comments_are_refused() {
        int before = count(ANALYSIS);
        assertRefused(() -> analyses.create(cohort, analysis("Sliding" + NUL + " fees", "Purpose", List.of())), "title");
        assertRefused(() -> analyses.create(cohort, analysis(TestData.unique("Sliding fees"), "The" + NUL + " purpose", List.of())),
                "section." + Section.values()[0].key());
        assertRefused(() -> analyses.create(cohort, analysis(TestData.unique("Sliding fees"), "Purpose", List.of("in" + NUL + "take"))),
                "tags");
        assertThat(count(ANALYSIS)).isEqualTo(before);

        long id = analyses.create(cohort, analysis(TestData.unique("Sliding fees"), "Purpose", List.of("intake")));
        int version = analyses.read(id).lockVersion();
        assertRefused(() -> analyses.save(id, version, analysis(TestData.unique("Sliding fees"), "Purpose" + NUL, List.of())),
                "section." + Section.values()[0].key());
        analyses.share(id);
        assertRefused(() -> analyses.comment(id, Section.values()[0], "Good" + NUL + " point"), "comment");
        assertThat(data.db().fetchCount(ANALYSIS_COMMENT, ANALYSIS_COMMENT.ANALYSIS_ID.eq(id))).isZero();
    }

    @Test
    void worksheet_answers_and_templates_are_refused() {
        data.signIn(facilitator);
        int templatesBefore = count(WORKSHEET_TEMPLATE);
        assertRefused(() -> templates.create(cohort, WorksheetServiceTestSupport.everyKind("Policy" + NUL)), "title");
        assertThat(count(WORKSHEET_TEMPLATE)).isEqualTo(templatesBefore);
        long assignment = worksheets.assign(templates.create(cohort,
                WorksheetServiceTestSupport.everyKind(TestData.unique("Policy"))), cohort, null, null, null);

        data.signIn(member);
        long response = worksheets.start(assignment);
        assertRefused(() -> worksheets.saveAnswer(response, "q1", Answer.text("Interpreters" + NUL)), "answer.q1");
        assertRefused(() -> worksheets.saveAnswer(response, "q3", Answer.pair("Same form", "Their" + NUL + " language")),
                "answer.q3");
        assertThat(worksheets.response(response).answer("q1").text()).isNull();
    }

    @Test
    void commitments_check_ins_and_obstacles_are_refused() {
        int before = count(COMMITMENT);
        assertRefused(() -> commitments.create(cohort, new CommitmentDraft("Translate" + NUL + " the form",
                LocalDate.now().plusMonths(2), null, null, null, null, null, null, Sharing.PRIVATE, Rhythm.BIWEEKLY)),
                "what");
        assertRefused(() -> commitments.create(cohort, new CommitmentDraft("Translate the form",
                LocalDate.now().plusMonths(2), "When it is" + NUL + " used", "Our" + NUL + " lead", null, null, null,
                null, Sharing.PRIVATE, Rhythm.BIWEEKLY)), "doneWhen");
        assertThat(count(COMMITMENT)).isEqualTo(before);
        long id = commitments.create(cohort, new CommitmentDraft("Translate the form", LocalDate.now().plusMonths(2),
                null, null, null, null, null, null, Sharing.PRIVATE, Rhythm.BIWEEKLY));
        assertRefused(() -> commitments.checkIn(id, CommitmentStatus.STUCK, "Waiting" + NUL, null, Set.of()), "note");
        assertRefused(() -> commitments.checkIn(id, CommitmentStatus.STUCK, null, "Budget" + NUL, Set.of()), "inTheWay");
        assertThat(data.db().fetchCount(CHECK_IN, CHECK_IN.COMMITMENT_ID.eq(id))).isZero();

        data.signIn(facilitator);
        int obstaclesBefore = count(OBSTACLE);
        assertRefused(() -> obstacles.add(cohort, "Union" + NUL + " contract"), "label");
        assertThat(count(OBSTACLE)).isEqualTo(obstaclesBefore);
    }

    @Test
    void names_organisations_sessions_and_prompts_are_refused() {
        data.signIn(facilitator);
        MemberDraft person = new MemberDraft();
        person.setDisplayName("Ana" + NUL + " Ruiz");
        person.setEmail(TestData.unique("ana") + "@test.example");
        person.setRole(Role.MEMBER);
        person.setCohortId(cohort);
        int membersBefore = count(MEMBER);
        assertRefused(() -> members.create(person), "displayName");
        person.setDisplayName("Ana Ruiz");
        person.setPronouns("she" + NUL + "/her");
        assertRefused(() -> members.create(person), "pronouns");
        assertThat(count(MEMBER)).isEqualTo(membersBefore);

        OrganizationDraft organization = new OrganizationDraft();
        organization.setName(TestData.unique("Clinic") + NUL);
        organization.setSector(Sector.HEALTH_CARE);
        organization.setCounty(County.WHATCOM);
        int organizationsBefore = count(ORGANIZATION);
        assertRefused(() -> organizations.create(organization), "name");
        assertThat(count(ORGANIZATION)).isEqualTo(organizationsBefore);

        SessionDraft session = new SessionDraft();
        session.setTitle("Hiring" + NUL);
        session.setStartsAt(LocalDateTime.now().plusDays(3));
        session.setEndsAt(LocalDateTime.now().plusDays(3).plusHours(2));
        int sessionsBefore = count(SESSION);
        assertRefused(() -> sessions.create(cohort, session), "title");
        session.setTitle("Hiring");
        session.setDescription("We look" + NUL + " at promotion");
        assertRefused(() -> sessions.create(cohort, session), "description");
        assertThat(count(SESSION)).isEqualTo(sessionsBefore);
        session.setDescription(null);
        long sessionId = sessions.create(cohort, session);
        PromptDraft prompt = new PromptDraft();
        prompt.setQuestion("Who gets" + NUL + " promoted?");
        assertRefused(() -> sessions.addPrompt(sessionId, prompt), "question");
        assertThat(data.db().fetchCount(PROMPT, PROMPT.SESSION_ID.eq(sessionId))).isZero();
    }

    private ApplicationForm application(String name, String why, RepresentationFacts facts) {
        return new ApplicationForm(cohort, name, TestData.unique("applicant") + "@example.org", null, "Clinic of Ina",
                Sector.PUBLIC_HEALTH, "Director", Authority.BOTH, why, "Years of practice", facts, true, null);
    }

    @Test
    void applications_their_notes_and_decisions_and_joining_are_refused() {
        data.db().update(org.praxis.jooq.Tables.COHORT).set(org.praxis.jooq.Tables.COHORT.APPLICATIONS_OPEN, true)
                .where(org.praxis.jooq.Tables.COHORT.ID.eq(cohort)).execute();
        int before = count(APPLICATION);
        RepresentationFacts none = new RepresentationFacts(List.of(), null, null, null, null, null, null, null, null, false);
        assertRefused(() -> applications.apply(application("Ina", "To" + NUL + " learn", none), TestData.unique("a")), "why");
        assertRefused(() -> applications.apply(application("Ina" + NUL, "To learn", none), TestData.unique("a")), "name");
        RepresentationFacts lived = new RepresentationFacts(List.of(), null, null, null, null, null, null, null,
                "Grew up" + NUL + " here", false);
        assertRefused(() -> applications.apply(application("Ina", "To learn", lived), TestData.unique("a")),
                "livedExperience");
        assertThat(count(APPLICATION)).isEqualTo(before);

        long id = applications.apply(application("Ina", "To learn", none), TestData.unique("a"));
        data.signIn(facilitator);
        assertRefused(() -> applications.addNote(id, "Strong" + NUL + " fit"), "note");
        assertThat(data.db().fetchCount(APPLICATION_NOTE, APPLICATION_NOTE.APPLICATION_ID.eq(id))).isZero();
        assertRefused(() -> applications.setStatus(id, org.praxis.joining.ApplicationStatus.WAITLISTED,
                "Next" + NUL + " round"), "message");

        String url = invitations.invite(id).url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        int membersBefore = count(MEMBER);
        assertRefused(() -> invitations.accept(token, "Ina" + NUL + " R.", "a long enough password",
                "a long enough password", true), "displayName");
        assertThat(count(MEMBER)).isEqualTo(membersBefore);
    }
}
