package org.praxis.learning;

import java.time.Instant;
import java.util.List;

/**
 * A feature whose people share passages with the network (practice notes, session harvests)
 * implements this as a Spring bean, so this feature depends on none of them. It returns only what
 * the authors agree to share with the network now, of the cohort, dated in {@code [from, to)}: a
 * passage whose consent was withdrawn is no longer returned, and the report, which keeps nothing,
 * no longer shows it.
 */
public interface NetworkPassages {

    List<NetworkPassage> sharedWithNetwork(long cohortId, Instant from, Instant to);
}
