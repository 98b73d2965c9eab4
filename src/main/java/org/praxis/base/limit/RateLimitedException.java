package org.praxis.base.limit;

import java.time.Duration;
import java.util.Map;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;

/**
 * Refused because the person (or client address) did this too often lately. An
 * {@link InvalidInputException}, so a form shows it where it shows its other problems; the text is
 * {@code rate-limit.reached} with the minutes to wait.
 */
public class RateLimitedException extends InvalidInputException {

    public static final String FIELD = "form";
    public static final String MESSAGE = "rate-limit.reached";

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(Map.of(FIELD, Problem.of(MESSAGE, minutes(retryAfter))));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, at least one. */
    public long minutes() {
        return minutes(retryAfter);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /** The problem to show, for views that show it elsewhere than at a form. */
    public Problem problem() {
        return problems().get(FIELD);
    }
}
