package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;
import static org.praxis.jooq.Tables.MEMBER;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.base.security.Role;
import org.praxis.member.EmailChangeService;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The link that confirms a new email address, opened by a real browser that is not signed in (as
 * from a mail program): it leads through the sign-in page, with the old address, back to the
 * confirmation, and after the change the new address signs in. Screenshots of the account page at
 * desktop and phone widths land in {@code target/e2e}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class EmailChangeBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    EmailChangeService changes;

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
    void a_signed_out_visitor_signs_in_with_the_old_address_confirms_and_then_signs_in_with_the_new_one() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        String newEmail = TestData.unique("moved") + "@example.org";
        data.signIn(member);
        changes.request(newEmail, TestData.PASSWORD);
        SecurityContextHolder.clearContext();
        String body = data.db().select(MAIL_OUTBOX.BODY).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(newEmail))
                .fetchSingle(MAIL_OUTBOX.BODY);
        Matcher link = Pattern.compile("http://praxis\\.test/(account/email/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();

        browser.open(link.group(1));
        browser.waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-email-field#email input")))
                .sendKeys(member.email());
        browser.driver.findElement(By.cssSelector("vaadin-password-field#password input")).sendKeys(TestData.PASSWORD);
        browser.driver.findElement(By.id("sign-in")).click();

        browser.waiting.until(ExpectedConditions.elementToBeClickable(By.id("email-confirm")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/" + link.group(1));
        browser.screenshot("email-confirm-1280.png");
        browser.driver.findElement(By.id("email-confirm")).click();
        browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-confirmed-text"), newEmail));
        assertThat(data.db().select(MEMBER.EMAIL).from(MEMBER).where(MEMBER.ID.eq(member.id())).fetchSingle(MEMBER.EMAIL))
                .isEqualTo(newEmail);

        // a change waiting for its link, as the account page shows it
        data.signIn(member);
        changes.request(TestData.unique("again") + "@example.org", TestData.PASSWORD);
        SecurityContextHolder.clearContext();
        browser.driver.manage().window().setSize(new Dimension(1280, 2400));
        browser.open("account");
        browser.waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-current"), newEmail));
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-pending")));
        browser.screenshot("account-1280.png");
        browser.driver.manage().window().setSize(new Dimension(390, 3400));
        browser.open("account");
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form")));
        browser.screenshot("account-390.png");
        assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(390L);
        // a fresh visit, as from another device
        browser.driver.manage().deleteAllCookies();

        browser.signIn(newEmail, TestData.PASSWORD);
        browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-view")));
        assertThat(browser.cspViolations()).isEmpty();
    }
}
