package org.praxis.cohort;

import java.time.OffsetDateTime;

/** A person's part in one cohort, seen from the person: which cohort, and in what role. */
public record Membership(long cohortId, String cohortName, CohortRole role, OffsetDateTime joinedAt) {

    /** A person's part in one cohort, seen from the cohort's roster. */
    public record Person(long memberId, CohortRole role, OffsetDateTime joinedAt) {
    }
}
