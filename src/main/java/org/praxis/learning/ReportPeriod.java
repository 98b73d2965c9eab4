package org.praxis.learning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days a report covers, both included, as dates in the cohort's time zone; {@code preset} says
 * how they were chosen (for the form).
 */
public record ReportPeriod(Preset preset, LocalDate from, LocalDate to) {

    /** How a period is chosen. */
    public enum Preset {
        /** from the cohort's first day to its last, or to today while it runs */
        WHOLE_RUN,
        LAST_3_MONTHS,
        LAST_12_MONTHS,
        /** the dates given */
        CUSTOM
    }

    /** The first instant of the period in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after the period's last day in the zone. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
