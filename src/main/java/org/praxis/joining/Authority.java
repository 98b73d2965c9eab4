package org.praxis.joining;

/** The applicant's power over policy: making structural change, supervising those who implement it, or both. */
public enum Authority {
    STRUCTURAL,
    SUPERVISES,
    BOTH
}
