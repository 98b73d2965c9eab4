package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.base.security.Role;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Signs in through a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver})
 * against the whole application on a random port. Runs with {@code ./mvnw -Pe2e verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class SignInBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

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
    void a_member_signs_in_and_sees_their_cohort_on_the_home_page() {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);

        browser.signIn(member.email(), TestData.PASSWORD);

        WebElement name = browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("cohort-name")));
        browser.waiting.until(ExpectedConditions.textToBe(By.id("cohort-name"), data.cohortName(cohort)));
        assertThat(browser.driver.findElement(By.id("home-view")).isDisplayed()).isTrue();
        assertThat(name.getText()).isEqualTo(data.cohortName(cohort));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("/login");
        browser.screenshot("home.png");
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_sign_in_page_with_an_error() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);

        browser.signIn(member.email(), "not the password");

        By error = By.cssSelector("vaadin-password-field#password [slot='error-message']");
        browser.waiting.until(ExpectedConditions.textToBe(error,
                "The email or the password is not right. Please check both and try again."));
        assertThat(browser.driver.findElement(By.id("password")).getDomAttribute("invalid")).isNotNull();
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
        assertThat(browser.driver.findElements(By.id("home-view"))).isEmpty();
        browser.screenshot("wrong-password.png");
    }
}
