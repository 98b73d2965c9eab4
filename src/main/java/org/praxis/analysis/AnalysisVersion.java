package org.praxis.analysis;

import java.time.OffsetDateTime;
import java.util.Map;

/** One saved version of a shared analysis. */
public record AnalysisVersion(int number, String title, Map<Section, String> markdown, String savedBy,
        OffsetDateTime savedAt) {
}
