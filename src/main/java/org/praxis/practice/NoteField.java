package org.praxis.practice;

/** The written parts of a practice note, in the order they are asked and shown; each is Markdown. */
public enum NoteField {
    TRIED("tried", 5_000),
    CONTEXT("context", 5_000),
    HAPPENED("happened", 5_000),
    LEARNED("learned", 5_000),
    DIFFERENTLY("differently", 5_000),
    AFFECTED("affected", 2_000);

    private final String key;
    private final int max;

    NoteField(String key, int max) {
        this.key = key;
        this.max = max;
    }

    /** The field's name in forms, messages and search ({@code note-} + key is its search section). */
    public String key() {
        return key;
    }

    /** Its longest length, in characters. */
    public int max() {
        return max;
    }
}
