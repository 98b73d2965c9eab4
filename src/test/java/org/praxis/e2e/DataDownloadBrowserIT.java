package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * The data archive fetched by a real browser over HTTP, as the link on the account page gives it:
 * the download runs in a request of its own, outside the page's UI, with the member's sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class DataDownloadBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ThreadService threads;

    private Browser browser;

    @BeforeEach
    void openBrowser() throws IOException {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        browser.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_account_page_link_downloads_a_zip_of_the_members_own_posts() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        data.signIn(member);
        threads.reply(data.thread(cohort), null, "Words to take along", false, false);
        org.springframework.security.core.context.SecurityContextHolder.clearContext();

        browser.signIn(member.email(), TestData.PASSWORD);
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
        browser.open("account");
        WebElement link = browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("download-my-data")));
        Object fetched = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('content-type'),
                        first: String.fromCharCode(...new Uint8Array(b).slice(0, 2)), size: b.byteLength})))
                    .catch(e => done({error: String(e)}));
                """, link.getAttribute("href"));

        Map<String, Object> response = (Map<String, Object>) fetched;
        assertThat(response.get("status")).isEqualTo(200L);
        assertThat(String.valueOf(response.get("type"))).startsWith("application/zip");
        assertThat(response.get("first")).isEqualTo("PK");
        assertThat((Long) response.get("size")).isGreaterThan(200L);
    }
}
