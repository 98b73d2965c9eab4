package org.praxis.analysis;

/** What the library shows: any of these may be null (no filter). */
public record LibraryFilter(PolicyArea area, Dimension dimension, Long organizationId, AnalysisStatus status,
        Long authorId, Order order) {

    public enum Order { RECENT, MOST_DISCUSSED }

    public LibraryFilter {
        order = order == null ? Order.RECENT : order;
    }

    public static LibraryFilter all() {
        return new LibraryFilter(null, null, null, null, null, null);
    }
}
