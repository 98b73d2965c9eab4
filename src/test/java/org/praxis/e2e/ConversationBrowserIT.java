package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The journeys of a brave-conversation thread that need a real browser: a reply from someone
 * else arriving through Vaadin push while the page is open, and quoting a selected passage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class ConversationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ThreadService threads;

    @Test
    void a_reply_posted_elsewhere_arrives_live_and_a_selected_passage_can_be_quoted() throws IOException {
        long cohort = data.cohort();
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        TestData.Person writer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(writer);
        long first = threads.reply(thread, null, "Our intake form asks for a home address. Many of our clients have none.",
                false, false);

        try (Browser browser = new Browser(port)) {
            browser.signIn(reader.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
            browser.open("threads/" + thread);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-body-" + first)));

            // someone else replies while the page is open: it is announced, not pushed under the reader
            data.signIn(writer);
            threads.reply(thread, null, "Same at our clinic.", false, false);
            browser.waiting.until(ExpectedConditions.textToBe(By.id("new-replies"), "One new reply — show it"));
            browser.screenshot("new-replies.png");

            // select a passage of the first post and quote just that
            browser.driver.executeScript("const p = document.querySelector('#post-body-" + first + " p');"
                    + "const r = document.createRange(); r.setStart(p.firstChild, 0); r.setEnd(p.firstChild, 43);"
                    + "const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);");
            browser.driver.findElement(By.id("quote-" + first)).click();
            browser.waiting.until(d -> String.valueOf(d.findElement(By.cssSelector("#reply-body textarea"))
                    .getDomProperty("value")).contains("\n> Our intake form asks for a home address."));
            String quoted = browser.driver.findElement(By.cssSelector("#reply-body textarea")).getDomProperty("value");
            assertThat(quoted).doesNotContain("Many of our clients");
        }
    }
}
