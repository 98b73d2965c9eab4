package org.praxis.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an author writes: the title, the facts around it and the sections' Markdown. */
public record AnalysisDraft(String title, Long organizationId, PolicyArea area, Set<Dimension> dimensions,
        List<String> tags, Map<Section, String> sections, Set<Long> coAuthors) {

    public AnalysisDraft {
        dimensions = dimensions == null ? Set.of() : Set.copyOf(dimensions);
        tags = tags == null ? List.of() : List.copyOf(tags);
        EnumMap<Section, String> all = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            String text = sections == null ? null : sections.get(s);
            all.put(s, text == null ? "" : text);
        }
        sections = Map.copyOf(all);
        coAuthors = coAuthors == null ? Set.of() : Set.copyOf(coAuthors);
    }
}
