package org.praxis.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results and the counts behind them. {@code total} and every facet count are taken
 * from what the reader may read and nothing else. {@code similar} says exact words found too
 * little and the results come from words spelt alike; {@code recent} says there was no text and
 * these are the newest things the reader may see; {@code rebuilding} says the index is being
 * rebuilt, so results may be missing (and are all missing when the index was found damaged).
 */
public record SearchResults(List<SearchHit> hits, long total, Map<Facet, List<FacetCount>> facets, boolean similar,
        boolean recent, boolean rebuilding) {

    public SearchResults(List<SearchHit> hits, long total, Map<Facet, List<FacetCount>> facets, boolean similar,
            boolean recent) {
        this(hits, total, facets, similar, recent, false);
    }

    public enum Facet { TYPE, COHORT, SESSION, AUTHOR }

    /** One value of a facet: what to filter on, what to show, and how many results have it. */
    public record FacetCount(String value, String label, long count) {
    }

    public static SearchResults empty() {
        return new SearchResults(List.of(), 0, Map.of(), false, false);
    }

    /** Nothing, because the index is being built again from the database. */
    public static SearchResults unavailable() {
        return new SearchResults(List.of(), 0, Map.of(), false, false, true);
    }
}
