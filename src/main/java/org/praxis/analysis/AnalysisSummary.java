package org.praxis.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** One analysis in the library list. */
public record AnalysisSummary(long id, String title, String organization, PolicyArea area, Set<Dimension> dimensions,
        AnalysisStatus status, boolean published, List<String> authors, int comments, OffsetDateTime updatedAt,
        boolean featured) {
}
