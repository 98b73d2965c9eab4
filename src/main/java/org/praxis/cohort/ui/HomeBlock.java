package org.praxis.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.praxis.base.ui.Links;

/**
 * One block of home, built the same way by every {@link HomeContribution}: a heading at the level
 * its group needs, a list of cards (each a link to the exact place, with lines and badges in
 * words, never colour alone), an empty state shown while there is no card, and links under it.
 * Ids: the block's id; {@code <id>-list}, {@code <id>-empty}; cards as given.
 */
public class HomeBlock extends Section {

    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph();
    private final Div links = new Div();

    public HomeBlock(HomeContext home, String id, String heading) {
        setId(id);
        addClassName("praxis-home-block");
        add(home.headingLevel() <= 2 ? new H2(heading) : new H3(heading));
        list.setId(id + "-list");
        list.addClassName("praxis-cards");
        list.setVisible(false);
        empty.setId(id + "-empty");
        empty.addClassName("praxis-muted");
        links.addClassName("praxis-home-links");
        links.setVisible(false);
        add(empty, list, links);
    }

    /** What the block says while it has no card. */
    public HomeBlock empty(String text) {
        empty.setText(text);
        return this;
    }

    /** A card whose title links to {@code route}; add lines and badges to what it returns. */
    public Card card(String id, String title, String route) {
        Anchor link = Links.route(title, route);
        link.addClassName("praxis-card-title");
        return card(id, link);
    }

    /** A card that starts with a component of the caller's (a title that is no link). */
    public Card card(String id, Component first) {
        Card card = new Card();
        card.setId(id);
        card.addClassName("praxis-card");
        card.add(first);
        list.add(card);
        list.setVisible(true);
        empty.setVisible(false);
        return card;
    }

    /** A link under the block ("All worksheets"). */
    public HomeBlock link(String id, String text, String route) {
        Anchor link = Links.route(text, route);
        link.setId(id);
        links.add(link);
        links.setVisible(true);
        return this;
    }

    /** Anything else the block needs under its cards (a button). */
    public HomeBlock footer(Component component) {
        links.add(component);
        links.setVisible(true);
        return this;
    }

    /** Whether a card was added. */
    public boolean hasCards() {
        return list.getChildren().findAny().isPresent();
    }

    /** A card of the block. */
    public static class Card extends ListItem {

        /** A line under the title. */
        public Card line(String text) {
            Span line = new Span(text);
            line.addClassName("praxis-card-line");
            add(line);
            return this;
        }

        /** A badge: a short state in words ("New", "Check-in due"). */
        public Card badge(String text, String theme) {
            Span badge = new Span(text);
            badge.getElement().getThemeList().add("badge " + theme);
            add(badge);
            return this;
        }
    }
}
