package org.praxis.worksheet;

/** Where a member is with an assignment. A private response shows others no more than this. */
public enum ResponseStatus {
    NOT_STARTED,
    IN_PROGRESS,
    SUBMITTED
}
