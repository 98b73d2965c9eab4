package org.praxis.session.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.SafeHtml;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.session.AttendanceRow;
import org.praxis.session.PromptDraft;
import org.praxis.session.PromptItem;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionSection;
import org.praxis.session.SessionService;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * One session: when, its theme and description, whether the reader will join, and its prompts
 * in order, each leading to its conversation. Facilitators edit the session, add, edit and
 * reorder prompts, and mark attendance. Below the prompts come the sections other features
 * contribute through {@link SessionSection} (analyses, worksheets; the link to make a commitment).
 */
@Route(value = "sessions/:sessionId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class SessionView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SessionService sessions;
    private final transient CohortAccess access;
    private SessionDetails session;

    private final transient List<SessionSection> sections;

    private final transient org.praxis.base.mail.Mailer mailer;

    private final transient org.praxis.conversation.ThreadReads reads;
    private java.util.Map<Long, org.praxis.conversation.ThreadReads.Activity> activity = java.util.Map.of();

    public SessionView(SessionService sessions, CohortAccess access, List<SessionSection> sections,
            org.praxis.base.mail.Mailer mailer, org.praxis.conversation.ThreadReads reads) {
        this.reads = reads;
        this.mailer = mailer;
        this.sessions = sessions;
        this.access = access;
        this.sections = sections.stream().sorted(Comparator.comparingInt(SessionSection::position)).toList();
        setId("session-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("sessionId").orElse(-1L);
        try {
            session = sessions.get(id);
        } catch (AccessDeniedException e) {
            // a session of another cohort looks exactly like one that does not exist
            event.rerouteToError(NotFoundException.class);
            return;
        }
        CohortPages.showing(event, session.cohortId());
        render();
    }

    private void render() {
        removeAll();
        H1 title = new H1(session.title());
        title.setId("session-title");
        add(title);
        if (session.cancelled()) {
            Span cancelled = new Span(getTranslation("session.cancelled"));
            cancelled.getElement().getThemeList().add("badge error");
            Paragraph note = new Paragraph(cancelled, new Span(" " + getTranslation("session.cancelled.note")));
            note.setId("session-cancelled");
            add(note);
        }
        Paragraph when = new Paragraph(Times.dateTime(session.startsAt(), getLocale()) + " – "
                + Times.time(session.endsAt(), getLocale()));
        when.setId("session-when");
        when.addClassName("praxis-muted");
        add(when);
        if (session.theme() != null) {
            Paragraph theme = new Paragraph(getTranslation("session.theme-is", session.theme()));
            theme.setId("session-theme-line");
            add(theme);
        }
        where().ifPresent(this::add);
        var closed = org.praxis.cohort.ui.ClosedCohortNotice.of(this, access, session.cohortId());
        closed.ifPresent(this::add);
        if (closed.isEmpty() && !session.cancelled()) {
            add(answerBar());
            if (mailer.configured()) {
                add(reminderChoice());
            }
        }
        long sessionId = session.id();
        String file = session.title().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "") + ".ics";
        com.vaadin.flow.component.html.Anchor ics = new com.vaadin.flow.component.html.Anchor(
                new com.vaadin.flow.server.StreamResource(file, () -> new java.io.ByteArrayInputStream(
                        sessions.ics(sessionId, mailer.link("")).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                getTranslation("session.ics"));
        ics.setId("session-ics");
        ics.getElement().setAttribute("download", true);
        List<SessionSection.Part> parts = sections.stream().map(section -> section.of(session))
                .filter(part -> !part.isEmpty()).toList();
        HorizontalLayout calendarAndCommit = new HorizontalLayout(ics);
        parts.forEach(part -> part.actions().forEach(action -> {
            var link = Links.route(text(action.label()), action.route());
            link.setId(action.id());
            calendarAndCommit.add(link);
        }));
        calendarAndCommit.setWrap(true);
        add(calendarAndCommit);
        if (session.facilitator() && closed.isEmpty()) {
            add(facilitatorBar());
        }
        if (!session.descriptionHtml().isBlank()) {
            SafeHtml description = new SafeHtml(session.descriptionHtml());
            description.setId("session-description");
            add(description);
        }
        add(new H2(getTranslation("session.prompts")));
        add(prompts());
        parts.stream().filter(part -> !part.cards().isEmpty()).forEach(this::addCards);
    }

    /** A section another feature contributes (see {@link SessionSection}): a heading over its cards. */
    private void addCards(SessionSection.Part part) {
        add(new H2(text(part.heading())));
        UnorderedList list = new UnorderedList();
        list.setId("session-" + part.key());
        list.addClassName("praxis-cards");
        for (SessionSection.Card card : part.cards()) {
            ListItem item = new ListItem();
            item.setId("session-" + card.key());
            item.addClassName("praxis-card");
            var link = Links.route(card.title(), card.route());
            link.addClassName("praxis-card-title");
            item.add(link);
            for (SessionSection.Text badge : card.badges()) {
                Span b = new Span(text(badge));
                b.getElement().getThemeList().add("badge success");
                item.add(b);
            }
            for (SessionSection.Text line : card.lines()) {
                Span l = new Span(text(line));
                l.addClassName("praxis-card-line");
                item.add(l);
            }
            list.add(item);
        }
        add(list);
    }

    private String text(SessionSection.Text text) {
        return getTranslation(text.key(), text.args().stream()
                .map(arg -> arg instanceof SessionSection.Text inner ? text(inner) : arg).toArray());
    }

    private HorizontalLayout answerBar() {
        Span status = new Span(session.willJoin() == null ? getTranslation("session.not-answered")
                : getTranslation(session.willJoin() ? "session.you-will-join" : "session.you-will-not-join"));
        status.setId("will-join-status");
        Button join = new Button(getTranslation("session.will-join"), click -> answer(true));
        join.setId("will-join");
        join.addThemeVariants(Boolean.TRUE.equals(session.willJoin()) ? ButtonVariant.LUMO_PRIMARY
                : ButtonVariant.LUMO_CONTRAST);
        Button skip = new Button(getTranslation("session.will-not-join"), click -> answer(false));
        skip.setId("will-not-join");
        Span joining = new Span(getTranslation("session.joining", session.joining()));
        joining.setId("joining-count");
        joining.addClassName("praxis-muted");
        HorizontalLayout bar = new HorizontalLayout(status, join, skip, joining);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        // at 390 px the answer, the buttons and the count go on as many lines as they need
        bar.setWrap(true);
        bar.setId("answer-bar");
        return bar;
    }

    /**
     * Where the session happens, when it says: the meeting link as a link that opens apart from
     * Praxis and tells the meeting nothing of it, and the place as plain text (lines kept).
     */
    private java.util.Optional<Div> where() {
        if (session.meetingUrl() == null && session.place() == null && session.room() == null
                && session.accessNotes() == null) {
            return java.util.Optional.empty();
        }
        Div where = new Div();
        where.setId("session-where");
        where.addClassName("praxis-session-where");
        where.add(new H2(getTranslation("session.where")));
        if (session.meetingUrl() != null) {
            com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(session.meetingUrl(),
                    session.meetingUrl());
            link.setId("session-meeting-link");
            link.setTarget(com.vaadin.flow.component.html.AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            link.getElement().setAttribute("aria-label", getTranslation("session.online") + ": " + session.meetingUrl()
                    + " " + getTranslation("session.online.opens-new"));
            link.addClassName("praxis-break-anywhere");
            Paragraph online = new Paragraph(new Span(getTranslation("session.online") + ": "), link);
            online.setId("session-online");
            where.add(online);
        }
        if (session.place() != null || session.room() != null) {
            Paragraph place = new Paragraph();
            place.setId("session-place");
            place.addClassName("praxis-lines");
            if (session.place() != null) {
                place.add(new Span(session.place()));
            }
            if (session.room() != null) {
                // as typed ("Conference room B, 2nd floor"), as calendars get it in LOCATION
                Span room = new Span((session.place() != null ? "\n" : "") + session.room());
                room.setId("session-room");
                place.add(room);
            }
            where.add(place);
        }
        if (session.accessNotes() != null) {
            Paragraph notes = new Paragraph(getTranslation("session.access-notes-are", session.accessNotes()));
            notes.setId("session-access-notes");
            notes.addClassName("praxis-lines");
            where.add(notes);
        }
        return java.util.Optional.of(where);
    }

    /** The person's choice of reminders by email, kept as theirs for every session (not this one alone). */
    private Checkbox reminderChoice() {
        Checkbox remind = new Checkbox(getTranslation("session.remind-by-email"), session.remindByEmail());
        remind.setId("remind-by-email");
        remind.setHelperText(getTranslation("session.remind-by-email.help"));
        remind.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getValue() != session.remindByEmail()) {
                sessions.setRemindByEmail(e.getValue());
                session = sessions.get(session.id());
            }
        });
        return remind;
    }

    private void answer(boolean willJoin) {
        sessions.setWillJoin(session.id(), willJoin);
        session = sessions.get(session.id());
        render();
    }

    private HorizontalLayout facilitatorBar() {
        Button edit = new Button(getTranslation("session.edit"), VaadinIcon.EDIT.create(), click -> openEdit());
        edit.setId("edit-session");
        Button addPrompt = new Button(getTranslation("session.add-prompt"), VaadinIcon.PLUS.create(),
                click -> openPrompt(null));
        addPrompt.setId("add-prompt");
        addPrompt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button attendance = new Button(getTranslation("session.attendance"), VaadinIcon.CHECK_SQUARE_O.create(),
                click -> openAttendance());
        attendance.setId("attendance");
        Button cancel = session.cancelled()
                ? new Button(getTranslation("session.reinstate"), VaadinIcon.ROTATE_LEFT.create(), click -> {
                    sessions.setCancelled(session.id(), false);
                    session = sessions.get(session.id());
                    render();
                })
                : new Button(getTranslation("session.cancel"), VaadinIcon.BAN.create(), click -> confirmCancel());
        cancel.setId(session.cancelled() ? "reinstate-session" : "cancel-session");
        HorizontalLayout bar = new HorizontalLayout(addPrompt, edit, attendance, cancel);
        bar.setWrap(true);
        bar.setId("facilitator-bar");
        return bar;
    }

    private void confirmCancel() {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        confirm.setId("confirm-cancel-session");
        confirm.setHeader(getTranslation("session.cancel"));
        confirm.setText(getTranslation("session.cancel.confirm", session.title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("session.cancel.keep"));
        confirm.setConfirmText(getTranslation("session.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            sessions.setCancelled(session.id(), true);
            session = sessions.get(session.id());
            render();
        });
        confirm.open();
    }

    private Div prompts() {
        Div wrapper = new Div();
        if (session.prompts().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("session.no-prompts"));
            none.setId("no-prompts");
            none.addClassName("praxis-muted");
            wrapper.add(none);
            return wrapper;
        }
        // last activity and unread posts of every prompt's conversation, in one query
        activity = reads.activity(session.cohortId(), session.prompts().stream().map(PromptItem::threadId).toList());
        OrderedList list = new OrderedList();
        list.setId("prompts");
        list.addClassName("praxis-prompts");
        for (int i = 0; i < session.prompts().size(); i++) {
            list.add(prompt(session.prompts().get(i), i, session.prompts().size()));
        }
        wrapper.add(list);
        return wrapper;
    }

    private ListItem prompt(PromptItem p, int index, int count) {
        ListItem item = new ListItem();
        item.setId("prompt-" + p.id());
        item.addClassName("praxis-prompt");
        Paragraph question = new Paragraph(p.question());
        question.addClassName("praxis-prompt-question");
        item.add(question);
        boolean notYet = !p.open() && p.opensAt() != null
                && p.opensAt().isAfter(java.time.ZonedDateTime.now(p.opensAt().getZone()));
        Span state = new Span(p.open() ? getTranslation("prompt.open")
                : notYet ? getTranslation("prompt.opens-at", Times.dateTime(p.opensAt(), getLocale()))
                        : getTranslation("prompt.closed"));
        state.setId("prompt-state-" + p.id());
        state.getElement().getThemeList().add(p.open() ? "badge success" : "badge contrast");
        var conversation = Links.route(getTranslation("prompt.conversation", p.replies()), "threads/" + p.threadId());
        conversation.setId("prompt-thread-" + p.id());
        HorizontalLayout meta = new HorizontalLayout(state, conversation);
        meta.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        meta.setWrap(true);
        org.praxis.conversation.ui.ThreadActivityText.unreadMarker(this, activity.get(p.threadId())).ifPresent(meta::add);
        item.add(meta);
        org.praxis.conversation.ui.ThreadActivityText.lastActivity(this, activity.get(p.threadId()), session.startsAt().getZone(),
                getLocale())
                .ifPresent(item::add);
        if (session.facilitator()) {
            Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> move(p, -1));
            up.setId("prompt-up-" + p.id());
            up.setAriaLabel(getTranslation("prompt.move-up"));
            up.setEnabled(index > 0);
            Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> move(p, 1));
            down.setId("prompt-down-" + p.id());
            down.setAriaLabel(getTranslation("prompt.move-down"));
            down.setEnabled(index < count - 1);
            Button edit = new Button(getTranslation("prompt.edit"), click -> openPrompt(p));
            edit.setId("prompt-edit-" + p.id());
            for (Button b : new Button[] {up, down, edit}) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            }
            item.add(new HorizontalLayout(up, down, edit));
        }
        return item;
    }


    private void move(PromptItem p, int direction) {
        sessions.movePrompt(p.id(), direction);
        session = sessions.get(session.id());
        render();
    }

    private void openEdit() {
        Dialog dialog = new Dialog();
        dialog.setId("session-dialog");
        dialog.setHeaderTitle(getTranslation("session.edit"));
        dialog.setWidth("min(48rem, 95vw)");
        SessionForm form = new SessionForm(zone());
        form.addSaveListener(save -> {
            try {
                sessions.update(session.id(), save.draft());
                dialog.close();
                session = sessions.get(session.id());
                render();
            } catch (InvalidInputException e) {
                form.show(e);
            }
        });
        form.addCancelListener(cancel -> dialog.close());
        dialog.add(form);
        form.edit(sessions.draftOf(session.id()));
        dialog.open();
    }

    private void openPrompt(PromptItem existing) {
        Dialog dialog = new Dialog();
        dialog.setId("prompt-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "session.add-prompt" : "prompt.edit"));
        dialog.setWidth("min(44rem, 95vw)");
        PromptForm form = new PromptForm(zone());
        form.addSaveListener(save -> {
            try {
                if (existing == null) {
                    sessions.addPrompt(session.id(), save.draft());
                } else {
                    sessions.updatePrompt(existing.id(), save.draft());
                }
                dialog.close();
                session = sessions.get(session.id());
                render();
            } catch (InvalidInputException e) {
                form.show(e);
            }
        });
        form.addCancelListener(cancel -> dialog.close());
        dialog.add(form);
        form.edit(existing == null ? new PromptDraft() : sessions.promptDraftOf(existing.id()));
        dialog.open();
    }

    private void openAttendance() {
        Dialog dialog = new Dialog();
        dialog.setId("attendance-dialog");
        dialog.setHeaderTitle(getTranslation("session.attendance"));
        Div rows = new Div();
        for (AttendanceRow row : sessions.attendance(session.id())) {
            Checkbox attended = new Checkbox(row.displayName() + (row.willJoin() == null ? ""
                    : " — " + getTranslation(row.willJoin() ? "session.said-yes" : "session.said-no")));
            attended.setId("attended-" + row.memberId());
            attended.setValue(Boolean.TRUE.equals(row.attended()));
            attended.addValueChangeListener(e -> {
                if (e.isFromClient() || e.getValue() != Boolean.TRUE.equals(row.attended())) {
                    sessions.markAttendance(session.id(), row.memberId(), e.getValue());
                }
            });
            rows.add(new Div(attended));
        }
        Button done = new Button(getTranslation("action.done"), click -> dialog.close());
        done.setId("attendance-done");
        dialog.add(rows);
        dialog.getFooter().add(done);
        dialog.open();
    }

    private ZoneId zone() {
        return access.zoneOf(session.cohortId());
    }

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("sessions.page-title")
                : getTranslation("session.page-title", session.title());
    }
}
