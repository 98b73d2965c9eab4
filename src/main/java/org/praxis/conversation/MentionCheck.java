package org.praxis.conversation;

import java.util.List;

/**
 * What a writer is told before posting about the people their text mentions: who will not be
 * notified because they cannot read the post ({@code cannotRead} by name, {@code notInCohort}
 * counted without a name), and the typed {@code @word}s that name several people or nobody.
 * Nothing is refused: the writer may post anyway.
 */
public record MentionCheck(List<String> cannotRead, int notInCohort, List<Ambiguity> ambiguous, List<String> unknown) {

    /** A typed {@code @word} that fits several of the cohort's people. */
    public record Ambiguity(String typed, List<String> names) {
    }

    /** Nothing to tell: everyone mentioned will be notified. */
    public boolean clear() {
        return cannotRead.isEmpty() && notInCohort == 0 && ambiguous.isEmpty() && unknown.isEmpty();
    }
}
