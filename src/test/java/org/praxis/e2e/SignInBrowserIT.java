package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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

    /** Vaadin's client needs a while to start, the first time more (dev bundle, first JIT). */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    private Path profile;
    private WebDriver browser;
    private WebDriverWait waiting;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("praxis-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        waiting = new WebDriverWait(browser, PATIENCE);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void a_member_signs_in_and_sees_their_cohort_on_the_home_page() throws IOException {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);

        signIn(member.email(), TestData.PASSWORD);

        WebElement name = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("cohort-name")));
        waiting.until(ExpectedConditions.textToBe(By.id("cohort-name"), data.cohortName(cohort)));
        assertThat(browser.findElement(By.id("home-view")).isDisplayed()).isTrue();
        assertThat(name.getText()).isEqualTo(data.cohortName(cohort));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        screenshot("home.png");
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_sign_in_page_with_an_error() throws IOException {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);

        signIn(member.email(), "not the password");

        By error = By.cssSelector("vaadin-password-field#password [slot='error-message']");
        waiting.until(ExpectedConditions.textToBe(error,
                "The email or the password is not right. Please check both and try again."));
        assertThat(browser.findElement(By.id("password")).getDomAttribute("invalid")).isNotNull();
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElements(By.id("home-view"))).isEmpty();
        screenshot("wrong-password.png");
    }

    /** Opens the login page, types into the inputs inside Vaadin's fields and clicks "Sign in". */
    private void signIn(String email, String password) {
        browser.get("http://localhost:" + port + "/login");
        // the slotted <input> in the field's light DOM is what takes the keys
        WebElement emailInput = waiting.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-email-field#email input")));
        emailInput.sendKeys(email);
        browser.findElement(By.cssSelector("vaadin-password-field#password input")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private void screenshot(String file) throws IOException {
        Path target = Path.of("target", "e2e", file);
        Files.createDirectories(target.getParent());
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + target, e);
        }
    }
}
