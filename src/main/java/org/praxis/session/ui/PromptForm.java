package org.praxis.session.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import org.praxis.base.ui.DraftForm;
import org.praxis.session.PromptDraft;

/** A facilitator's question, and optionally when its conversation opens and closes. */
public class PromptForm extends DraftForm<PromptDraft> {

    final TextArea question = new TextArea();
    final DateTimePicker opensAt = new DateTimePicker();
    final DateTimePicker closesAt = new DateTimePicker();

    public PromptForm(ZoneId zone) {
        super(PromptDraft.class, "prompt");
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

        addFields(question, opensAt, closesAt);
        setColspan(question, 2);
    }

    @Override
    protected com.vaadin.flow.component.Focusable<?> firstField() {
        return question;
    }
}
