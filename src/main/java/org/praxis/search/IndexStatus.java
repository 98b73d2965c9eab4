package org.praxis.search;

/** How far the index is: outbox rows read of those written, documents searchable, percent done. */
public record IndexStatus(long read, long written, int documents, int percent) {
}
