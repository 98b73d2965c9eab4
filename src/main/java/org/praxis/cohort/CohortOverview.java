package org.praxis.cohort;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A cohort with its active people, facilitators first. {@code closedAt} is when it closed, null
 * while it is open: a closed cohort leaves the active lists and is read by its people as alumni.
 */
public record CohortOverview(long id, String name, int capacity, LocalDate startsOn, LocalDate endsOn,
        List<CohortPerson> facilitators, List<CohortPerson> members, String description, OffsetDateTime closedAt) {

    public CohortOverview {
        facilitators = List.copyOf(facilitators);
        members = List.copyOf(members);
    }

    public CohortOverview(long id, String name, int capacity, LocalDate startsOn, LocalDate endsOn,
            List<CohortPerson> facilitators, List<CohortPerson> members) {
        this(id, name, capacity, startsOn, endsOn, facilitators, members, null, null);
    }

    /** Whether the cohort has closed. */
    public boolean closed() {
        return closedAt != null;
    }
}
