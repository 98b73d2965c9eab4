package org.praxis.analysis;

import java.time.OffsetDateTime;

/** A session of the analysis's cohort that a facilitator may link it to. */
public record SessionChoice(long id, String title, OffsetDateTime startsAt) {
}
