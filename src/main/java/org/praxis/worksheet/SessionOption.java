package org.praxis.worksheet;

import java.time.OffsetDateTime;

/** A session of the cohort that a worksheet may be given for. */
public record SessionOption(long id, String title, OffsetDateTime startsAt) {
}
