package org.praxis.search;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;

/**
 * The features' {@link SearchSource}s, by outbox type, and what search makes of their
 * documents: the index's fields, and the reader's access filter as the union of every source's
 * read rule, each kept to its own types.
 */
@Component
class SearchSources {

    /** Body text: positions and offsets in the postings, so highlighting needs no second analysis. */
    static final org.apache.lucene.document.FieldType BODY_TYPE = new org.apache.lucene.document.FieldType(
            TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    /** The facet dimensions, each the name of the keyword field it counts. */
    static final String[] FACETS = {SearchFields.TYPE, SearchFields.COHORT, SearchFields.SESSION_ID, SearchFields.BY};

    static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    private final Map<SearchOutbox.Type, SearchSource> byType = new EnumMap<>(SearchOutbox.Type.class);
    private final List<SearchSource> sources;
    private final OwnerTokens owners;
    private final List<String> sections;

    SearchSources(List<SearchSource> sources, OwnerTokens owners) {
        this.sources = List.copyOf(sources);
        this.owners = owners;
        for (SearchSource source : sources) {
            for (SearchOutbox.Type type : source.types()) {
                SearchSource before = byType.put(type, source);
                if (before != null) {
                    throw new IllegalStateException(type + " has two search sources: " + before.getClass().getName()
                            + " and " + source.getClass().getName());
                }
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        sources.forEach(s -> keys.addAll(s.sections()));
        sections = List.copyOf(keys);
    }

    /** The types a source answers for, in the outbox's order: what a rebuild reads. */
    List<SearchOutbox.Type> types() {
        return List.copyOf(byType.keySet());
    }

    /** Every section key any source's documents may have, in order. */
    List<String> sections() {
        return sections;
    }

    /** The types whose documents may have sections. */
    Set<String> typesWithSections() {
        Set<String> out = new LinkedHashSet<>();
        for (SearchSource source : sources) {
            if (!source.sections().isEmpty()) {
                source.types().forEach(t -> out.add(SearchFields.typeValue(t)));
            }
        }
        return out;
    }

    private SearchSource source(SearchOutbox.Type type) {
        SearchSource source = byType.get(type);
        if (source == null) {
            throw new IllegalStateException("No search source for " + type);
        }
        return source;
    }

    List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        return source(type).idsAfter(type, after, limit);
    }

    long count(SearchOutbox.Type type) {
        return byType.containsKey(type) ? byType.get(type).count(type) : 0;
    }

    /** Index documents for those ids that should be in the index, by key. */
    Map<String, Document> load(SearchOutbox.Type type, Collection<Long> ids) throws IOException {
        Map<String, Document> docs = new HashMap<>();
        for (SearchDocument d : source(type).load(type, ids)) {
            if (d.type() != type) {
                throw new IllegalStateException("A " + type + " source returned a " + d.type());
            }
            docs.put(SearchFields.key(type, d.id()), index(d));
        }
        return docs;
    }

    /** Who may read what: every source's rule, each on its own types only. */
    Query accessFilter(SearchReader reader) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (SearchSource source : sources) {
            Query rule = source.readRule(reader);
            if (rule instanceof MatchNoDocsQuery || source.types().isEmpty()) {
                continue;
            }
            List<BytesRef> types = source.types().stream().map(t -> new BytesRef(SearchFields.typeValue(t))).toList();
            any.add(new BooleanQuery.Builder()
                    .add(new TermInSetQuery(SearchFields.TYPE, types), BooleanClause.Occur.FILTER)
                    .add(rule, BooleanClause.Occur.FILTER)
                    .build(), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery() : built;
    }

    private Document index(SearchDocument s) throws IOException {
        Document d = new Document();
        d.add(new StringField(SearchFields.KEY, SearchFields.key(s.type(), s.id()), Field.Store.YES));
        keyword(d, SearchFields.TYPE, SearchFields.typeValue(s.type()));
        keyword(d, SearchFields.COHORT, String.valueOf(s.cohortId()));
        if (s.sessionId() != null) {
            keyword(d, SearchFields.SESSION_ID, String.valueOf(s.sessionId()));
        }
        for (String mark : s.marks()) {
            d.add(new StringField(SearchFields.MARK, mark, Field.Store.NO));
        }
        if (s.ownerId() != null) {
            d.add(new StringField(SearchFields.OWNER, owners.of(s.ownerId()), Field.Store.NO));
        }
        for (long reader : s.readers()) {
            d.add(new StringField(SearchFields.READER, owners.of(reader), Field.Store.NO));
        }
        // a name hidden from peers is never indexed, so nobody finds, filters or counts a post by it
        if (s.authorName() != null && s.authorId() != null) {
            d.add(new TextField(SearchFields.AUTHOR_NAME, s.authorName(), Field.Store.NO));
            keyword(d, SearchFields.BY, String.valueOf(s.authorId()));
        }
        for (long named : s.named()) {
            d.add(new StringField(SearchFields.NAMED, String.valueOf(named), Field.Store.NO));
        }
        d.add(new TextField(SearchFields.TITLE, s.title(), Field.Store.YES));
        d.add(new Field(SearchFields.BODY, s.body(), BODY_TYPE));
        s.sections().forEach((key, text) -> d.add(new Field(SearchFields.SECTION_PREFIX + key, text, BODY_TYPE)));
        d.add(new StoredField(SearchFields.PATH, s.path()));
        long created = s.created().toEpochMilli();
        d.add(new LongPoint(SearchFields.CREATED, created));
        d.add(new NumericDocValuesField(SearchFields.CREATED, created));
        d.add(new StoredField(SearchFields.CREATED, created));
        return FACETS_CONFIG.build(d);
    }

    /** An exact term to filter on and stored to show; a facet value to count. */
    private static void keyword(Document d, String field, String value) {
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }
}
