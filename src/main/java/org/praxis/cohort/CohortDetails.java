package org.praxis.cohort;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A cohort as the people who run it see it. {@code mayEditAll} is true for admins, who change
 * everything; a facilitator of the cohort changes only its description, dates and whether members
 * open threads in its commons ({@code membersOpenThreads}).
 */
public record CohortDetails(long id, String name, String description, int capacity, LocalDate startsOn,
        LocalDate endsOn, String timeZone, boolean applicationsOpen, OffsetDateTime closedAt, int facilitatorCount,
        int memberCount, boolean mayEditAll, boolean membersOpenThreads) {

    public boolean closed() {
        return closedAt != null;
    }

    /** The details as a draft for the form. */
    public CohortDraft toDraft() {
        CohortDraft d = new CohortDraft();
        d.setName(name);
        d.setDescription(description == null ? "" : description);
        d.setCapacity(capacity);
        d.setStartsOn(startsOn);
        d.setEndsOn(endsOn);
        d.setTimeZone(timeZone);
        d.setApplicationsOpen(applicationsOpen);
        d.setMembersOpenThreads(membersOpenThreads);
        return d;
    }
}
