package org.praxis.worksheet;

/** Who may read a response besides its author. The author chooses; private is the default. */
public enum Visibility {
    PRIVATE,
    FACILITATORS,
    COHORT
}
