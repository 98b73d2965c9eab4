package org.praxis.cohort;

/** A cohort to pick from a list; {@code closed} for a cohort that has closed (its people read it as alumni). */
public record CohortChoice(long id, String name, boolean closed) {

    /** An open cohort. */
    public CohortChoice(long id, String name) {
        this(id, name, false);
    }
}
