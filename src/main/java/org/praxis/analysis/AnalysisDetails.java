package org.praxis.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analysis as a reader sees it: the current text (Markdown and sanitised HTML per section),
 * who wrote it, where it stands, and what the reader may do with it. {@code lockVersion} goes
 * back with a save, so two co-authors never overwrite each other unknowingly.
 */
public record AnalysisDetails(long id, long cohortId, String title, Long organizationId, String organization,
        PolicyArea area, Set<Dimension> dimensions, List<String> tags, AnalysisStatus status, boolean published,
        Map<Section, String> markdown, Map<Section, String> html, List<Long> authorIds, List<String> authors,
        int versions, int lockVersion, Long threadId, OffsetDateTime updatedAt, boolean author, boolean facilitator,
        List<Long> coAuthorIds) {

    public boolean shared() {
        return status != AnalysisStatus.DRAFT;
    }

    public AnalysisDraft toDraft() {
        return new AnalysisDraft(title, organizationId, area, dimensions, tags, markdown, Set.copyOf(coAuthorIds));
    }
}
