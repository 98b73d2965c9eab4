package org.praxis.analysis;

/** A thread of the analysis's cohort: to link it to, or linked. */
public record ThreadChoice(long id, String title) {
}
