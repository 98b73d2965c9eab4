package org.praxis.session;

import java.util.Arrays;
import java.util.List;

/**
 * What another feature shows on a session's page: its worksheets, its analyses, a way to make a
 * commitment for it. The session feature owns the page and knows none of those features; each
 * implements this (as a Spring bean) and the page shows every section that has something for the
 * reader, in {@link #position()} order. An implementation checks the reader's rights itself, as
 * its service does, and returns {@link Part#EMPTY} when there is nothing the reader may see.
 */
public interface SessionSection {

    /** Where the section goes on the page, lower first. */
    int position();

    /** The section for the signed-in reader, who has been let onto the session's page. */
    Part of(SessionDetails session);

    /**
     * A section: a heading over a list of cards ({@code key} names the list, "analyses" gives
     * {@code session-analyses}), and links to put beside the session's calendar file. Nothing is
     * shown for a part with neither cards nor links.
     */
    record Part(String key, Text heading, List<Card> cards, List<Action> actions) {

        public static final Part EMPTY = new Part("empty", null, List.of(), List.of());

        public Part {
            cards = List.copyOf(cards);
            actions = List.copyOf(actions);
        }

        public static Part cards(String key, Text heading, List<Card> cards) {
            return new Part(key, heading, cards, List.of());
        }

        public static Part actions(String key, List<Action> actions) {
            return new Part(key, null, List.of(), actions);
        }

        public boolean isEmpty() {
            return cards.isEmpty() && actions.isEmpty();
        }
    }

    /**
     * One card: a title (the reader's own text, shown as it is) linking to {@code route}, badges
     * and lines under it. {@code key} names the card ("analysis-12" gives {@code session-analysis-12}).
     */
    record Card(String key, String title, String route, List<Text> badges, List<Text> lines) {

        public Card {
            badges = List.copyOf(badges);
            lines = List.copyOf(lines);
        }
    }

    /** A link; {@code id} is the element's id. */
    record Action(String id, Text label, String route) {
    }

    /**
     * A text from the message bundle, translated on the page in the reader's language; an argument
     * that is itself a {@code Text} is translated first.
     */
    record Text(String key, List<Object> args) {

        public Text {
            args = List.copyOf(args);
        }

        public static Text of(String key, Object... args) {
            return new Text(key, Arrays.asList(args));
        }
    }
}
