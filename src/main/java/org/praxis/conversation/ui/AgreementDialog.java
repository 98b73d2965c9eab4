package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.praxis.base.ui.SafeHtml;
import org.praxis.conversation.Agreement;
import org.praxis.conversation.AgreementService;

/** The cohort's agreement, acknowledged before the first post under it; {@code then} runs once acknowledged. */
class AgreementDialog extends Dialog {

    AgreementDialog(AgreementService agreements, Agreement agreement, Runnable then) {
        setId("agreement-dialog");
        setHeaderTitle(getTranslation("agreement.before-posting", agreement.version()));
        setWidth("min(44rem, 95vw)");
        SafeHtml text = new SafeHtml(agreement.html());
        text.setId("agreement-text");
        Button agree = new Button(getTranslation("agreement.acknowledge"), click -> {
            agreements.acknowledge(agreement.id());
            close();
            then.run();
        });
        agree.setId("agreement-acknowledge");
        agree.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("agreement-cancel");
        add(new Paragraph(getTranslation("agreement.explain")), text);
        getFooter().add(cancel, agree);
    }
}
