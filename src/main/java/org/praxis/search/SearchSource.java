package org.praxis.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * What a searchable feature contributes to search, as a Spring bean in its own package: the
 * outbox types it answers for, its current documents by id, its ids in order for a rebuild, and
 * who may read its documents as a Lucene clause. Search owns the index, the outbox and the query
 * language; the source owns its rows, their shape and their read rule, which it states once for
 * the page and once here, the same rule.
 */
public interface SearchSource {

    /** The outbox types whose documents this source makes; each type has exactly one source. */
    Set<SearchOutbox.Type> types();

    /**
     * The documents of those ids that should be findable now. An id with none (gone, removed,
     * hidden, a draft) is deleted from the index.
     */
    List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids);

    /** Up to {@code limit} ids of this type after {@code after}, in ascending order: one rebuild batch. */
    List<Long> idsAfter(SearchOutbox.Type type, long after, int limit);

    /** How many rows of this type there are (some may yield no document): a rebuild's total. */
    long count(SearchOutbox.Type type);

    /**
     * Which of this source's documents the reader may read, built from {@link SearchReader}'s
     * clauses; search applies it to this source's types only.
     */
    Query readRule(SearchReader reader);

    /** Keys of the {@link SearchDocument#section sections} its documents have, in the order a match is reported. */
    default List<String> sections() {
        return List.of();
    }
}
