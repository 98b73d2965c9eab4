package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.PostItem;

/** A facilitator hides a post, giving the reason its readers will see; {@code hidden} runs once it is hidden. */
class HideDialog extends Dialog {

    HideDialog(ModerationService moderation, PostItem p, Runnable hidden) {
        setId("hide-dialog");
        setHeaderTitle(getTranslation("post.hide.title"));
        TextArea reason = new TextArea(getTranslation("post.hide.reason"));
        reason.setId("hide-reason");
        reason.setHelperText(getTranslation("post.hide.reason.help"));
        reason.setWidthFull();
        Button hide = new Button(getTranslation("post.hide"), click -> {
            try {
                moderation.hide(p.id(), reason.getValue());
                close();
                hidden.run();
            } catch (InvalidInputException e) {
                Problem problem = e.problems().values().iterator().next();
                reason.setErrorMessage(getTranslation(problem.key(), problem.args().toArray()));
                reason.setInvalid(true);
            }
        });
        hide.setId("hide-confirm");
        hide.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        add(reason);
        getFooter().add(cancel, hide);
    }
}
