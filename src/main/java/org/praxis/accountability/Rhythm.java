package org.praxis.accountability;

/** How often the member wants to check in on a commitment. */
public enum Rhythm {
    BEFORE_SESSION,
    BIWEEKLY,
    MONTHLY
}
