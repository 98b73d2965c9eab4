package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.CONSULTATION;
import static org.praxis.jooq.Tables.POST;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.base.security.Role;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A peer consultation through its stages in a real browser, with two members and a facilitator:
 * the presenter brings a dilemma, the facilitator starts it, the peer asks and the presenter
 * answers, the facilitator moves to reflections, the peer reflects while the presenter's reply box
 * is closed (and says why), the facilitator moves on, and the presenter responds and makes their
 * next step a commitment. Screenshots at 1280 and 390 px in {@code target/e2e/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class ConsultationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Test
    void a_consultation_goes_through_its_stages_with_two_members_and_a_facilitator() throws IOException {
        long cohort = data.cohort();
        TestData.Person presenter = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);

        try (Browser browser = new Browser(port)) {
            // the presenter brings a dilemma
            as(browser, presenter);
            browser.open("consultations/new?cohort=" + cohort);
            type(browser, "vaadin-text-field#consultation-title input", "Closing the evening clinic");
            type(browser, "vaadin-text-area#consultation-situation textarea", "Our evening clinic loses money.");
            type(browser, "vaadin-text-area#consultation-tried textarea", "We cut its hours by one.");
            type(browser, "vaadin-text-area#consultation-question textarea", "Who should carry the cost?");
            browser.screenshot("consultation-bring-1280.png");
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("consultation-bring-390.png");
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            browser.driver.findElement(By.id("consultation-save")).click();
            browser.waiting.until(ExpectedConditions.textToBe(By.id("consultation-title"), "Closing the evening clinic"));
            long id = data.db().select(CONSULTATION.ID).from(CONSULTATION).where(CONSULTATION.COHORT_ID.eq(cohort))
                    .fetchOne(CONSULTATION.ID);
            long thread = data.db().select(CONSULTATION.THREAD_ID).from(CONSULTATION).where(CONSULTATION.ID.eq(id))
                    .fetchOne(CONSULTATION.THREAD_ID);

            // the facilitator says how it runs and starts it
            as(browser, facilitator);
            browser.open("consultations/" + id);
            click(browser, "plan-save");
            click(browser, "move-forward");
            currentStep(browser, "QUESTIONS");
            browser.screenshot("consultation-questions-1280.png");

            // the peer asks, the presenter answers
            as(browser, peer);
            post(browser, thread, null, "Who uses the evening clinic most?");
            long question = lastPost(thread);
            as(browser, presenter);
            post(browser, thread, question, "Farmworkers, after their shifts.");

            // reflections: the peer reflects, the presenter's box is closed and says why
            as(browser, facilitator);
            browser.open("consultations/" + id);
            click(browser, "move-forward");
            currentStep(browser, "REFLECTIONS");
            as(browser, peer);
            post(browser, thread, null, "I hear that the cost would fall on those with the least choice.");
            as(browser, presenter);
            browser.open("threads/" + thread);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("thread-read-only")));
            assertThat(browser.driver.findElement(By.id("thread-read-only")).getText()).contains("the presenter only reads");
            assertThat(browser.driver.findElements(By.cssSelector("#reply-body textarea"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("reply-to-" + question))).isEmpty();
            browser.screenshot("consultation-presenter-listens-1280.png");
            browser.open("consultations/" + id);
            browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("consultation-gate"),
                    "the presenter only reads"));
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("consultation-presenter-listens-390.png");
            browser.driver.manage().window().setSize(new Dimension(1280, 900));

            // the response: the presenter responds and makes the next step a commitment
            as(browser, facilitator);
            browser.open("consultations/" + id);
            click(browser, "move-forward");
            currentStep(browser, "RESPONSE");
            as(browser, presenter);
            post(browser, thread, null, "What I take away: ask the farmworkers before any change of hours.");
            browser.open("consultations/" + id);
            type(browser, "vaadin-text-area#next-step textarea", "Ask the farmworkers' council before changing hours");
            click(browser, "next-step-save");
            click(browser, "make-commitment");
            browser.waiting.until(ExpectedConditions.urlMatches("/commitments/\\d+$"));
            browser.open("consultations/" + id);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("consultation-commitment")));
            browser.screenshot("consultation-response-1280.png");
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("consultation-response-390.png");
            browser.open("consultations?cohort=" + cohort);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("consultation-" + id)));
            browser.screenshot("consultations-list-390.png");
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            browser.screenshot("consultations-list-1280.png");
            assertThat(data.db().fetchCount(POST, POST.THREAD_ID.eq(thread))).isEqualTo(4);
            assertThat(browser.cspViolations()).isEmpty();
        }
    }

    /** Signs the person in, in a fresh browser session. */
    private static void as(Browser browser, TestData.Person who) {
        browser.driver.manage().deleteAllCookies();
        browser.signIn(who.email(), TestData.PASSWORD);
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
    }

    private static void type(Browser browser, String css, String text) {
        browser.waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).sendKeys(text);
    }

    /** Clicks the element once it is there, brought to the middle of the screen (away from notices at the bottom). */
    private static void click(Browser browser, String id) {
        var element = browser.waiting.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        browser.waiting.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void currentStep(Browser browser, String stage) {
        browser.waiting.until(ExpectedConditions.attributeToBe(By.id("step-" + stage), "aria-current", "step"));
    }

    /** Posts in the thread, as a reply to {@code parent} when given, and waits until it is shown. */
    private void post(Browser browser, long thread, Long parent, String text) {
        int before = data.db().fetchCount(POST, POST.THREAD_ID.eq(thread));
        browser.open("threads/" + thread);
        String suffix = "";
        if (parent != null) {
            click(browser, "reply-to-" + parent);
            suffix = "-" + parent;
        }
        type(browser, "#reply-body" + suffix + " textarea", text);
        click(browser, "reply-post" + suffix);
        browser.waiting.until(d -> data.db().fetchCount(POST, POST.THREAD_ID.eq(thread)) == before + 1);
        browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), text));
    }

    private long lastPost(long thread) {
        return data.db().select(org.jooq.impl.DSL.max(POST.ID)).from(POST).where(POST.THREAD_ID.eq(thread))
                .fetchOne(0, Long.class);
    }
}
