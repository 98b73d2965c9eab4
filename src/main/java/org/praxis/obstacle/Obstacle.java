package org.praxis.obstacle;

/** One obstacle of a cohort's list. */
public record Obstacle(long id, String label, boolean archived) {
}
