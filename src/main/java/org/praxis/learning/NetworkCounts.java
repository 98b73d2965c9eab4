package org.praxis.learning;

import java.time.Instant;
import java.util.Map;

/**
 * A feature that counts something of a cohort by area for its report (practice notes by policy
 * area) implements this as a Spring bean; the report has one section per bean, and none without.
 * Counts may include what is private (a number tells nothing of its text); the report applies the
 * floor of three.
 */
public interface NetworkCounts {

    /** The message key of the section's heading. */
    String labelKey();

    /** Counts by area in {@code [from, to)}; the keys are the labels shown (areas with none may be left out). */
    Map<String, Long> countsByArea(long cohortId, Instant from, Instant to);
}
