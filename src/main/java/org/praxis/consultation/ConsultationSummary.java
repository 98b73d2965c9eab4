package org.praxis.consultation;

import java.time.ZonedDateTime;

/** A consultation in the cohort's list; its current stage's end in the cohort's zone (null when untimed). */
public record ConsultationSummary(long id, String title, String presenterName, Stage stage, Mode mode,
        String sessionTitle, ZonedDateTime stageEndsAt) {
}
