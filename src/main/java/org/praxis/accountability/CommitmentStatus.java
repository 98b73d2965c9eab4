package org.praxis.accountability;

/** Where a commitment stands, as its latest check-in says. */
public enum CommitmentStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    CHANGED_COURSE,
    STUCK;

    /** A check-in with this status may name what got in the way. */
    public boolean namesObstacles() {
        return this == STUCK || this == CHANGED_COURSE;
    }
}
