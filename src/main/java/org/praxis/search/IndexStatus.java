package org.praxis.search;

/**
 * How far the index is: outbox rows read of those written, documents searchable, percent done,
 * and while a rebuild runs, how many table rows it has read of how many.
 */
public record IndexStatus(long read, long written, int documents, int percent, boolean rebuilding, long rebuildDone,
        long rebuildTotal) {
}
