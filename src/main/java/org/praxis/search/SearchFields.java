package org.praxis.search;

/**
 * The index's field names, search's alone: features describe their documents as
 * {@link SearchDocument}s and their read rules through {@link SearchReader}, never by field.
 */
final class SearchFields {

    private SearchFields() {
    }

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String COHORT = "cohort";
    /** What a source's read rule asks of a document ({@link SearchDocument#mark}). */
    static final String MARK = "mark";
    /**
     * Whose it is, for the access rule alone: a keyed token ({@link OwnerTokens}), never a member
     * id. Absent where the source gives no owner (a post whose name is hidden and which peers may
     * read anyway), so such a document holds nothing that belongs to its author.
     */
    static final String OWNER = "owner";
    /** Others the document is addressed to, as owner tokens ({@link SearchDocument#readableBy}). */
    static final String READER = "reader";
    static final String AUTHOR_NAME = "authorName";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String PATH = "path";
    static final String CREATED = "created";
    static final String SESSION_ID = "session";
    /** The author as a filter and facet; absent when the name is hidden from peers. */
    static final String BY = "by";
    /** People whose names the words show ({@link SearchDocument#names}), for re-indexing after a rename only. */
    static final String NAMED = "named";
    /** A document's parts in fields of their own ({@code section_<key>}), so a result can say which matched. */
    static final String SECTION_PREFIX = "section_";

    static String key(SearchOutbox.Type type, long id) {
        return type.name() + ":" + id;
    }

    static String typeValue(SearchOutbox.Type type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
