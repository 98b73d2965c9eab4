package org.praxis.practice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;

/**
 * A note in a list: {@code authorName} null when the name is removed for this reader;
 * {@code learned} the first words of what was learned (plain text).
 */
public record NoteSummary(long id, long cohortId, String cohortName, String title, String learned, String authorName,
        PolicyArea area, Set<Dimension> dimensions, List<String> tags, NoteVisibility visibility, boolean draft,
        boolean published, int useful, OffsetDateTime postedAt, boolean mine) {
}
