package org.praxis.learning;

import java.time.ZoneId;
import java.util.List;

/**
 * What a cohort learned over a period, as it may be shown to its facilitators and the network's
 * admins: sections of figures (each a label and a {@link Count}, labels already in words) and the
 * passages shared with the network. Nothing in it is private text, and no count below three.
 */
public record CohortReport(long cohortId, String cohortName, ZoneId zone, ReportPeriod period, List<Section> sections,
        List<NetworkPassage> passages) {

    /** Stable keys of the sections (ids, CSV). */
    public static final String SESSIONS = "sessions";
    public static final String ANALYSES = "analyses";
    public static final String COMMITMENTS = "commitments";
    public static final String OBSTACLES = "obstacles";
    public static final String WORKSHEETS = "worksheets";

    /**
     * A table of figures: {@code key} stable, {@code title} and {@code caption} in words, its rows,
     * and its total (null where a total means nothing). {@code chart}: drawn as bars in the PDF.
     */
    public record Section(String key, String title, String caption, String labelHeading, List<Row> rows, Row total,
            boolean chart) {
    }

    public record Row(String label, Count count) {
    }

    /** The section with this key, if the report has it. */
    public java.util.Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
