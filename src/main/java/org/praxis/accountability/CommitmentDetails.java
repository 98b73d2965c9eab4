package org.praxis.accountability;

import java.time.LocalDate;
import java.util.List;

/**
 * A commitment for someone who may read it: everything it says, its links (titles only for
 * what the reader may open), its check-ins newest first, and who offered help.
 */
public record CommitmentDetails(long id, long cohortId, long memberId, String authorName, String what, LocalDate dueOn,
        String doneWhen, String involved, Sharing sharing, Rhythm rhythm, CommitmentStatus status, LocalDate nextCheckIn,
        Link session, Link analysis, Link response, Link thread, List<CheckIn> checkIns, List<String> helpers,
        Long discussionId, boolean mine, boolean offeredHelp) {

    /** Something it is linked to, with the path to open it. */
    public record Link(long id, String title, String path) {
    }

    public CommitmentDraft toDraft() {
        return new CommitmentDraft(what, dueOn, doneWhen, involved, session == null ? null : session.id(),
                analysis == null ? null : analysis.id(), response == null ? null : response.id(),
                thread == null ? null : thread.id(), sharing, rhythm);
    }
}
