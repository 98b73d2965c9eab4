package org.praxis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.security.Role;
import org.praxis.practice.NoteDraft;
import org.praxis.practice.NoteField;
import org.praxis.practice.NoteVisibility;
import org.praxis.practice.PracticeNoteService;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A cohort's notes page and a note in a real browser at 1280 and 390 px: nothing scrolls sideways,
 * axe finds nothing, and from another cohort a note published without its author's name shows no
 * trace of them. Screenshots go to {@code target/e2e/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class NotesBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    PracticeNoteService notes;

    @Test
    void the_notes_page_and_a_note_fit_a_desktop_and_a_phone_and_a_removed_name_stays_hidden() throws IOException {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person outsider = data.personIn(data.cohort(), Role.MEMBER);
        data.signIn(author);
        long note = notes.create(cohort, new NoteDraft("Evening interpreters, three months on",
                Map.of(NoteField.TRIED, "We scheduled an interpreter for **every** evening shift, not on request.",
                        NoteField.CONTEXT, "Two clinics, Spanish and Mam speakers, most visits after work.",
                        NoteField.HAPPENED, "Evening visits by families who need an interpreter doubled.",
                        NoteField.LEARNED, "Asking at booking time mattered more than the roster itself.",
                        NoteField.DIFFERENTLY, "Start with the booking script, then the roster.",
                        NoteField.AFFECTED, "Families, front-desk staff, the interpreters' agency."),
                PolicyArea.LANGUAGE_ACCESS, Set.of(Dimension.LANGUAGE, Dimension.GEOGRAPHY), List.of("interpreters", "evening"),
                NoteVisibility.NETWORK, true, false, null, null, null, null, null));
        notes.post(note);
        long other = notes.create(cohort, NoteDraft.of("Posting pay ranges", "Every posting shows its range.",
                "More applications from outside our usual networks.", PolicyArea.COMPENSATION, NoteVisibility.COHORT));
        notes.post(other);
        data.signIn(facilitator);
        notes.publish(note);
        data.signIn(peer);
        notes.markUseful(note, true);

        try (Browser browser = new Browser(port)) {
            browser.signIn(peer.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("main-navigation")));
            for (int width : new int[] {1280, 390}) {
                PageChecks.viewport(browser, width, width > 800 ? 900 : 844);
                browser.open("notes?cohort=" + cohort);
                browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-" + note)));
                PageChecks.settle(browser);
                assertThat(PageChecks.layoutProblems(browser)).as("notes at " + width).isEmpty();
                assertThat(PageChecks.axeViolations(browser)).as("notes at " + width).isEmpty();
                browser.screenshot("notes-" + width + ".png");
                browser.open("notes/" + note);
                browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-part-learned")));
                PageChecks.settle(browser);
                assertThat(PageChecks.layoutProblems(browser)).as("note at " + width).isEmpty();
                assertThat(PageChecks.axeViolations(browser)).as("note at " + width).isEmpty();
                browser.screenshot("note-" + width + ".png");
            }
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn(outsider.email(), TestData.PASSWORD);
            browser.waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("main-navigation")));
            PageChecks.viewport(browser, 390, 844);
            browser.open("notes/network");
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-" + note)));
            PageChecks.settle(browser);
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain(author.name())
                    .contains("Name removed by the author");
            browser.screenshot("notes-network-390.png");
            browser.open("notes/" + note);
            browser.waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-part-learned")));
            PageChecks.settle(browser);
            assertThat(browser.driver.getPageSource()).doesNotContain(author.name());
        }
    }
}
