package org.praxis.joining;

import java.time.OffsetDateTime;
import org.praxis.organization.Sector;

/** Everything an applicant sent, for the cohort's facilitators. {@code newOrganization}: the name was typed, not picked. */
public record ApplicationDetails(long id, long cohortId, String cohortName, String name, String email,
        Long organizationId, String organization, boolean newOrganization, Sector sector, String roleTitle,
        Authority authority, String why, String bring, RepresentationFacts facts, ApplicationStatus status,
        OffsetDateTime createdAt, OffsetDateTime decidedAt) {
}
