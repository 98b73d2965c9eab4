package org.praxis.session.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import org.praxis.base.ui.DraftForm;
import org.praxis.session.SessionDraft;

/**
 * Title, theme, start and end (in the cohort's zone), a Markdown description, and where: an online
 * meeting link and/or an address, room and how to get in.
 */
public class SessionForm extends DraftForm<SessionDraft> {

    final TextField title = new TextField();
    final TextField theme = new TextField();
    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final TextArea description = new TextArea();
    final TextField meetingUrl = new TextField();
    final TextArea place = new TextArea();
    final TextField room = new TextField();
    final TextArea accessNotes = new TextArea();

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

        meetingUrl.setId("session-meeting-url");
        meetingUrl.setLabel(getTranslation("session.meeting-url"));
        meetingUrl.setHelperText(getTranslation("session.meeting-url.help"));
        meetingUrl.setMaxLength(org.praxis.session.SessionService.MEETING_URL_MAX);
        meetingUrl.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.URL);
        meetingUrl.setAutocapitalize(com.vaadin.flow.component.textfield.Autocapitalize.NONE);
        meetingUrl.setAutocorrect(false);
        place.setId("session-place");
        place.setLabel(getTranslation("session.place"));
        place.setHelperText(getTranslation("session.place.help"));
        place.setMaxLength(org.praxis.session.SessionService.PLACE_MAX);
        room.setId("session-room");
        room.setLabel(getTranslation("session.room"));
        room.setHelperText(getTranslation("session.room.help"));
        room.setMaxLength(org.praxis.session.SessionService.ROOM_MAX);
        accessNotes.setId("session-access-notes");
        accessNotes.setLabel(getTranslation("session.access-notes"));
        accessNotes.setHelperText(getTranslation("session.access-notes.help"));
        accessNotes.setMaxLength(org.praxis.session.SessionService.ACCESS_NOTES_MAX);

        binder.forField(title).bind(SessionDraft::getTitle, SessionDraft::setTitle);
        binder.forField(theme).bind(SessionDraft::getTheme, SessionDraft::setTheme);
        binder.forField(startsAt).bind(SessionDraft::getStartsAt, SessionDraft::setStartsAt);
        binder.forField(endsAt).bind(SessionDraft::getEndsAt, SessionDraft::setEndsAt);
        binder.forField(description).bind(SessionDraft::getDescription, SessionDraft::setDescription);
        binder.forField(meetingUrl).bind(SessionDraft::getMeetingUrl, SessionDraft::setMeetingUrl);
        binder.forField(place).bind(SessionDraft::getPlace, SessionDraft::setPlace);
        binder.forField(room).bind(SessionDraft::getRoom, SessionDraft::setRoom);
        binder.forField(accessNotes).bind(SessionDraft::getAccessNotes, SessionDraft::setAccessNotes);
        problems.bind("title", title).bind("theme", theme).bind("startsAt", startsAt).bind("endsAt", endsAt)
                .bind("description", description).bind("meetingUrl", meetingUrl).bind("place", place)
                .bind("room", room).bind("accessNotes", accessNotes);

        addFields(title, theme, startsAt, endsAt, description, meetingUrl, place, room, accessNotes);
        setColspan(title, 2);
        setColspan(description, 2);
        setColspan(meetingUrl, 2);
        setColspan(accessNotes, 2);
    }

    @Override
    protected com.vaadin.flow.component.Focusable<?> firstField() {
        return title;
    }
}
