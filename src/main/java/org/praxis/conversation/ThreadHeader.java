package org.praxis.conversation;

/**
 * A thread as its reader sees it: where it belongs, its safeguards, and whether the reader may
 * reply now ({@code readOnly} when locked, its prompt is not open, or its cohort has closed).
 */
public record ThreadHeader(long id, long cohortId, Long sessionId, String sessionTitle, Long promptId, String title,
        String contentNote, boolean locked, boolean pinned, Integer slowModeMinutes, boolean namesHideable,
        boolean readOnly, boolean facilitator, boolean cohortClosed) {
}
