package org.praxis.member;

/**
 * What a link that confirms a new email address is worth, for the page it opens: {@code email}
 * (the new address) only when {@link State#VALID}.
 */
public record EmailLink(State state, String email) {

    public enum State {
        VALID, UNKNOWN, USED, CANCELLED, EXPIRED, OTHER_ACCOUNT
    }

    static EmailLink of(State state) {
        return new EmailLink(state, null);
    }
}
