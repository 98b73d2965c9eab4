package org.praxis.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher with its facet state: the ordinals of every facet value across the reader's
 * segments, built once per refresh (on the refreshing thread) instead of on every search.
 */
final class FacetedSearcher extends IndexSearcher {

    static final SearcherFactory FACTORY = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
            return new FacetedSearcher(reader);
        }
    };

    private final SortedSetDocValuesReaderState facets;

    private FacetedSearcher(IndexReader reader) throws IOException {
        super(reader);
        facets = hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME,
                SearchSources.FACETS_CONFIG) : null;
    }

    private static boolean hasFacets(IndexReader reader) throws IOException {
        for (var leaf : reader.leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
                return true;
            }
        }
        return false;
    }

    /** Null while no document has a facet value (an empty index). */
    SortedSetDocValuesReaderState facets() {
        return facets;
    }
}
