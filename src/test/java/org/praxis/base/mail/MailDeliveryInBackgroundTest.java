package org.praxis.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.praxis.support.TestSmtp;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The worker thread as it runs in production: woken by the commit that queued the mail, nobody
 * calling it. A context of its own, closed after, so its thread never sends for the other tests.
 */
// a poll so long that only the wake-up after the commit can have sent the mail in time
@TestPropertySource(properties = {"praxis.mail.outbox.background=true", "praxis.mail.outbox.poll=10m"})
@DirtiesContext
class MailDeliveryInBackgroundTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    Mailer mailer;
    @Autowired
    MailWorker worker;

    @Test
    void mail_queued_by_a_commit_is_sent_by_the_worker_thread_within_moments() throws Exception {
        assertThat(worker.isRunning()).isTrue();
        String subject = TestData.unique("In the background");
        long started = System.nanoTime();
        assertThat(mailer.send("reader@example.org", subject, "Sent without anyone waiting.")).isTrue();

        while (Arrays.stream(mail.getReceivedMessages()).noneMatch(m -> subject(m).equals(subject))) {
            assertThat(System.nanoTime() - started).as("delivered after the commit").isLessThan(60_000_000_000L);
            Thread.sleep(20);
        }
        while (!"SENT".equals(data.db().select(MAIL_OUTBOX.STATUS).from(MAIL_OUTBOX).where(MAIL_OUTBOX.SUBJECT.eq(subject))
                .fetchSingle(MAIL_OUTBOX.STATUS))) {
            assertThat(System.nanoTime() - started).as("marked sent").isLessThan(60_000_000_000L);
            Thread.sleep(20);
        }
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).equals(subject))).hasSize(1);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
