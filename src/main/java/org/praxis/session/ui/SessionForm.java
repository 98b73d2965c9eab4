package org.praxis.session.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import org.praxis.base.ui.DraftForm;
import org.praxis.session.SessionDraft;

/** Title, theme, start and end (in the cohort's zone) and a Markdown description of a session. */
public class SessionForm extends DraftForm<SessionDraft> {

    final TextField title = new TextField();
    final TextField theme = new TextField();
    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final TextArea description = new TextArea();

    public SessionForm(ZoneId zone) {
        super(SessionDraft.class, "session");
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

        addFields(title, theme, startsAt, endsAt, description);
        setColspan(title, 2);
        setColspan(description, 2);
    }

    @Override
    protected com.vaadin.flow.component.Focusable<?> firstField() {
        return title;
    }
}
