package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
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
 * The Content-Security-Policy fits the app: a member signs in and uses pages with push, dialogs and
 * downloads, and the browser refuses nothing (no {@code securitypolicyviolation} event, no
 * refusal in the console), while an inline script slipped into a page is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class PageSecurityBrowserIT {

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

    private static void click(Browser browser, By locator) {
        var element = browser.waiting.until(ExpectedConditions.elementToBeClickable(locator));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.waiting.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private static void awaitDownload(Browser browser, String suffix) {
        browser.waiting.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static List<String> refusals(List<String> console) {
        return console.stream().filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")
                || m.contains("Permissions-Policy") || m.contains("Permissions policy")).toList();
    }

    @Test
    void signing_in_and_using_push_dialogs_and_downloads_breaks_no_rule_of_the_policy() throws IOException {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        long thread = data.thread(cohort);
        long session = data.session(cohort, TestData.unique("Session"));
        data.signIn(peer);
        long first = threads.reply(thread, null, "Our intake form asks for a home address.", false, false);
        data.signIn(facilitator);
        long assignment = worksheets.assign(templates.create(cohort,
                WorksheetServiceTestSupport.everyKind(TestData.unique("Policy"))), cohort, null, null, null);
        data.signIn(member);
        long response = worksheets.start(assignment);
        worksheets.saveAnswer(response, "q1", Answer.text("Interpreters only until five"));
        worksheets.saveAnswer(response, "q7", Answer.scale(3));
        worksheets.submit(response);
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, "What we found for " + s.key());
        }
        long analysis = analyses.create(cohort, new AnalysisDraft(TestData.unique("Sliding fees"), null,
                PolicyArea.LANGUAGE_ACCESS, Set.of(Dimension.LANGUAGE), List.of("intake"), sections, Set.of()));
        analyses.share(analysis);

        List<String> console = new ArrayList<>();
        try (Browser browser = new Browser(port)) {
            browser.signIn(member.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));

            // push: a reply from someone else is announced while the thread is open
            browser.open("threads/" + thread);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-body-" + first)));
            data.signIn(peer);
            threads.reply(thread, null, "Same at our clinic.", false, false);
            browser.waiting.until(ExpectedConditions.textToBe(By.id("new-replies"), "One new reply — show it"));

            // downloads: a session's calendar file, a worksheet's and an analysis's exports
            browser.open("sessions/" + session);
            click(browser, By.id("session-ics"));
            awaitDownload(browser, ".ics");
            browser.open("worksheets/responses/" + response);
            click(browser, By.id("worksheet-export-markdown"));
            awaitDownload(browser, ".md");
            click(browser, By.id("worksheet-export-pdf"));
            awaitDownload(browser, ".pdf");
            browser.open("analyses/" + analysis);
            click(browser, By.id("analysis-export-pdf"));
            browser.waiting.until(d -> {
                try (Stream<Path> files = Files.list(browser.downloads())) {
                    return files.filter(f -> f.toString().endsWith(".pdf")).count() == 2;
                } catch (IOException e) {
                    return false;
                }
            });

            // a dialog
            browser.open("commitments");
            click(browser, By.id("commitment-new"));
            browser.waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
            browser.screenshot("csp-dialog.png");

            assertThat(browser.cspViolations()).isEmpty();
            console.addAll(browser.consoleMessages());
            assertThat(refusals(console)).isEmpty();

            // and the policy does refuse what did not come with the page
            browser.driver.executeScript("const s = document.createElement('script');"
                    + "s.textContent = 'window.injected = true'; document.body.appendChild(s);"
                    + "const i = document.createElement('img'); i.src = 'data:,x';"
                    + "i.setAttribute('onerror', 'window.handlerRan = true'); document.body.appendChild(i);");
            browser.waiting.until(d -> !browser.cspViolations().isEmpty());
            assertThat(browser.driver.executeScript("return window.injected === true")).isEqualTo(false);
            assertThat(browser.cspViolations()).anySatisfy(v -> assertThat(v).startsWith("script-src"));
        }
    }
}
