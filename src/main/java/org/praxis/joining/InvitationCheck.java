package org.praxis.joining;

/**
 * What an invitation link is worth. For a {@code VALID} one: who it is for, the cohort, and the
 * community agreements to acknowledge (Markdown rendered and sanitised; null when the cohort has none).
 */
public record InvitationCheck(State state, String name, String email, String cohortName, String agreementsHtml) {

    public enum State { VALID, EXPIRED, USED, UNKNOWN }

    static InvitationCheck of(State state) {
        return new InvitationCheck(state, null, null, null, null);
    }
}
