package org.praxis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium with its own fresh profile, for the browser journeys. Every page it
 * opens records the Content-Security-Policy violations it meets ({@link #cspViolations()}), and
 * downloads land in a folder of their own ({@link #downloads()}).
 */
final class Browser implements AutoCloseable {

    /** Runs before any script of each new document, so even a refused inline script of the page is seen. */
    private static final String RECORD_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', e => {
              const list = JSON.parse(sessionStorage.getItem('praxis-csp-violations') || '[]');
              list.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in '
                  + e.documentURI + ' (' + (e.sourceFile || '') + ':' + e.lineNumber + ') ' + (e.sample || ''));
              sessionStorage.setItem('praxis-csp-violations', JSON.stringify(list));
            });
            """;

    /** Vaadin's client needs a while to start, the first time more (dev bundle, first JIT). */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait waiting;
    private final Path profile;
    private final Path downloads;
    private final String base;

    Browser(int port) throws IOException {
        this.base = "http://localhost:" + port;
        profile = Files.createTempDirectory("praxis-chromium-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        waiting = new WebDriverWait(driver, PATIENCE);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", RECORD_VIOLATIONS));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /** What the pages of this tab's origin refused under their Content-Security-Policy, so far. */
    @SuppressWarnings("unchecked")
    java.util.List<String> cspViolations() {
        Object list = driver.executeScript("return JSON.parse(sessionStorage.getItem('praxis-csp-violations') || '[]')");
        return (java.util.List<String>) list;
    }

    /** The browser console's messages since the last call (the policy's refusals show there too). */
    java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** The folder downloads go to. */
    Path downloads() {
        return downloads;
    }

    void open(String path) {
        driver.get(base + "/" + path);
    }

    /** Opens the login page, types into the inputs inside Vaadin's fields and clicks "Sign in". */
    void signIn(String email, String password) {
        open("login");
        // the slotted <input> in the field's light DOM is what takes the keys
        WebElement emailInput = waiting.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-email-field#email input")));
        emailInput.sendKeys(email);
        driver.findElement(By.cssSelector("vaadin-password-field#password input")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
    }

    void screenshot(String file) {
        Path target = Path.of("target", "e2e", file);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + target, e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
