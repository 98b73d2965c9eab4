package org.praxis.consultation;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A consultation as its reader sees it: the dilemma, how it is run, where it is (times in the
 * cohort's zone), its moves, and what the reader may do ({@code facilitator}, {@code presenter}).
 * {@code timeUp}: the current stage's time is over and it waits for the facilitators.
 */
public record ConsultationDetails(long id, long cohortId, long threadId, String title, String situation, String tried,
        String question, String presenterName, boolean presenter, boolean facilitator, boolean cohortClosed,
        Stage stage, Plan plan, String sessionTitle, ZonedDateTime stageEndsAt, boolean timeUp, String nextStep,
        Long commitmentId, List<Move> moves) {

    /** A move between stages: from, to, by whom (null: a former member), when. */
    public record Move(Stage from, Stage to, String by, ZonedDateTime at) {
    }

    /** Whether the facilitators have decided how to run it. */
    public boolean scheduled() {
        return plan.mode() != null;
    }
}
