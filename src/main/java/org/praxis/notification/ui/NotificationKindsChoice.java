package org.praxis.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import java.util.Map;
import org.praxis.base.mail.Mailer;
import org.praxis.member.ui.NotificationChoice;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationKind.Delivery;
import org.praxis.notification.NotificationService;

/**
 * On the account page: for each kind of notice one may get, how to hear of it (in Praxis only, by
 * email at once, in the digest, or not at all), saved as it is chosen. Without SMTP, email is not
 * offered.
 */
@org.springframework.stereotype.Component
class NotificationKindsChoice implements NotificationChoice {

    private final NotificationService notifications;
    private final Mailer mailer;

    NotificationKindsChoice(NotificationService notifications, Mailer mailer) {
        this.notifications = notifications;
        this.mailer = mailer;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create() {
        Div box = new Div();
        box.setId("notification-kinds");
        box.add(new H3(box.getTranslation("notifications.choices.title")));
        box.add(new Paragraph(box.getTranslation(mailer.configured() ? "notifications.choices.text"
                : "notifications.choices.text-no-mail")));
        Paragraph saved = new Paragraph();
        saved.setId("notification-kinds-status");
        saved.getElement().setAttribute("role", "status");
        saved.addClassName("praxis-muted");
        Div fields = new Div();
        fields.addClassName("praxis-notification-kinds");
        for (Map.Entry<NotificationKind, Delivery> e : notifications.choices().entrySet()) {
            NotificationKind kind = e.getKey();
            Select<Delivery> select = new Select<>();
            select.setId("notification-kind-" + kind.code().toLowerCase(Locale.ROOT).replace('_', '-'));
            select.setLabel(box.getTranslation(kind.labelKey()));
            select.setItems(kind.offered().stream().toList());
            select.setItemLabelGenerator(d -> box.getTranslation("notifications.delivery." + d.name().toLowerCase(Locale.ROOT)));
            select.setItemEnabledProvider(d -> d != Delivery.EMAIL || mailer.configured());
            select.setValue(e.getValue());
            select.addValueChangeListener(change -> {
                if (change.getValue() != null && !change.getValue().equals(change.getOldValue())) {
                    notifications.choose(kind, change.getValue());
                    saved.setText(box.getTranslation("notifications.choices.saved", select.getLabel(),
                            select.getItemLabelGenerator().apply(change.getValue())));
                }
            });
            fields.add(select);
        }
        box.add(fields, saved);
        return box;
    }
}
