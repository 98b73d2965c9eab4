package org.praxis.base.mail.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MAIL_ATTEMPT;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.praxis.support.TestSmtp;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class MailAdminViewTest extends KaribuTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    MailWorker mailWorker;

    /**
     * A message the worker gave up on after six tries (how it gets there is MailOutboxTest's);
     * returns its id.
     */
    private long failed(String recipient, String subject, String body) {
        OffsetDateTime now = OffsetDateTime.now();
        long id = data.db().insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT, recipient).set(MAIL_OUTBOX.SUBJECT, subject)
                .set(MAIL_OUTBOX.BODY, body).set(MAIL_OUTBOX.STATUS, "FAILED").set(MAIL_OUTBOX.ATTEMPTS, 6)
                .set(MAIL_OUTBOX.CREATED_AT, now.minusHours(15)).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now.minusMinutes(1))
                .set(MAIL_OUTBOX.FAILED_AT, now).set(MAIL_OUTBOX.LAST_ERROR, "Couldn't connect to host, port: mail.example.org, 587")
                .returning(MAIL_OUTBOX.ID).fetchOne(MAIL_OUTBOX.ID);
        for (int attempt = 1; attempt <= 6; attempt++) {
            data.db().insertInto(MAIL_ATTEMPT).set(MAIL_ATTEMPT.MAIL_ID, id).set(MAIL_ATTEMPT.ATTEMPT, attempt)
                    .set(MAIL_ATTEMPT.STARTED_AT, now.minusHours(7 - attempt)).set(MAIL_ATTEMPT.FINISHED_AT, now.minusHours(7 - attempt))
                    .set(MAIL_ATTEMPT.OUTCOME, "FAILED").set(MAIL_ATTEMPT.ERROR, "Couldn't connect to host, port: mail.example.org, 587")
                    .execute();
        }
        return id;
    }

    @Test
    void an_admin_sees_a_failed_message_without_its_body_and_sends_it_again() throws Exception {
        String recipient = TestData.unique("invitee") + "@example.org";
        String subject = TestData.unique("You are invited to join");
        long id = failed(recipient, subject, "Dear Ina, open this secret link: http://praxis.test/join/s3cr3t");
        String waitingSubject = TestData.unique("Waiting");
        data.db().insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.RECIPIENT, "later@example.org").set(MAIL_OUTBOX.SUBJECT, waitingSubject)
                .set(MAIL_OUTBOX.BODY, "Not yet").set(MAIL_OUTBOX.ATTEMPTS, 1)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now().plusYears(1)).execute();

        signInAs(data.person(Role.ADMIN));
        navigate("admin/mail");

        _assertOne(MailAdminView.class);
        ListItem card = _get(ListItem.class, spec -> spec.withId("mail-" + id));
        String text = card.getElement().getTextRecursively();
        assertThat(text).contains(subject, "To " + recipient, "Tried 6 times", "Couldn't connect to host")
                .doesNotContain("s3cr3t").doesNotContain("Dear Ina");
        assertThat(_get(Span.class, spec -> spec.withId("mail-last-" + id)).getText()).startsWith("Last try");
        assertThat(LocatorJ._find(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("mail-waiting"))
                .get(0).getElement().getTextRecursively()).contains(waitingSubject, "Next try");
        assertThat(_get(MailAdminView.class).getElement().getTextRecursively()).doesNotContain("s3cr3t");

        _click(_get(Button.class, spec -> spec.withId("mail-send-again-" + id)));

        assertThat(_get(Paragraph.class, spec -> spec.withId("mail-status")).getText())
                .isEqualTo("The mail to " + recipient + " is queued again and goes out in a moment.");
        _assertNone(Button.class, spec -> spec.withId("mail-send-again-" + id));
        assertThat(_get(ListItem.class, spec -> spec.withId("mail-" + id)).getElement().getTextRecursively())
                .contains("Next try");

        mailWorker.deliverDue();
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo(subject));
        navigate("admin/mail");
        _assertNone(ListItem.class, spec -> spec.withId("mail-" + id));
    }

    // one role per test: a signed-in UI keeps its shell, as a browser does until sign-out
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Role.class, names = {"FACILITATOR", "MEMBER"})
    void a_facilitator_or_a_member_cannot_open_the_mail_page_nor_find_it_in_the_navigation(Role role) {
        signInAs(data.personIn(data.cohort(), role));
        navigate("admin/mail");
        _assertOne(AccessDeniedView.class);
        _assertNone(MailAdminView.class);
        navigate("");
        assertThat(links()).as(role.name()).contains("Home").doesNotContain("Outgoing mail");
    }

    @Test
    void an_admin_finds_the_mail_page_in_the_navigation() {
        signInAs(data.person(Role.ADMIN));
        navigate("");
        assertThat(links()).contains("Outgoing mail");
    }

    private java.util.Set<String> links() {
        SideNav nav = _get(SideNav.class, spec -> spec.withId("main-navigation"));
        return nav.getItems().stream().map(SideNavItem::getLabel).collect(java.util.stream.Collectors.toSet());
    }
}
