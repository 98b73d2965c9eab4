package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * Two people in two browsers: B replies to A's post in B's own browser, and A's bell, on a
 * thread page A keeps open, counts the reply without a reload; the notice opens the very post.
 * Also the skip link: the first Tab of a page reaches it and Enter puts the focus in the main content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class BellBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ThreadService threads;

    @Test
    void a_reply_in_another_browser_lights_the_bell_live_and_the_notice_opens_the_post() throws IOException {
        long cohort = data.cohort();
        TestData.Person a = data.personIn(cohort, Role.MEMBER);
        TestData.Person b = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(a);
        long post = threads.reply(thread, null, "Who keeps the keys to the meeting room on Sundays?", false, false);

        try (Browser browserA = new Browser(port); Browser browserB = new Browser(port)) {
            browserA.signIn(a.email(), TestData.PASSWORD);
            browserA.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
            browserA.open("threads/" + thread);
            browserA.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-body-" + post)));

            // the skip link is the first stop of the keyboard, and Enter moves the focus to the main content
            browserA.driver.executeScript("document.activeElement && document.activeElement.blur();"
                    + "window.scrollTo(0, 0);");
            new Actions(browserA.driver).sendKeys(Keys.TAB).perform();
            browserA.waiting.until(d -> "skip-to-content".equals(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.activeElement && document.activeElement.id")));
            new Actions(browserA.driver).sendKeys(Keys.ENTER).perform();
            browserA.waiting.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const m = document.querySelector('vaadin-app-layout > main');"
                            + "return !!m && (document.activeElement === m || m.contains(document.activeElement));")));

            WebElement bell = browserA.driver.findElement(By.id("notification-bell"));
            assertThat(bell.getDomAttribute("aria-label")).isEqualTo("Notifications, none unread");
            assertThat(browserA.driver.findElements(By.id("notification-count"))).isEmpty();

            // B, in a browser of their own, replies to A's post
            browserB.signIn(b.email(), TestData.PASSWORD);
            browserB.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
            browserB.open("threads/" + thread);
            browserB.waiting.until(ExpectedConditions.elementToBeClickable(By.id("reply-to-" + post))).click();
            WebElement box = browserB.waiting.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#reply-body-" + post + " textarea")));
            box.sendKeys("Jo has them; ask at the door.");
            browserB.driver.findElement(By.id("reply-post-" + post)).click();
            browserB.waiting.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reply-body-" + post)));

            // A's open page: the count shows 1 without a reload, and is read out
            browserA.waiting.until(ExpectedConditions.textToBe(By.id("notification-count"), "1"));
            assertThat(browserA.driver.findElement(By.id("notification-bell")).getDomAttribute("aria-label"))
                    .isEqualTo("Notifications, 1 unread");
            browserA.screenshot("bell-live.png");

            // the notice opens the very post
            browserA.driver.findElement(By.id("notification-bell")).click();
            WebElement notice = browserA.waiting.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#notifications a")));
            assertThat(notice.getText()).contains(b.name());
            notice.click();
            browserA.waiting.until(ExpectedConditions.urlContains("threads/" + thread + "?post="));
            String reply = browserA.driver.getCurrentUrl().replaceAll(".*post=(\\d+).*", "$1");
            browserA.waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("post-body-" + reply), "Jo has them"));
            browserA.waiting.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const p = document.getElementById('post-" + reply + "');"
                            + "return !!p && (document.activeElement === p || p.contains(document.activeElement));")));
        }
    }

    @Test
    void home_reads_as_a_grid_on_a_desktop_and_one_column_on_a_phone_for_a_member_and_a_facilitator()
            throws IOException {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        TestData.Person other = data.personIn(cohort, Role.MEMBER);
        data.session(cohort, TestData.unique("Listening session"));
        long thread = data.thread(cohort);
        data.signIn(member);
        long post = threads.reply(thread, null, "How do you keep intake short?", false, false);
        data.signIn(other);
        threads.reply(thread, post, "Three questions, no more.", false, false);

        for (TestData.Person who : new TestData.Person[] {member, facilitator}) {
            String role = who == member ? "member" : "facilitator";
            try (Browser browser = new Browser(port)) {
                browser.signIn(who.email(), TestData.PASSWORD);
                browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
                for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
                    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
                    browser.open("");
                    browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-next-session")));
                    browser.screenshot("home-" + role + "-" + size[0] + ".png");
                    assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                            .isLessThanOrEqualTo((long) size[0]);
                    Long columns = (Long) browser.driver.executeScript(
                            "const g = document.querySelector('.praxis-home-grid');"
                                    + "return g ? getComputedStyle(g).gridTemplateColumns.split(' ').length : 0;");
                    if (size[0] == 390) {
                        assertThat(columns).isEqualTo(1L);
                    } else {
                        assertThat(columns).isGreaterThan(1L);
                    }
                }
                browser.open("commons?cohort=" + cohort);
                browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("thread-activity-" + thread)));
                browser.screenshot("commons-" + role + "-390.png");
            }
        }
    }
}
