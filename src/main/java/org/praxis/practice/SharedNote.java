package org.praxis.practice;

import java.time.Instant;

/**
 * A note its author agreed to share with the network and a facilitator published, for the network
 * report: {@code authorName} is empty when the author removed their name.
 */
public record SharedNote(long noteId, String title, String learned, String authorName, Instant publishedAt) {
}
