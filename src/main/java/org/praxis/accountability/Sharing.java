package org.praxis.accountability;

/** Who may read a commitment besides its author; the author chooses, private by default. */
public enum Sharing {
    PRIVATE,
    FACILITATORS,
    COHORT
}
