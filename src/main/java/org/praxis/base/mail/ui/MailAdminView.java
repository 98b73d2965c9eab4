package org.praxis.base.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import org.praxis.base.mail.MailOutbox;
import org.praxis.base.mail.Mailer;
import org.praxis.base.mail.QueuedMail;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;

/**
 * For admins: mail that could not be delivered after every try, with "Send again", and mail that
 * waits for its next try. Only recipient and subject are shown: a body may be private.
 */
@Route(value = "admin/mail", layout = MainLayout.class)
@RolesAllowed("ADMIN")
@Menu(title = "nav.mail-admin", order = 31, icon = "vaadin:envelope-o")
public class MailAdminView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private final transient MailOutbox outbox;
    private final transient Mailer mailer;
    private final Paragraph status = new Paragraph();

    public MailAdminView(MailOutbox outbox, Mailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
        setId("mail-admin-view");
        addClassName("praxis-view");
        status.setId("mail-status");
        status.getElement().setAttribute("role", "status");
    }

    /** Read afresh on every visit: mail comes and goes. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        status.setText("");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("mail-admin.title")), new Paragraph(getTranslation("mail-admin.intro")));
        if (!mailer.configured()) {
            Paragraph off = new Paragraph(getTranslation("mail-admin.not-configured"));
            off.setId("mail-not-configured");
            off.addClassName("praxis-muted");
            add(off);
        }
        add(status);
        List<QueuedMail> mails = outbox.undelivered();
        List<QueuedMail> failed = mails.stream().filter(m -> m.status() == QueuedMail.Status.FAILED).toList();
        List<QueuedMail> waiting = mails.stream().filter(m -> m.status() != QueuedMail.Status.FAILED).toList();
        add(new H2(getTranslation("mail-admin.failed.title")));
        add(failed.isEmpty() ? none("mail-failed-none", "mail-admin.failed.none") : list("mail-failed", failed));
        add(new H2(getTranslation("mail-admin.waiting.title")));
        add(waiting.isEmpty() ? none("mail-waiting-none", "mail-admin.waiting.none") : list("mail-waiting", waiting));
    }

    private Paragraph none(String id, String key) {
        Paragraph none = new Paragraph(getTranslation(key));
        none.setId(id);
        none.addClassName("praxis-muted");
        return none;
    }

    private UnorderedList list(String id, List<QueuedMail> mails) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("praxis-cards");
        mails.forEach(m -> list.add(card(m)));
        return list;
    }

    private ListItem card(QueuedMail m) {
        ListItem item = new ListItem();
        item.setId("mail-" + m.id());
        item.addClassName("praxis-card");
        Span subject = new Span(m.subject());
        subject.addClassName("praxis-card-title");
        Span to = line(getTranslation("mail-admin.to", m.recipient()));
        Span tries = line(getTranslation("mail-admin.tries", m.tries(), when(m.createdAt())));
        item.add(subject, to, tries);
        if (m.lastTriedAt() != null) {
            Span last = line(getTranslation("mail-admin.last", when(m.lastTriedAt()), m.interrupted()
                    ? getTranslation("mail-admin.interrupted")
                    : m.lastError() == null ? "" : m.lastError()));
            last.setId("mail-last-" + m.id());
            item.add(last);
        }
        switch (m.status()) {
            case FAILED -> {
                Button again = new Button(getTranslation("mail-admin.send-again"), click -> sendAgain(m));
                again.setId("mail-send-again-" + m.id());
                again.addThemeVariants(ButtonVariant.LUMO_SMALL);
                again.getElement().setAttribute("aria-label", getTranslation("mail-admin.send-again.label", m.subject(),
                        m.recipient()));
                item.add(again);
            }
            case SENDING -> item.add(line(getTranslation("mail-admin.sending")));
            case PENDING -> item.add(line(getTranslation("mail-admin.next", when(m.nextAttemptAt()))));
        }
        return item;
    }

    private void sendAgain(QueuedMail m) {
        boolean queued = outbox.sendAgain(m.id());
        render();
        status.setText(getTranslation(queued ? "mail-admin.sent-again" : "mail-admin.not-failed", m.recipient()));
    }

    private static Span line(String text) {
        Span line = new Span(text);
        line.addClassName("praxis-card-line");
        return line;
    }

    private String when(java.time.OffsetDateTime t) {
        return Times.dateTime(t, ZONE, getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail-admin.page-title");
    }
}
