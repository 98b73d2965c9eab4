package org.praxis.accountability;

import java.time.OffsetDateTime;
import java.util.List;

/** One check-in on a commitment, with the obstacles it named. */
public record CheckIn(long id, CommitmentStatus status, String note, String inTheWay, List<String> obstacles,
        OffsetDateTime at) {
}
