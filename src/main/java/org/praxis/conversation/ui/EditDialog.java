package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.Supplier;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.conversation.MentionCheck;
import org.praxis.conversation.MentionPerson;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.ThreadService;

/**
 * The author edits a post; a refused text stays in the field with its reason; {@code edited} runs
 * once saved. Typing {@code @} offers the cohort's people, and what the mentions will not reach is
 * said before saving (Save becomes "Save anyway").
 */
class EditDialog extends Dialog {

    private final TextArea body;
    private boolean warned;

    EditDialog(ThreadService threads, PostItem p, Supplier<List<MentionPerson>> people, Runnable edited) {
        setId("edit-dialog");
        setHeaderTitle(getTranslation("post.edit"));
        setWidth("min(44rem, 95vw)");
        body = new TextArea(getTranslation("editor.label"));
        body.setId("edit-body");
        body.setWidthFull();
        body.setMinHeight("8rem");
        body.setValue(p.markdown());
        body.setHelperText(getTranslation("post.edit.help"));
        MentionSuggestions mentions = new MentionSuggestions(body, people);
        MentionWarning warning = new MentionWarning("-edit");
        Button save = new Button(getTranslation("action.save"));
        body.addValueChangeListener(e -> {
            if (warned) {
                warned = false;
                warning.hide();
                save.setText(getTranslation("action.save"));
            }
        });
        save.addClickListener(click -> {
            String text = mentions.stored(body.getValue());
            mentions.close();
            try {
                if (!warned) {
                    MentionCheck check = threads.checkEdit(p.id(), text);
                    if (!check.clear()) {
                        warned = true;
                        warning.show(check, p.facilitatorsOnly());
                        save.setText(getTranslation("mention.save-anyway"));
                        return;
                    }
                }
                threads.edit(p.id(), text);
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
        add(body, mentions, warning);
        getFooter().add(cancel, save);
    }

    @Override
    public void open() {
        super.open();
        body.focus();
    }
}
