package org.praxis.conversation;

/**
 * A thread as its reader sees it: where it belongs, its safeguards, and whether the reader may
 * reply now ({@code readOnly} when locked, its prompt is not open, or its cohort has closed;
 * {@code postingClosed} when a {@link PostingGate} keeps this reader from writing now, with why,
 * though they may still react and report). {@code back}: a gate's own way back, or null.
 */
public record ThreadHeader(long id, long cohortId, Long sessionId, String sessionTitle, Long promptId, String title,
        String contentNote, boolean locked, boolean pinned, Integer slowModeMinutes, boolean namesHideable,
        boolean readOnly, boolean facilitator, boolean cohortClosed, PostingGate.Text postingClosed,
        PostingGate.Back back) {

    /** Whether the reader may write (reply, quote, edit) here now. */
    public boolean mayWrite() {
        return !readOnly && postingClosed == null;
    }
}
