package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Searching as a member would: the field in the top bar, Enter, a highlighted result, and the
 * result opening the thread with that very post scrolled to and focused, far down a long thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class SearchBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ThreadService threads;

    @Autowired
    Indexer indexer;

    @Test
    void a_result_found_from_the_top_bar_opens_the_post_in_its_thread() throws IOException {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        for (int i = 0; i < 45; i++) {
            threads.reply(thread, null, "Check-in " + i + ": the usual update on staffing.", false, false);
        }
        long wanted = threads.reply(thread, null, "We finally funded interpreters for the evening clinic.", false, false);
        indexer.catchUp();

        try (Browser browser = new Browser(port)) {
            browser.signIn(member.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
            var field = browser.waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#search-field input")));
            // posts only: notes shared with the network by other tests speak of evening interpreters too
            field.sendKeys("interpreter evening type:post", Keys.ENTER);

            By result = By.cssSelector("#result-post-" + wanted + " a");
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(result));
            assertThat(browser.driver.findElement(By.id("search-status")).getText()).isEqualTo("One result");
            assertThat(browser.driver.findElement(By.cssSelector("#result-post-" + wanted + " .praxis-snippet"))
                    .getDomProperty("innerHTML")).contains("<b>interpreters</b>").contains("<b>evening</b>");
            browser.screenshot("search-results.png");

            browser.driver.findElement(result).click();
            By post = By.id("post-" + wanted);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(post));
            browser.waiting.until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.activeElement && document.activeElement.id")).equals("post-" + wanted));
            Object inView = browser.driver.executeScript(
                    "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                    browser.driver.findElement(post));
            assertThat(inView).isEqualTo(true);
            assertThat(browser.driver.findElement(post).getAttribute("class")).contains("praxis-post-target");
            browser.screenshot("search-opens-post.png");
        }
    }
}
