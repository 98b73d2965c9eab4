package org.praxis.accountability;

/** How often a person gets a digest by email. */
public enum DigestFrequency {
    DAILY,
    WEEKLY,
    OFF
}
