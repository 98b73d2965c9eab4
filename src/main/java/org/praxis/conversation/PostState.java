package org.praxis.conversation;

/** What a reader sees of a post. */
public enum PostState {
    /** The text. */
    VISIBLE,
    /** Hidden by a facilitator: peers see that, the author and facilitators also see why (and facilitators the text). */
    HIDDEN,
    /** Deleted by its author: stays as a placeholder so replies keep their place. */
    REMOVED
}
