package org.praxis.conversation;

/** Someone of the thread's cohort a writer may mention: their id and current name. */
public record MentionPerson(long id, String name) {
}
