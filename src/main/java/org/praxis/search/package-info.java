/**
 * Search: the outbox that every searchable write fills in its own transaction, the Lucene index
 * derived from it (one writer, rebuilt from the tables when missing, damaged, outdated or ahead of
 * the database), and searching with the reader's rights as a filter, where the query text reaches
 * only the fields meant for people. Search knows no feature's tables: each searchable feature
 * implements {@link org.praxis.search.SearchSource} (its documents, its ids for a rebuild, its
 * read rule as a Lucene clause) and, for facet names, {@link org.praxis.search.SearchLabels}.
 */
@Owns({"search_outbox", "search_node", "search_outbox_pruned"})
package org.praxis.search;

import org.praxis.base.Owns;
