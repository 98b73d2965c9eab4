package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.Authority;
import org.praxis.joining.RepresentationFacts;
import org.praxis.organization.Sector;
import org.praxis.support.TestData;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every route ({@link EveryRoute}), as a visitor, a member, a facilitator and an admin would open
 * it, with a cohort's worth of things to show: on a phone (390×844) and a small one (320×640)
 * nothing scrolls sideways, nothing goes past the right edge and every link, button and field is
 * within reach, sign-out and search included; and axe-core finds no serious or critical violation
 * at 1280 and at 390 px. One browser and one app for the whole walk, each page loaded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ThreadService threads;

    @Autowired
    TemplateService templates;

    @Autowired
    WorksheetService worksheets;

    @Autowired
    AnalysisService analyses;

    @Autowired
    CommitmentService commitments;

    @Autowired
    org.praxis.practice.PracticeNoteService notes;

    @Autowired
    ApplicationService applications;

    @Autowired
    org.praxis.consultation.ConsultationService consultations;

    private final List<String> layout = new ArrayList<>();
    private final List<String> accessibility = new ArrayList<>();
    private final List<String> visited = new ArrayList<>();

    @BeforeAll
    void walkEveryRoute() throws Exception {
        long cohort = data.cohort();
        data.db().update(org.praxis.jooq.Tables.COHORT).set(org.praxis.jooq.Tables.COHORT.APPLICATIONS_OPEN, true)
                .where(org.praxis.jooq.Tables.COHORT.ID.eq(cohort)).execute();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person admin = data.person(Role.ADMIN);
        long thread = data.thread(cohort, "Talks about turning people away", false);
        long session = data.session(cohort, "Language access at the front desk");
        data.signIn(peer);
        long first = threads.reply(thread, null, "Our intake form asks for a home address, and people without one"
                + " leave before they are seen. https://example.org/a/very/long/link/that/does/not/break/anywhere/at/all", false, false);
        threads.reply(thread, first, "Same at our clinic: we changed it last spring.", false, false);
        data.signIn(facilitator);
        long template = templates.create(cohort, WorksheetServiceTestSupport.everyKind("Who benefits, who carries the burden"));
        long assignment = worksheets.assign(template, cohort, session, LocalDate.now().plusDays(7), null);
        data.signIn(member);
        long response = worksheets.start(assignment);
        worksheets.saveAnswer(response, "q1", Answer.text("Interpreters only until five"));
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "What we found for " + s.key());
        }
        long analysis = analyses.create(cohort, new AnalysisDraft("Sliding fees at the clinic", null,
                PolicyArea.LANGUAGE_ACCESS, Set.of(Dimension.LANGUAGE), List.of("intake"), sections, Set.of()));
        analyses.share(analysis);
        long commitment = commitments.create(cohort, new CommitmentDraft("Interpreters on the evening shift",
                LocalDate.now().plusMonths(2), "Every evening visit has an interpreter", null, session, analysis, null,
                thread, Sharing.COHORT, Rhythm.MONTHLY));
        long consultation = consultations.bring(cohort, new org.praxis.consultation.ConsultationDraft(
                "Closing the evening clinic", "Our evening clinic loses money.", "We cut its hours by one.",
                "How do we decide who carries the cost?"));
        long note = notes.create(cohort, org.praxis.practice.NoteDraft.of("Evening interpreters, three months on",
                "We scheduled interpreters for every evening shift.", "Asking at booking time mattered more than the roster.",
                PolicyArea.LANGUAGE_ACCESS, org.praxis.practice.NoteVisibility.COHORT));
        notes.post(note);
        // a name of 100 letters without a space, as someone may type it
        long application = applications.apply(new ApplicationForm(cohort, "A".repeat(100), TestData.unique("applicant")
                + "@example.org", null, "Clinic of " + "B".repeat(60), Sector.HOUSING, "Director", Authority.STRUCTURAL,
                "To learn", "Practice", RepresentationFacts.NONE, true, null), TestData.unique("addr"));
        Map<String, Object> ids = new HashMap<>();
        ids.put("token", "not-a-real-token");
        ids.put("sessionId", session);
        ids.put("threadId", thread);
        ids.put("analysisId", analysis);
        ids.put("assignmentId", assignment);
        ids.put("responseId", response);
        ids.put("commitmentId", commitment);
        ids.put("noteId", note);
        ids.put("templateId", template);
        ids.put("applicationId", application);
        ids.put("cohortId", cohort);
        ids.put("consultationId", consultation);

        long started = System.nanoTime();
        try (Browser browser = new Browser(port)) {
            browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
            walk(browser, EveryRoute.Who.VISITOR, null, ids);
            walk(browser, EveryRoute.Who.MEMBER, member, ids);
            walk(browser, EveryRoute.Who.FACILITATOR, facilitator, ids);
            walk(browser, EveryRoute.Who.ADMIN, admin, ids);
        }
        System.out.printf("Walked %d pages in %d s:%n  %s%n", visited.size(), (System.nanoTime() - started) / 1_000_000_000L,
                String.join("\n  ", visited));
    }

    private void walk(Browser browser, EveryRoute.Who who, TestData.Person person, Map<String, Object> ids) {
        browser.driver.manage().deleteAllCookies();
        PageChecks.viewport(browser, 390, 844);
        if (person != null) {
            browser.signIn(person.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("main-navigation")));
        }
        for (EveryRoute.Route route : EveryRoute.ROUTES) {
            if (!route.who().contains(who)) {
                continue;
            }
            String path = route.path(ids);
            String page = who.name().toLowerCase() + " /" + path;
            visited.add(page);
            PageChecks.viewport(browser, 390, 844);
            browser.open(path);
            PageChecks.settle(browser);
            String shot = (who.name().toLowerCase() + "-" + (path.isEmpty() ? "home" : path)).replaceAll("[^A-Za-z0-9-]+", "-");
            List<String> at390 = PageChecks.layoutProblems(browser);
            if (person != null) {
                at390.addAll(reachable(browser));
            }
            record(layout, page + " at 390", at390, browser, shot + "-390.png");
            record(accessibility, page + " at 390", PageChecks.axeViolations(browser), null, null);
            PageChecks.viewport(browser, 320, 640);
            PageChecks.settle(browser);
            List<String> at320 = PageChecks.layoutProblems(browser);
            if (person != null) {
                at320.addAll(reachable(browser));
            }
            record(layout, page + " at 320", at320, browser, shot + "-320.png");
            PageChecks.viewport(browser, 1280, 900);
            PageChecks.settle(browser);
            record(accessibility, page + " at 1280", PageChecks.axeViolations(browser), null, null);
        }
    }

    /** Sign-out and search are on the screen of a signed-in page (in the top bar, not only in the drawer). */
    private static List<String> reachable(Browser browser) {
        List<String> problems = new ArrayList<>();
        for (String id : List.of("sign-out", "search-field")) {
            Object inside = browser.driver.executeScript("""
                    const el = document.getElementById(arguments[0]);
                    if (!el || !el.checkVisibility()) return false;
                    const r = el.getBoundingClientRect();
                    return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
                    """, id);
            if (!Boolean.TRUE.equals(inside)) {
                problems.add("#" + id + " is not on the screen");
            }
        }
        return problems;
    }

    private static void record(List<String> into, String page, List<String> found, Browser browser, String shot) {
        if (!found.isEmpty()) {
            found.forEach(f -> into.add(page + ": " + f));
            if (browser != null) {
                browser.screenshot("walk/" + shot);
            }
        }
    }

    @Test
    void every_route_of_the_code_is_walked() {
        assertThat(EveryRoute.missing()).as("routes to add to EveryRoute.ROUTES").isEmpty();
    }

    @Test
    void no_page_scrolls_sideways_or_leaves_a_control_out_of_reach_on_a_phone() {
        assertThat(visited).hasSizeGreaterThan(60);
        assertThat(layout).withFailMessage("%d things do not fit at 390×844 or 320×640 (screenshots in target/e2e/walk):%n  %s",
                layout.size(), String.join("\n  ", layout)).isEmpty();
    }

    @Test
    void axe_finds_no_serious_or_critical_violation_at_1280_and_390() {
        assertThat(accessibility).withFailMessage("axe-core's %d serious or critical violations:%n  %s",
                accessibility.size(), String.join("\n  ", accessibility)).isEmpty();
    }
}
