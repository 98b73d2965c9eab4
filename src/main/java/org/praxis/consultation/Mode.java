package org.praxis.consultation;

/** How the facilitators run a consultation: within one of the cohort's sessions, or over a few days. */
public enum Mode {
    IN_SESSION, ASYNC
}
