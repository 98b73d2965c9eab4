package org.praxis.session.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.session.SessionDraft;

/** Title, theme, start and end (in the cohort's zone) and a Markdown description of a session. */
public class SessionForm extends FormLayout {

    final TextField title = new TextField();
    final TextField theme = new TextField();
    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final TextArea description = new TextArea();
    private final Binder<SessionDraft> binder = new Binder<>(SessionDraft.class);
    private final FieldProblems problems = new FieldProblems(this);
    private SessionDraft draft;

    public SessionForm(ZoneId zone) {
        setId("session-form");
        title.setId("session-title");
        title.setLabel(getTranslation("session.title"));
        title.setRequiredIndicatorVisible(true);
        theme.setId("session-theme");
        theme.setLabel(getTranslation("session.theme"));
        theme.setHelperText(getTranslation("session.theme.help"));
        startsAt.setId("session-starts");
        startsAt.setLabel(getTranslation("session.starts", zone.getId()));
        startsAt.setRequiredIndicatorVisible(true);
        endsAt.setId("session-ends");
        endsAt.setLabel(getTranslation("session.ends", zone.getId()));
        endsAt.setRequiredIndicatorVisible(true);
        startsAt.addValueChangeListener(e -> {
            if (e.getValue() != null && endsAt.isEmpty()) {
                endsAt.setValue(e.getValue().plusHours(2));
            }
        });
        description.setId("session-description");
        description.setLabel(getTranslation("session.description"));
        description.setHelperText(getTranslation("markdown.help"));
        description.setMinHeight("10rem");

        binder.forField(title).bind(SessionDraft::getTitle, SessionDraft::setTitle);
        binder.forField(theme).bind(SessionDraft::getTheme, SessionDraft::setTheme);
        binder.forField(startsAt).bind(SessionDraft::getStartsAt, SessionDraft::setStartsAt);
        binder.forField(endsAt).bind(SessionDraft::getEndsAt, SessionDraft::setEndsAt);
        binder.forField(description).bind(SessionDraft::getDescription, SessionDraft::setDescription);
        problems.bind("title", title).bind("theme", theme).bind("startsAt", startsAt).bind("endsAt", endsAt)
                .bind("description", description);

        Button save = new Button(getTranslation("action.save"), click -> {
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent(this, draft));
            }
        });
        save.setId("session-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("session-cancel");
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        add(title, theme, startsAt, endsAt, description, buttons);
        setColspan(title, 2);
        setColspan(description, 2);
        setColspan(buttons, 2);
    }

    public void edit(SessionDraft draft) {
        this.draft = draft;
        problems.clear();
        binder.readBean(draft);
        title.focus();
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

    public static final class SaveEvent extends ComponentEvent<SessionForm> {
        private final transient SessionDraft draft;

        SaveEvent(SessionForm source, SessionDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public SessionDraft draft() {
            return draft;
        }
    }

    public static final class CancelEvent extends ComponentEvent<SessionForm> {
        CancelEvent(SessionForm source) {
            super(source, false);
        }
    }
}
