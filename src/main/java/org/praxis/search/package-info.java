/**
 * Search. For now the outbox that every searchable write fills in its own transaction; the
 * Lucene indexer that reads it comes with the search feature.
 */
package org.praxis.search;
