package org.praxis.conversation;

/** A small, inclusive set of words to respond with, instead of emoji. Text: {@code reaction.<NAME>}. */
public enum ReactionKind {
    THANK_YOU,
    I_HEAR_YOU,
    RESONATES,
    PLUS_ONE;

    public String messageKey() {
        return "reaction." + name();
    }
}
