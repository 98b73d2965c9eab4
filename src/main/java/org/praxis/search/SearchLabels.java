package org.praxis.search;

import java.util.Collection;
import java.util.Map;

/**
 * Names for the ids a facet counts (sessions, authors), from the feature that owns them, so a
 * result shows a current title or name without search reading another feature's table.
 */
public interface SearchLabels {

    /** The facet whose values this names: {@link SearchResults.Facet#SESSION} or {@link SearchResults.Facet#AUTHOR}. */
    SearchResults.Facet facet();

    /** The label of each id that has one. */
    Map<Long, String> labels(Collection<Long> ids);
}
