package org.praxis.cohort;

import java.time.LocalDate;
import java.util.List;

/** A cohort with its active people, facilitators first. */
public record CohortOverview(long id, String name, int capacity, LocalDate startsOn, LocalDate endsOn,
        List<CohortPerson> facilitators, List<CohortPerson> members) {

    public CohortOverview {
        facilitators = List.copyOf(facilitators);
        members = List.copyOf(members);
    }
}
