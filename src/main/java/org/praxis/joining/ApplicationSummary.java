package org.praxis.joining;

import java.time.OffsetDateTime;
import org.praxis.organization.Sector;

/** An application in the facilitators' list. */
public record ApplicationSummary(long id, String name, String organization, Sector sector, ApplicationStatus status,
        OffsetDateTime createdAt) {
}
