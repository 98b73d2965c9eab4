package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.ThreadService;

/** The author edits a post; a refused text stays in the field with its reason; {@code edited} runs once saved. */
class EditDialog extends Dialog {

    private final TextArea body;

    EditDialog(ThreadService threads, PostItem p, Runnable edited) {
        setId("edit-dialog");
        setHeaderTitle(getTranslation("post.edit"));
        setWidth("min(44rem, 95vw)");
        body = new TextArea(getTranslation("editor.label"));
        body.setId("edit-body");
        body.setWidthFull();
        body.setMinHeight("8rem");
        body.setValue(p.markdown());
        body.setHelperText(getTranslation("post.edit.help"));
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                threads.edit(p.id(), body.getValue());
                close();
                edited.run();
            } catch (InvalidInputException e) {
                Problem problem = e.problems().values().iterator().next();
                body.setErrorMessage(getTranslation(problem.key(), problem.args().toArray()));
                body.setInvalid(true);
            }
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        add(body);
        getFooter().add(cancel, save);
    }

    @Override
    public void open() {
        super.open();
        body.focus();
    }
}
