package org.praxis.practice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.stream.Collectors;
import org.praxis.base.ui.Links;
import org.praxis.practice.NoteSummary;

/** A note in a list, the same on the cohort's page, the network's page and the facilitators' queue. */
final class NoteCards {

    private NoteCards() {
    }

    /** {@code withCohort}: the note's cohort is named (the network's page). */
    static ListItem card(Component owner, NoteSummary n, boolean withCohort) {
        ListItem item = new ListItem();
        item.setId("note-" + n.id());
        item.addClassName("praxis-card");
        var title = Links.route(n.title(), "notes/" + n.id());
        title.addClassName("praxis-card-title");
        item.add(title);
        if (n.draft()) {
            item.add(badge(owner.getTranslation("note.draft"), "badge contrast"));
        } else if (n.published()) {
            item.add(badge(owner.getTranslation("note.published"), "badge success"));
        } else {
            item.add(badge(owner.getTranslation("note.visibility.short." + n.visibility().name().toLowerCase(Locale.ROOT)),
                    "badge"));
        }
        StringBuilder line = new StringBuilder(owner.getTranslation("analysis.area." + n.area().name().toLowerCase(Locale.ROOT)));
        if (!n.dimensions().isEmpty()) {
            line.append(" · ").append(n.dimensions().stream()
                    .map(d -> owner.getTranslation("analysis.dimension." + d.name().toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining(", ")));
        }
        line.append(" · ").append(n.authorName() == null ? owner.getTranslation("note.name-removed")
                : owner.getTranslation("analysis.by", n.authorName()));
        if (withCohort) {
            line.append(" · ").append(n.cohortName());
        }
        line.append(" · ").append(owner.getTranslation("note.useful.count", n.useful()));
        Span meta = new Span(line.toString());
        meta.addClassName("praxis-card-line");
        item.add(meta);
        if (!n.learned().isBlank()) {
            Paragraph learned = new Paragraph(owner.getTranslation("note.learned-line", n.learned()));
            learned.addClassName("praxis-note-learned");
            item.add(learned);
        }
        if (!n.tags().isEmpty()) {
            Span tags = new Span(owner.getTranslation("note.tags-line", String.join(", ", n.tags())));
            tags.addClassName("praxis-card-line");
            item.add(tags);
        }
        return item;
    }

    private static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add(theme);
        return s;
    }
}
