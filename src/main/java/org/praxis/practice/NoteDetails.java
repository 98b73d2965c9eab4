package org.praxis.practice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;

/**
 * A note for someone who may read it. {@code authorName} is null when the author chose to remove
 * their name and the reader is outside the author's cohort (and {@code authorId} then too);
 * {@code html} holds each written part as sanitised HTML, {@code markdown} its source for the
 * author alone (empty for anyone else). Links are only those the reader may open.
 */
public record NoteDetails(long id, long cohortId, String cohortName, Long authorId, String authorName, String title,
        Map<NoteField, String> markdown, Map<NoteField, String> html, PolicyArea area, Set<Dimension> dimensions,
        List<String> tags, NoteVisibility visibility, boolean draft, boolean networkConsent, boolean keepName,
        OffsetDateTime publishedAt, Long threadId, int comments, List<Link> links, int useful, boolean usefulByMe,
        boolean mine, boolean facilitator, OffsetDateTime postedAt, OffsetDateTime editedAt, int lockVersion,
        Long sessionId, Long commitmentId, Long analysisId, Long responseId, Long linkedThreadId) {

    /** Something the note links to: its kind ({@code session}, {@code commitment}…), title and path. */
    public record Link(String kind, long id, String title, String path) {
    }

    /** Read in every cohort of the network now. */
    public boolean published() {
        return publishedAt != null;
    }

    /** Waiting for a facilitator to publish it to the network. */
    public boolean awaitingPublishing() {
        return !draft && visibility == NoteVisibility.NETWORK && networkConsent && publishedAt == null;
    }

    public NoteDraft toDraft() {
        return new NoteDraft(title, markdown, area, dimensions, tags, visibility, networkConsent, keepName, sessionId,
                commitmentId, analysisId, responseId, linkedThreadId);
    }
}
