package org.praxis.obstacle;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * A feature whose rows name obstacles (conversation's posts, accountability's check-ins)
 * implements this, as a Spring bean, and keeps the links in its own table. The obstacle feature
 * owns the list and the rules — counts by month, never below three, only obstacles of the row's
 * cohort — and asks each source for what was named, so it depends on none of those features.
 */
public interface ObstacleSource {

    String POSTS = "post";
    String CHECK_INS = "check_in";

    /** The kind of row this source links obstacles to: {@link #POSTS} or {@link #CHECK_INS}. */
    String kind();

    /**
     * Each time one of the cohort's obstacles was named since {@code since}, on what this source
     * shares with the cohort's facilitators (nothing private, nothing deleted), with its note.
     */
    List<Naming> namedSince(long cohortId, OffsetDateTime since);

    /** The obstacles named on each of these rows, by row (rows with none are left out). */
    default Map<Long, List<Long>> namedOn(Collection<Long> rowIds) {
        return Map.of();
    }

    /**
     * The cohort of a row on which the signed-in person may name obstacles; refuses everyone
     * else. A source whose rows are named as they are written (a check-in) refuses every row.
     */
    default long cohortForNaming(long rowId) {
        throw new AccessDeniedException("Obstacles are not named on a " + kind() + " afterwards");
    }

    /** Replaces what is named on the row, once {@link #cohortForNaming} let it and the obstacles are checked. */
    default void replaceNamed(long rowId, Set<Long> obstacleIds, String note) {
        throw new AccessDeniedException("Obstacles are not named on a " + kind() + " afterwards");
    }

    /** One naming: which obstacle, when, and the note shared with it (null when none). */
    record Naming(long obstacleId, OffsetDateTime at, String note) {
    }
}
