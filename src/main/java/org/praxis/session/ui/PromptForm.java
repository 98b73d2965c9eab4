package org.praxis.session.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.session.PromptDraft;

/** A facilitator's question, and optionally when its conversation opens and closes. */
public class PromptForm extends FormLayout {

    final TextArea question = new TextArea();
    final DateTimePicker opensAt = new DateTimePicker();
    final DateTimePicker closesAt = new DateTimePicker();
    private final Binder<PromptDraft> binder = new Binder<>(PromptDraft.class);
    private final FieldProblems problems = new FieldProblems(this);
    private PromptDraft draft;

    public PromptForm(ZoneId zone) {
        setId("prompt-form");
        question.setId("prompt-question");
        question.setLabel(getTranslation("prompt.question"));
        question.setRequiredIndicatorVisible(true);
        opensAt.setId("prompt-opens");
        opensAt.setLabel(getTranslation("prompt.opens", zone.getId()));
        opensAt.setHelperText(getTranslation("prompt.opens.help"));
        closesAt.setId("prompt-closes");
        closesAt.setLabel(getTranslation("prompt.closes", zone.getId()));
        closesAt.setHelperText(getTranslation("prompt.closes.help"));
        binder.forField(question).bind(PromptDraft::getQuestion, PromptDraft::setQuestion);
        binder.forField(opensAt).bind(PromptDraft::getOpensAt, PromptDraft::setOpensAt);
        binder.forField(closesAt).bind(PromptDraft::getClosesAt, PromptDraft::setClosesAt);
        problems.bind("question", question).bind("opensAt", opensAt).bind("closesAt", closesAt);

        Button save = new Button(getTranslation("action.save"), click -> {
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent(this, draft));
            }
        });
        save.setId("prompt-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("prompt-cancel");
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(question, opensAt, closesAt, buttons);
        setColspan(question, 2);
        setColspan(buttons, 2);
    }

    public void edit(PromptDraft draft) {
        this.draft = draft;
        problems.clear();
        binder.readBean(draft);
        question.focus();
    }

    public String show(InvalidInputException e) {
        return problems.show(e);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static final class SaveEvent extends ComponentEvent<PromptForm> {
        private final transient PromptDraft draft;

        SaveEvent(PromptForm source, PromptDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public PromptDraft draft() {
            return draft;
        }
    }

    public static final class CancelEvent extends ComponentEvent<PromptForm> {
        CancelEvent(PromptForm source) {
            super(source, false);
        }
    }
}
