package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.member.SetupService;

/**
 * The production path, as an operator and the first people live it: Praxis started on an empty
 * external database with {@code PRAXIS_DEMO=false} prints a setup link in its log; the link makes
 * the first admin, who creates the first cohort and an account for its facilitator, who then
 * signs in for the first time with the temporary password and chooses their own. Only the UI is
 * used, in a real Chromium, against a Praxis in a JVM of its own.
 */
class FreshStartBrowserIT {

    private static final String PASSWORD = "a long first password";
    private static final String FACILITATOR_PASSWORD = "my very own password";

    @Test
    void a_fresh_start_leads_by_the_link_in_the_log_to_an_admin_a_cohort_and_a_signed_in_facilitator() throws Exception {
        try (PraxisProcess praxis = PraxisProcess.start(Map.of("PRAXIS_ADMIN_EMAIL", "ana@network.example"))) {
            String link = praxis.awaitLog(Pattern.compile(Pattern.quote(SetupService.LOG_PREFIX) + "(\\S+)"),
                    Duration.ofSeconds(30));
            assertThat(link).startsWith("http://localhost:" + praxis.port + "/setup/");
            assertThat(praxis.log()).as("no account, no default password").doesNotContain("Demo data");

            String temporary;
            try (Browser admin = new Browser(praxis.port)) {
                admin.driver.get(link);
                WebElement email = admin.waiting.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#setup-email input")));
                assertThat(email.getDomProperty("value")).as("pre-filled").isEqualTo("ana@network.example");
                type(admin, "setup-name", "Ana Quintero");
                type(admin, "setup-password", PASSWORD);
                type(admin, "setup-repeated", PASSWORD);
                admin.driver.findElement(By.id("setup-submit")).click();

                // signed in as the first admin, on the form for the first cohort
                admin.waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#cohort-name-field input")));
                assertThat(admin.driver.getCurrentUrl()).endsWith("/admin/cohorts/new");
                type(admin, "cohort-name-field", "Equity in Leadership 2027");
                admin.driver.findElement(By.id("cohort-create")).click();
                admin.waiting.until(ExpectedConditions.urlMatches(".*/admin/cohorts/\\d+$"));
                admin.screenshot("fresh-start-cohort.png");

                // an account for the cohort's facilitator
                admin.open("people");
                admin.waiting.until(ExpectedConditions.elementToBeClickable(By.id("new-member"))).click();
                admin.waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#member-display-name input")));
                type(admin, "member-display-name", "Leah Jim");
                type(admin, "member-email", "leah@network.example");
                admin.driver.findElement(By.id("member-role")).click();
                admin.waiting.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-select-item[normalize-space()='Facilitator']"))).click();
                WebElement cohort = admin.driver.findElement(By.cssSelector("#member-cohort input"));
                cohort.sendKeys("Equity in Leadership 2027");
                admin.waiting.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//vaadin-combo-box-item[normalize-space()='Equity in Leadership 2027']"))).click();
                admin.driver.findElement(By.id("member-save")).click();
                WebElement shown = admin.waiting.until(ExpectedConditions.visibilityOfElementLocated(
                        By.id("temporary-password")));
                temporary = shown.getText().strip();
                assertThat(temporary).isNotBlank();
                admin.screenshot("fresh-start-facilitator-account.png");
            }

            try (Browser facilitator = new Browser(praxis.port)) {
                facilitator.signIn("leah@network.example", temporary);
                // the temporary password must be replaced before anything else
                facilitator.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("must-change-password")));
                type(facilitator, "current-password", temporary);
                type(facilitator, "new-password", FACILITATOR_PASSWORD);
                type(facilitator, "repeat-password", FACILITATOR_PASSWORD);
                facilitator.driver.findElement(By.id("change-password")).click();
                facilitator.waiting.until(ExpectedConditions.invisibilityOfElementLocated(By.id("must-change-password")));

                facilitator.open("");
                facilitator.waiting.until(ExpectedConditions.textToBe(By.id("cohort-name"), "Equity in Leadership 2027"));
                facilitator.screenshot("fresh-start-facilitator-home.png");
                List<String> refused = facilitator.cspViolations();
                assertThat(refused).isEmpty();
            }
            assertThat(praxis.log()).doesNotContain("ERROR");
        }
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }
}
