package org.praxis.cohort;

/** A person's part in one cohort. */
public enum CohortRole {
    MEMBER,
    FACILITATOR
}
