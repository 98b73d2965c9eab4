package org.praxis.conversation;

/** What the people who handle a report did about it; the reporter is told only that it was handled. */
public enum ReportAction {
    /** The post was hidden (by handling the report, or before). */
    HIDDEN,
    /** The post stays as it is. */
    KEPT,
    /** Someone talked to the member who wrote it. */
    TALKED_TO_MEMBER
}
