package org.praxis.worksheet;

/** A written answer someone shared, with who wrote it and the response to open. */
public record SharedAnswer(long responseId, String authorName, Answer answer) {
}
