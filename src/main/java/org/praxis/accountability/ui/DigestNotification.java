package org.praxis.accountability.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import org.praxis.accountability.DigestService;
import org.praxis.base.mail.Mailer;
import org.praxis.member.ui.NotificationChoice;

/** The email digest among the notifications on a person's account page. */
@org.springframework.stereotype.Component
class DigestNotification implements NotificationChoice {

    private final DigestService digests;
    private final Mailer mailer;

    DigestNotification(DigestService digests, Mailer mailer) {
        this.digests = digests;
        this.mailer = mailer;
    }

    @Override
    public Component create() {
        Div choice = new Div();
        choice.setId("notification-digest");
        choice.add(new H3(choice.getTranslation("reminders.digest.title")), new DigestChoice(digests, mailer, "account"));
        return choice;
    }
}
