package org.praxis.accountability;

import java.time.LocalDate;

/**
 * What the commitment form sends: what will change, by when, how they will know, who else is
 * involved; optional links to a session, an analysis, a worksheet response or a thread.
 */
public record CommitmentDraft(String what, LocalDate dueOn, String doneWhen, String involved, Long sessionId,
        Long analysisId, Long responseId, Long threadId, Sharing sharing, Rhythm rhythm) {

    public CommitmentDraft {
        sharing = sharing == null ? Sharing.PRIVATE : sharing;
        rhythm = rhythm == null ? Rhythm.BIWEEKLY : rhythm;
    }
}
