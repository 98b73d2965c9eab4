package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.PostItem;

/** Reporting a post to the facilitators (or the admins), with a reason; a refused reason is named at its field. */
class ReportDialog extends Dialog {

    ReportDialog(ModerationService moderation, PostItem p) {
        setId("report-dialog");
        setHeaderTitle(getTranslation("post.report.title"));
        TextArea reason = new TextArea(getTranslation("post.report.reason"));
        reason.setId("report-reason");
        reason.setWidthFull();
        Checkbox toAdmins = new Checkbox(getTranslation("post.report.to-admins"));
        toAdmins.setId("report-to-admins");
        Button send = new Button(getTranslation("post.report.send"), click -> {
            try {
                moderation.report(p.id(), reason.getValue(), toAdmins.getValue());
                close();
                Notification n = Notification.show(getTranslation(toAdmins.getValue() ? "post.report.sent-admins"
                        : "post.report.sent"), 5000, Notification.Position.BOTTOM_START);
                n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException e) {
                Problem problem = e.problems().values().iterator().next();
                reason.setErrorMessage(getTranslation(problem.key(), problem.args().toArray()));
                reason.setInvalid(true);
            }
        });
        send.setId("report-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        add(new Paragraph(getTranslation("post.report.explain")), reason, toAdmins);
        getFooter().add(cancel, send);
    }
}
