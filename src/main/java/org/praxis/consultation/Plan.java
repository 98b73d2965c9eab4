package org.praxis.consultation;

/**
 * How the facilitators run a consultation: in a session ({@code sessionId}) or over a few days,
 * and each timed stage's length in minutes.
 */
public record Plan(Mode mode, Long sessionId, int questionsMinutes, int reflectionsMinutes, int responseMinutes) {

    public static final int DAY = 24 * 60;

    /** The lengths suggested for a consultation over a few days: two days, three days, two days. */
    public static Plan async() {
        return new Plan(Mode.ASYNC, null, 2 * DAY, 3 * DAY, 2 * DAY);
    }

    /** The lengths suggested within a session: 15, 20 and 10 minutes. */
    public static Plan inSession(long sessionId) {
        return new Plan(Mode.IN_SESSION, sessionId, 15, 20, 10);
    }

    /** The length of a timed stage, in minutes. */
    public int minutesOf(Stage stage) {
        return switch (stage) {
            case QUESTIONS -> questionsMinutes;
            case REFLECTIONS -> reflectionsMinutes;
            case RESPONSE -> responseMinutes;
            default -> 0;
        };
    }
}
