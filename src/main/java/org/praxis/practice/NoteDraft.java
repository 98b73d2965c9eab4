package org.praxis.practice;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;

/**
 * What the author writes: the title, the written parts ({@link NoteField} to Markdown), the
 * library's area, dimensions and tags, who reads it, the network consent with the name choice, and
 * links to the author's own readable things (each may be null).
 */
public record NoteDraft(String title, Map<NoteField, String> text, PolicyArea area, Set<Dimension> dimensions,
        List<String> tags, NoteVisibility visibility, boolean networkConsent, boolean keepName, Long sessionId,
        Long commitmentId, Long analysisId, Long responseId, Long threadId) {

    public NoteDraft {
        Map<NoteField, String> all = new EnumMap<>(NoteField.class);
        for (NoteField f : NoteField.values()) {
            String value = text == null ? null : text.get(f);
            all.put(f, value == null ? "" : value);
        }
        text = Map.copyOf(all);
        dimensions = dimensions == null ? Set.of() : Set.copyOf(dimensions);
        tags = tags == null ? List.of() : List.copyOf(tags);
        visibility = visibility == null ? NoteVisibility.PRIVATE : visibility;
    }

    /** A draft with the title, what was tried and what was learned, the rest empty: for tests and the demo. */
    public static NoteDraft of(String title, String tried, String learned, PolicyArea area, NoteVisibility visibility) {
        return new NoteDraft(title, Map.of(NoteField.TRIED, tried, NoteField.LEARNED, learned), area, Set.of(), List.of(),
                visibility, visibility == NoteVisibility.NETWORK, true, null, null, null, null, null);
    }

    public String get(NoteField field) {
        return text.get(field);
    }

    public NoteDraft withVisibility(NoteVisibility v, boolean consent, boolean keep) {
        return new NoteDraft(title, text, area, dimensions, tags, v, consent, keep, sessionId, commitmentId, analysisId,
                responseId, threadId);
    }

    public NoteDraft withText(NoteField field, String value) {
        Map<NoteField, String> t = new EnumMap<>(text);
        t.put(field, value);
        return new NoteDraft(title, t, area, dimensions, tags, visibility, networkConsent, keepName, sessionId,
                commitmentId, analysisId, responseId, threadId);
    }

    public NoteDraft withLinks(Long session, Long commitment, Long analysis, Long response, Long thread) {
        return new NoteDraft(title, text, area, dimensions, tags, visibility, networkConsent, keepName, session,
                commitment, analysis, response, thread);
    }

    public NoteDraft withFacts(Set<Dimension> dims, List<String> tagList) {
        return new NoteDraft(title, text, area, dims, tagList, visibility, networkConsent, keepName, sessionId,
                commitmentId, analysisId, responseId, threadId);
    }
}
