package org.praxis.joining;

/** Where an application stands. INVITED and JOINED come from the invitation, not from a button. */
public enum ApplicationStatus {
    NEW,
    UNDER_REVIEW,
    SHORTLISTED,
    INVITED,
    JOINED,
    WAITLISTED,
    DECLINED;

    /** Counted in the cohort being composed. */
    public boolean composing() {
        return this == SHORTLISTED || this == INVITED;
    }

    /** Not selected: deleted after the retention period. */
    public boolean notSelected() {
        return this == WAITLISTED || this == DECLINED;
    }
}
