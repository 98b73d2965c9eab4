package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.base.security.Role;
import org.praxis.support.TestData;
import org.praxis.worksheet.ResponseDetails;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.WorksheetService;
import org.praxis.worksheet.WorksheetServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Filling a worksheet as a member would: typing, with no save button, the answer is saved a
 * moment after typing stops; the tab closed and a new one opened later comes back to the same
 * step with the words in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class WorksheetBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    TemplateService templates;

    @Autowired
    WorksheetService worksheets;

    /** Scrolls the element to the middle of the window first, as a person would, then clicks it. */
    private static void click(Browser browser, By locator) {
        var element = browser.waiting.until(ExpectedConditions.elementToBeClickable(locator));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.waiting.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private static String step(org.openqa.selenium.WebDriver d) {
        return String.valueOf(d.findElement(By.id("worksheet-progress-text")).getDomProperty("textContent"));
    }

    @Test
    void typed_answers_save_themselves_and_a_new_tab_resumes_at_the_same_step() throws IOException {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(facilitator);
        long assignment = worksheets.assign(templates.create(cohort,
                WorksheetServiceTestSupport.everyKind(TestData.unique("Browser"))), cohort, null, null, null);

        long responseId;
        try (Browser browser = new Browser(port)) {
            browser.signIn(member.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
            browser.open("worksheets");
            browser.waiting.until(ExpectedConditions.elementToBeClickable(By.id("assignment-" + assignment + "-go"))).click();
            var answer = browser.waiting.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#answer-q1 textarea")));
            answer.sendKeys("Interpreters only until five");
            browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("worksheet-save-status"),
                    "Saved at"));
            click(browser, By.id("worksheet-next"));
            try {
                browser.waiting.until(d -> step(d).equals("Step 2 of 2"));
            } catch (RuntimeException e) {
                browser.screenshot("worksheet-next-failed.png");
                throw e;
            }
            browser.screenshot("worksheet-step-two.png");
            responseId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/responses/(\\d+).*", "$1"));
        }
        data.signIn(member);
        ResponseDetails saved = worksheets.response(responseId);
        assertThat(saved.answer("q1").text()).isEqualTo("Interpreters only until five");
        assertThat(saved.currentStep()).isEqualTo(1);

        try (Browser later = new Browser(port)) {
            later.signIn(member.email(), TestData.PASSWORD);
            later.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
            later.open("worksheets");
            var go = later.waiting.until(ExpectedConditions.elementToBeClickable(By.id("assignment-" + assignment + "-go")));
            assertThat(go.getText()).isEqualTo("Continue");
            go.click();
            later.waiting.until(d -> step(d).equals("Step 2 of 2"));
            click(later, By.id("worksheet-back"));
            later.waiting.until(d -> "Interpreters only until five".equals(
                    d.findElement(By.cssSelector("#answer-q1 textarea")).getDomProperty("value")));
            later.screenshot("worksheet-resumed.png");
        }
    }
}
