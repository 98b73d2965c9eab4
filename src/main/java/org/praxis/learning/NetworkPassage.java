package org.praxis.learning;

import java.time.Instant;
import java.util.Optional;

/**
 * A passage whose author agreed to share it with every cohort of the network (a practice note, a
 * session harvest's passage). {@code kindKey} is a message key ({@code learning.passage.note},
 * {@code learning.passage.harvest}); {@code authorName} is empty when the author chose to share it
 * without their name; {@code link} is the path of the page that shows it in Praxis (blank for none).
 * {@code title} and {@code text} are plain text, shown as text.
 */
public record NetworkPassage(String kindKey, String title, String text, Optional<String> authorName, Instant at,
        String link) {
}
