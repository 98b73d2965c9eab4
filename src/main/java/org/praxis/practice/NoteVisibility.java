package org.praxis.practice;

/** Who reads a posted practice note (a draft is its author's alone, whatever it says). */
public enum NoteVisibility {
    /** its author only */
    PRIVATE,
    /** its author and the cohort's facilitators */
    FACILITATORS,
    /** everyone in the cohort */
    COHORT,
    /**
     * the cohort, and — once a facilitator published it, while the author's consent stands — every
     * cohort of the network
     */
    NETWORK;

    /** Whether everyone in the cohort reads it (and may comment on it). */
    public boolean cohortReads() {
        return this == COHORT || this == NETWORK;
    }
}
