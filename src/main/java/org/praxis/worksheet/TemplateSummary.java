package org.praxis.worksheet;

/** A template in a facilitator's list: a starter has no cohort. */
public record TemplateSummary(long id, Long cohortId, String cohortName, boolean starter, String title, String purpose,
        int version, int steps, int questions, int assignments) {
}
