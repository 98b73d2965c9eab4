package org.praxis.cohort;

/** A cohort to pick from a list. */
public record CohortChoice(long id, String name) {
}
