package org.praxis.consultation;

import java.util.List;

/** Where a consultation is: waiting for the facilitators, scheduled, one of its three timed stages, or closed. */
public enum Stage {
    WAITING, SCHEDULED, QUESTIONS, REFLECTIONS, RESPONSE, CLOSED;

    /** The stages everyone follows on the consultation's page, in order. */
    public static final List<Stage> STEPS = List.of(QUESTIONS, REFLECTIONS, RESPONSE, CLOSED);

    /** Whether the stage has a length and an end time. */
    public boolean timed() {
        return this == QUESTIONS || this == REFLECTIONS || this == RESPONSE;
    }

    /** The stage a facilitator moves it on to; none after closed, nor before it is scheduled. */
    public Stage next() {
        return this == WAITING || this == CLOSED ? null : values()[ordinal() + 1];
    }

    /** The stage a facilitator moves it back to, to undo a mistake; none before the questions. */
    public Stage previous() {
        return ordinal() <= SCHEDULED.ordinal() ? null : values()[ordinal() - 1];
    }
}
