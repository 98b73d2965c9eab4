package org.praxis.cohort;

import org.praxis.organization.County;

/** Someone in a cohort as their peers see them. Organisation fields and the bio are empty when unknown. */
public record CohortPerson(long memberId, String displayName, String pronouns, String title, String organizationName,
        County county, CohortRole role, String bio) {
}
