package org.praxis.cohort;

import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;

/**
 * A write to a cohort that has closed. It is an {@link InvalidInputException} (on the field
 * {@value #FIELD}) so that every form already showing a service's objections in place shows this
 * one too, and keeps what was typed; nothing was written.
 */
public class CohortClosedException extends InvalidInputException {

    /** The field the refusal is filed under; no form has such a field, so forms show it as their own message. */
    public static final String FIELD = "cohort";

    public CohortClosedException(long cohortId) {
        super(java.util.Map.of(FIELD, Problem.of("cohort.closed.refused")));
    }
}
