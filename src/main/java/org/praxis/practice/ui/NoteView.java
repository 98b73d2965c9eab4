package org.praxis.practice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.SafeHtml;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.practice.NoteDetails;
import org.praxis.practice.NoteField;
import org.praxis.practice.NoteVisibility;
import org.praxis.practice.PracticeNoteService;
import org.springframework.security.access.AccessDeniedException;

/**
 * One practice note for someone who may read it: its written parts, facts and links, who reads
 * it, "useful" marks, and its comments (a thread of the cohort); for its author edit, post and
 * withdrawing the network consent, for the cohort's facilitators publishing it to the network.
 * Anyone who may not read it gets "Page not found", as for a note that does not exist.
 */
@Route(value = "notes/:noteId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class NoteView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PracticeNoteService notes;
    private final transient CohortAccess access;
    private NoteDetails note;
    private ZoneId zone;

    public NoteView(PracticeNoteService notes, CohortAccess access) {
        this.notes = notes;
        this.access = access;
        setId("note-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("noteId").orElse(-1L);
        try {
            note = notes.read(id);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        zone = access.zoneOf(note.cohortId());
        if (access.roleIn(note.cohortId()).isPresent()) {
            CohortPages.showing(event, note.cohortId());
        }
        render();
    }

    private void reload() {
        note = notes.read(note.id());
        render();
    }

    private void render() {
        removeAll();
        H1 title = new H1(note.title());
        title.setId("note-title");
        add(title);
        HorizontalLayout badges = new HorizontalLayout();
        badges.setWrap(true);
        badges.setId("note-badges");
        if (note.draft()) {
            badges.add(badge(getTranslation("note.draft"), "badge contrast"));
        }
        if (note.published()) {
            badges.add(badge(getTranslation("note.published"), "badge success"));
        } else {
            badges.add(badge(getTranslation("note.visibility.short." + note.visibility().name().toLowerCase(Locale.ROOT)),
                    "badge"));
        }
        if (note.awaitingPublishing()) {
            badges.add(badge(getTranslation("note.awaiting"), "badge contrast"));
        }
        add(badges);
        add(facts());
        for (NoteField f : NoteField.values()) {
            String html = note.html().get(f);
            if (html == null || html.isBlank()) {
                continue;
            }
            Section part = new Section(new H2(getTranslation("note.field." + f.key())));
            part.setId("note-part-" + f.key());
            SafeHtml body = new SafeHtml(html);
            body.addClassName("praxis-markdown");
            part.add(body);
            add(part);
        }
        if (!note.links().isEmpty()) {
            add(links());
        }
        add(useful());
        add(comments());
        if (note.mine()) {
            add(authorActions());
        }
        if (note.facilitator() && note.awaitingPublishing()) {
            Button publish = new Button(getTranslation("note.publish"), click -> {
                notes.publish(note.id());
                Notification.show(getTranslation("note.publish.done", note.title()));
                reload();
            });
            publish.setId("note-publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Section tools = new Section(new H2(getTranslation("note.facilitators")), publish);
            tools.setId("note-facilitator-tools");
            add(tools);
        }
    }

    private DescriptionList facts() {
        DescriptionList facts = new DescriptionList();
        facts.setId("note-facts");
        term(facts, "note.author", note.authorName() != null ? note.authorName()
                : getTranslation(note.authorId() == null && note.keepName() ? "member.former" : "note.name-removed"));
        if (access.roleIn(note.cohortId()).isEmpty()) {
            term(facts, "note.cohort", note.cohortName());
        }
        term(facts, "analysis.area", getTranslation("analysis.area." + note.area().name().toLowerCase(Locale.ROOT)));
        if (!note.dimensions().isEmpty()) {
            term(facts, "analysis.dimensions", note.dimensions().stream()
                    .map(d -> getTranslation("analysis.dimension." + d.name().toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining(", ")));
        }
        if (!note.tags().isEmpty()) {
            term(facts, "analysis.tags", String.join(", ", note.tags()));
        }
        term(facts, "note.readers", getTranslation("note.readers." + note.visibility().name().toLowerCase(Locale.ROOT)));
        if (note.postedAt() != null) {
            term(facts, "note.posted", Times.dateTime(note.postedAt(), zone, getLocale()));
        }
        if (note.editedAt() != null) {
            term(facts, "note.edited", Times.dateTime(note.editedAt(), zone, getLocale()));
        }
        if (note.publishedAt() != null) {
            term(facts, "note.published-at", Times.dateTime(note.publishedAt(), zone, getLocale()));
        }
        return facts;
    }

    private Section links() {
        Section section = new Section(new H2(getTranslation("note.links")));
        UnorderedList list = new UnorderedList();
        list.setId("note-links");
        for (NoteDetails.Link l : note.links()) {
            Anchor a = Links.route(l.title(), l.path());
            a.setId("note-link-" + l.kind());
            ListItem item = new ListItem(new Span(getTranslation("note.link." + l.kind()) + ": "), a);
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private Section useful() {
        Section section = new Section();
        section.setId("note-useful");
        Paragraph count = new Paragraph(getTranslation("note.useful.count", note.useful()));
        count.setId("note-useful-count");
        count.getElement().setAttribute("role", "status");
        section.add(count);
        if (!note.mine() && !note.draft()) {
            Button mark = new Button(getTranslation(note.usefulByMe() ? "note.useful.undo" : "note.useful.mark"), click -> {
                notes.markUseful(note.id(), !note.usefulByMe());
                reload();
            });
            mark.setId("note-useful-toggle");
            mark.getElement().setAttribute("aria-pressed", String.valueOf(note.usefulByMe()));
            section.add(mark);
        }
        return section;
    }

    private Section comments() {
        Section section = new Section(new H2(getTranslation("note.comments")));
        section.setId("note-comments");
        if (note.threadId() != null) {
            Anchor open = Links.route(getTranslation("note.comments.open", note.comments()), "threads/" + note.threadId());
            open.setId("note-comments-link");
            section.add(new Paragraph(getTranslation("note.comments.who")), open);
        } else {
            String why = note.draft() ? "note.comments.draft"
                    : note.visibility().cohortReads() ? "note.comments.cohort-only" : "note.comments.closed";
            Paragraph closed = new Paragraph(getTranslation(why, note.cohortName()));
            closed.setId("note-comments-closed");
            closed.addClassName("praxis-muted");
            section.add(closed);
        }
        return section;
    }

    private Section authorActions() {
        Section section = new Section(new H2(getTranslation("note.yours")));
        section.setId("note-author-tools");
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        Button edit = new Button(getTranslation("note.edit"),
                click -> getUI().ifPresent(ui -> ui.navigate("notes/write",
                        com.vaadin.flow.router.QueryParameters.of("id", String.valueOf(note.id())))));
        edit.setId("note-edit");
        buttons.add(edit);
        if (note.draft()) {
            Button post = new Button(getTranslation("note.post"), click -> {
                try {
                    notes.post(note.id());
                    reload();
                } catch (InvalidInputException e) {
                    Notification.show(getTranslation("note.post.incomplete"));
                }
            });
            post.setId("note-post");
            post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(post);
        }
        if (note.visibility() == NoteVisibility.NETWORK) {
            Button withdraw = new Button(getTranslation("note.withdraw"), click -> confirmWithdraw());
            withdraw.setId("note-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(withdraw);
        }
        section.add(buttons);
        return section;
    }

    private void confirmWithdraw() {
        Dialog dialog = new Dialog();
        dialog.setId("withdraw-dialog");
        dialog.setHeaderTitle(getTranslation("note.withdraw.title"));
        dialog.add(new Paragraph(getTranslation("note.withdraw.text")));
        Button ok = new Button(getTranslation("note.withdraw.confirm"), click -> {
            notes.withdrawConsent(note.id());
            dialog.close();
            Notification.show(getTranslation("note.withdraw.done"));
            reload();
        });
        ok.setId("withdraw-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        cancel.setId("withdraw-cancel");
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    private static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add(theme);
        return s;
    }

    private void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return note == null ? getTranslation("notes.page-title") : getTranslation("note.page-title", note.title());
    }
}
