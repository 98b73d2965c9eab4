package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.PostState;
import org.praxis.conversation.ReportAction;
import org.praxis.conversation.ReportItem;

/**
 * Handling a report: what was done (the post hidden, kept, or the member talked to) and an
 * optional note for the others who handle reports. Hiding from here needs the note: its author
 * reads it as the reason. The reporter is told it was handled, never what was done.
 */
class HandleReportDialog extends Dialog {

    HandleReportDialog(ModerationService moderation, ReportItem r, Runnable done) {
        setId("handle-report-dialog");
        setHeaderTitle(getTranslation("reports.handle.title"));
        setWidth("min(36rem, 95vw)");
        RadioButtonGroup<ReportAction> action = new RadioButtonGroup<>(getTranslation("reports.action"));
        action.setId("report-action");
        action.setItems(ReportAction.values());
        action.setItemLabelGenerator(a -> getTranslation("reports.action." + a.name().toLowerCase(Locale.ROOT)));
        action.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        action.setRequiredIndicatorVisible(true);
        TextArea note = new TextArea(getTranslation("reports.note"));
        note.setId("report-note");
        note.setMaxLength(ModerationService.NOTE_MAX);
        note.setWidthFull();
        boolean alreadyHidden = r.postState() == PostState.HIDDEN;
        note.setHelperText(getTranslation(alreadyHidden ? "reports.note.help" : "reports.note.help-hide"));
        FieldProblems problems = new FieldProblems(this).bind("action", action).bind("note", note);
        Button save = new Button(getTranslation("reports.handle.save"), click -> {
            try {
                moderation.handle(r.id(), action.getValue(), note.getValue());
                close();
                done.run();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        save.setId("report-handle-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("report-handle-cancel");
        add(new Paragraph(getTranslation("reports.handle.explain")), action, note);
        getFooter().add(cancel, save);
    }
}
