package org.praxis.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.springframework.stereotype.Service;

/**
 * Searches the index with the reader's rights as a filter inside the query, so results,
 * highlights and counts only ever come from what they may read: their cohorts only, and
 * facilitators-only posts only for the cohort's facilitators and the post's author. (Removed and
 * hidden posts, and names hidden from peers, are never in the index.) The query text reaches only
 * the fields meant for people ({@link #askable}); the fields of the access rule are the
 * service's alone.
 */
@Service
public class SearchService {

    public static final int QUERY_MAX = 500;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchService.class);

    private final SearchIndex index;
    private final SearchSources sources;
    private final org.praxis.cohort.CohortAccess access;
    private final Map<SearchResults.Facet, SearchLabels> labels = new java.util.EnumMap<>(SearchResults.Facet.class);
    private final CurrentUser currentUser;
    private final Indexer indexer;
    private final org.praxis.audit.AuditService audit;
    private final Clock clock;
    private final RateLimiter limits;
    private final OwnerTokens owners;

    SearchService(SearchIndex index, SearchSources sources, org.praxis.cohort.CohortAccess access,
            List<SearchLabels> labels, CurrentUser currentUser, Indexer indexer,
            org.praxis.audit.AuditService audit, Clock clock, RateLimiter limits, OwnerTokens owners) {
        this.sources = sources;
        this.access = access;
        labels.forEach(l -> this.labels.put(l.facet(), l));
        this.limits = limits;
        this.clock = clock;
        this.owners = owners;
        this.index = index;
        this.currentUser = currentUser;
        this.indexer = indexer;
        this.audit = audit;
    }

    /** Admins: how far the index is. */
    public IndexStatus status() {
        currentUser.requireRole(org.praxis.base.security.Role.ADMIN);
        try {
            return indexer.status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Admins: throw the index away and build it again from the outbox. */
    public void rebuild() {
        PraxisUser me = currentUser.requireRole(org.praxis.base.security.Role.ADMIN);
        try {
            indexer.rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(me.id(), "search.rebuild", "search-index", null, null, null);
    }

    /** Up to {@code limit} results for any text at all; bad syntax is searched as plain words. */
    public List<SearchHit> search(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return search(SearchQuery.of(q).withLimit(limit)).hits();
    }

    /**
     * Results, total and facet counts for what the reader may read. No text: their newest
     * items. Exact words that find fewer than {@link #SIMILAR_BELOW} results are tried again
     * allowing a typo or two per word, and the results say so. Limited per person
     * ({@link org.praxis.base.limit.RateLimitedException}). An index found damaged is
     * rebuilt, and meanwhile the reader gets no results and word of the rebuild, never an error.
     */
    public SearchResults search(SearchQuery request) {
        PraxisUser me = currentUser.require();
        limits.hit(RateLimiter.Action.SEARCH);
        String q = request.text().replaceAll("\\p{Cntrl}", " ").strip();
        if (q.length() > QUERY_MAX) {
            q = q.substring(0, QUERY_MAX);
        }
        Map<Long, String> cohorts = new HashMap<>();
        Query access = accessFilter(me, cohorts);
        boolean recent = q.isEmpty();
        int generation = index.generation();
        org.apache.lucene.search.SearcherManager manager = index.searchers();
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (IOException | RuntimeException e) {
            return damaged(null, generation, e);
        }
        try {
            Query exact = recent ? new MatchAllDocsQuery() : parse(q);
            Found found = run(searcher, exact, access, request, recent);
            boolean similar = false;
            if (!recent && found.total < SIMILAR_BELOW) {
                Query fuzzy = similar(q);
                if (fuzzy != null) {
                    Found alike = run(searcher, fuzzy, access, request, false);
                    if (alike.total > found.total) {
                        found = alike;
                        similar = true;
                    }
                }
            }
            return results(searcher, found, recent, similar, cohorts);
        } catch (IOException | RuntimeException e) {
            // still holding the searcher: its segments are what gets checked
            return damaged(searcher, generation, e);
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                log.warn("Releasing a searcher failed", e);
            }
        }
    }

    /**
     * A search failed on this searcher. When the index is damaged, the rebuild starts and the
     * reader is told; anything else is a fault of ours and is thrown on.
     */
    private SearchResults damaged(IndexSearcher searcher, int generation, Exception e) {
        if (!(e instanceof IOException) && !Indexer.damage(e) && (searcher == null || intact(searcher))) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        indexer.recover(generation, e);
        return SearchResults.unavailable();
    }

    /** Segments whose checksums were found right, so a fault of ours does not read the index on every search. */
    private final java.util.Set<Object> verified = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /**
     * Whether every segment of the searcher still matches its checksums: damaged data can fail
     * in any way when decoded (an index out of bounds, a number that does not parse), so an
     * unexpected failure is put down to the index only when its files say so.
     */
    private boolean intact(IndexSearcher searcher) {
        for (var leaf : searcher.getIndexReader().leaves()) {
            var helper = leaf.reader().getCoreCacheHelper();
            Object key = helper == null ? null : helper.getKey();
            if (key != null && verified.contains(key)) {
                continue;
            }
            try {
                leaf.reader().checkIntegrity();
            } catch (IOException | RuntimeException bad) {
                return false;
            }
            if (key != null) {
                verified.add(key);
            }
        }
        return true;
    }

    private static final int FUZZY_EXPANSIONS = 10;

    /** Fewer exact results than this and words spelt alike are tried. */
    static final int SIMILAR_BELOW = 3;

    /** {@code text}: the words alone, without the filters, for highlighting fields the words were not asked of. */
    private record Found(Query query, Query text, TopDocs top, long total, Map<String, Map<String, Long>> counts) {
    }

    /** How many values of a facet are offered. */
    private static final int FACET_VALUES = 10;

    /**
     * The words within the reader's rights (and the age asked for) as the base query; type,
     * cohort, session and author as drill-downs, so each facet counts as if its own choice were
     * not made (drill-sideways): choosing a type still shows how many of every other type there are.
     */
    private Found run(IndexSearcher searcher, Query text, Query access, SearchQuery request, boolean recent)
            throws IOException {
        BooleanQuery.Builder built = new BooleanQuery.Builder()
                .add(text, recent ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST)
                .add(access, BooleanClause.Occur.FILTER);
        if (request.since().days > 0) {
            long from = clock.instant().minus(java.time.Duration.ofDays(request.since().days)).toEpochMilli();
            built.add(LongPoint.newRangeQuery(SearchFields.CREATED, from, Long.MAX_VALUE), BooleanClause.Occur.FILTER);
        }
        Query base = built.build();
        Map<String, String> chosen = new java.util.LinkedHashMap<>();
        if (request.type() != null) {
            chosen.put(SearchFields.TYPE, request.type());
        }
        if (request.cohort() != null) {
            chosen.put(SearchFields.COHORT, request.cohort().toString());
        }
        if (request.session() != null) {
            chosen.put(SearchFields.SESSION_ID, request.session().toString());
        }
        if (request.author() != null) {
            chosen.put(SearchFields.BY, request.author().toString());
        }
        CollectorManager<?, ? extends TopDocs> top = recent || request.order() == SearchQuery.Order.NEWEST
                ? new TopFieldCollectorManager(NEWEST, request.limit(), null, Integer.MAX_VALUE, false)
                : new TopScoreDocCollectorManager(request.limit(), null, Integer.MAX_VALUE, false);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (String dim : SearchSources.FACETS) {
            counts.put(dim, new java.util.LinkedHashMap<>());
        }
        org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState state = searcher instanceof FacetedSearcher f
                ? f.facets() : null;
        if (state == null) {
            // nothing in the index has a facet value yet: plain filters, no counts
            BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
            chosen.forEach((dim, value) -> filtered.add(new TermQuery(new Term(dim, value)), BooleanClause.Occur.FILTER));
            Query query = filtered.build();
            TopDocs docs = searcher.search(query, top);
            return new Found(query, text, docs, docs.totalHits.value, counts);
        }
        org.apache.lucene.facet.DrillDownQuery drill = new org.apache.lucene.facet.DrillDownQuery(
                SearchSources.FACETS_CONFIG, base);
        chosen.forEach(drill::add);
        var result = new org.apache.lucene.facet.DrillSideways(searcher, SearchSources.FACETS_CONFIG, state)
                .search(drill, top);
        for (String dim : SearchSources.FACETS) {
            org.apache.lucene.facet.FacetResult values;
            try {
                values = result.facets.getTopChildren(FACET_VALUES, dim);
            } catch (IllegalArgumentException noSuchDimension) {
                values = null;
            }
            if (values != null) {
                for (var v : values.labelValues) {
                    counts.get(dim).put(v.label, v.value.longValue());
                }
            }
        }
        TopDocs docs = result.collectorResult;
        // the highlighter needs the words and every filter, drill-downs included, as one query
        BooleanQuery.Builder whole = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
        chosen.forEach((dim, value) -> whole.add(new TermQuery(new Term(dim, value)), BooleanClause.Occur.FILTER));
        return new Found(whole.build(), text, docs, docs.totalHits.value, counts);
    }

    private static final Sort NEWEST = new Sort(new SortField(SearchFields.CREATED, SortField.Type.LONG, true));

    private SearchResults results(IndexSearcher searcher, Found found, boolean recent, boolean similar,
            Map<Long, String> cohorts) throws IOException {
        String[] snippets = recent ? new String[found.top.scoreDocs.length]
                : UnifiedHighlighter.builder(searcher, SearchIndex.analyzer())
                        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                        .withHandleMultiTermQuery(true)
                        .build()
                        .highlight(SearchFields.BODY, found.query, found.top, 2);
        List<org.apache.lucene.document.Document> docs = new ArrayList<>();
        var stored = searcher.storedFields();
        for (int i = 0; i < found.top.scoreDocs.length; i++) {
            // the body only where there is no highlighted passage: it is the largest field by far
            docs.add(stored.document(found.top.scoreDocs[i].doc, snippets[i] == null ? WITH_BODY : SHOWN));
        }
        String[] sections = new String[found.top.scoreDocs.length];
        if (!recent) {
            sectionSnippets(searcher, found, docs, snippets, sections);
        }
        java.util.Set<Long> sessionIds = new java.util.HashSet<>();
        java.util.Set<Long> authorIds = new java.util.HashSet<>();
        for (var doc : docs) {
            ids(doc.get(SearchFields.SESSION_ID), sessionIds);
            ids(doc.get(SearchFields.BY), authorIds);
        }
        found.counts.get(SearchFields.SESSION_ID).keySet().forEach(v -> ids(v, sessionIds));
        found.counts.get(SearchFields.BY).keySet().forEach(v -> ids(v, authorIds));
        Map<Long, String> sessions = labels(SearchResults.Facet.SESSION, sessionIds);
        Map<Long, String> authors = labels(SearchResults.Facet.AUTHOR, authorIds);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            var doc = docs.get(i);
            String key = doc.get(SearchFields.KEY);
            String snippet = snippets[i] != null ? snippets[i] : escape(first(doc.get(SearchFields.BODY)));
            hits.add(new SearchHit(doc.get(SearchFields.TYPE), Long.parseLong(key.substring(key.indexOf(':') + 1)),
                    doc.get(SearchFields.PATH), doc.get(SearchFields.TITLE),
                    Jsoup.clean(snippet, Safelist.none().addTags("b")), found.top.scoreDocs[i].score,
                    Long.parseLong(doc.get(SearchFields.COHORT)), label(cohorts, doc.get(SearchFields.COHORT)), label(sessions, doc.get(SearchFields.SESSION_ID)),
                    label(authors, doc.get(SearchFields.BY)),
                    java.time.Instant.ofEpochMilli(doc.getField(SearchFields.CREATED).numericValue().longValue()),
                    sections[i]));
        }
        Map<SearchResults.Facet, List<SearchResults.FacetCount>> facets = new java.util.EnumMap<>(SearchResults.Facet.class);
        facets.put(SearchResults.Facet.TYPE, facet(found.counts.get(SearchFields.TYPE), Map.of()));
        facets.put(SearchResults.Facet.COHORT, facet(found.counts.get(SearchFields.COHORT), cohorts));
        facets.put(SearchResults.Facet.SESSION, facet(found.counts.get(SearchFields.SESSION_ID), sessions));
        facets.put(SearchResults.Facet.AUTHOR, facet(found.counts.get(SearchFields.BY), authors));
        return new SearchResults(hits, found.total, facets, similar, recent, indexer.rebuilding());
    }

    private static final java.util.Set<String> SHOWN = java.util.Set.of(SearchFields.KEY, SearchFields.TYPE,
            SearchFields.PATH, SearchFields.TITLE, SearchFields.COHORT, SearchFields.SESSION_ID,
            SearchFields.BY, SearchFields.CREATED);
    private static final java.util.Set<String> WITH_BODY = java.util.stream.Stream.concat(SHOWN.stream(),
            java.util.stream.Stream.of(SearchFields.BODY)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * For policy analyses among the hits: the first section, in order, whose text matched, with
     * its own snippet in place of the whole body's.
     */
    private void sectionSnippets(IndexSearcher searcher, Found found,
            List<org.apache.lucene.document.Document> docs, String[] snippets, String[] sections) throws IOException {
        java.util.Set<String> withSections = this.sources.typesWithSections();
        int[] hits = java.util.stream.IntStream.range(0, docs.size())
                .filter(i -> withSections.contains(docs.get(i).get(SearchFields.TYPE))).toArray();
        if (hits.length == 0) {
            return;
        }
        List<String> keys = this.sources.sections();
        String[] fields = keys.stream().map(s -> SearchFields.SECTION_PREFIX + s).toArray(String[]::new);
        int[] passages = new int[fields.length];
        java.util.Arrays.fill(passages, 1);
        // one pass over all analysis hits; the words alone are matched in every section field
        Map<String, String[]> bySection = UnifiedHighlighter.builder(searcher, SearchIndex.analyzer())
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                .withHandleMultiTermQuery(true)
                .withFieldMatcher(field -> true)
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0)
                .build()
                .highlightFields(fields, found.text,
                        java.util.Arrays.stream(hits).map(i -> found.top.scoreDocs[i].doc).toArray(), passages);
        for (int h = 0; h < hits.length; h++) {
            for (int f = 0; f < fields.length; f++) {
                String snippet = bySection.get(fields[f])[h];
                if (snippet != null && snippet.contains("<b>")) {
                    snippets[hits[h]] = snippet;
                    sections[hits[h]] = keys.get(f);
                    break;
                }
            }
        }
    }

    private Map<Long, String> labels(SearchResults.Facet facet, java.util.Set<Long> ids) {
        SearchLabels names = labels.get(facet);
        return ids.isEmpty() || names == null ? Map.of() : names.labels(ids);
    }

    private static void ids(String value, java.util.Set<Long> into) {
        if (value != null) {
            into.add(Long.parseLong(value));
        }
    }

    private static String label(Map<Long, String> names, String id) {
        return id == null ? null : names.get(Long.parseLong(id));
    }

    /** The ten most frequent values, most first; types keep their value as label (the view translates it). */
    private static List<SearchResults.FacetCount> facet(Map<String, Long> counts, Map<Long, String> labels) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .map(e -> new SearchResults.FacetCount(e.getKey(),
                        labels.isEmpty() ? e.getKey() : labels.getOrDefault(Long.parseLong(e.getKey()), e.getKey()),
                        e.getValue()))
                .toList();
    }

    /**
     * The same words allowing one typo (two from eight letters on); phrases, exclusions and
     * fields stay as they were. Null when nothing in the query can be spelt otherwise.
     */
    static Query similar(String q) {
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        boolean inPhrase = false;
        for (String token : q.split("\\s+")) {
            long quotes = token.chars().filter(c -> c == '"').count();
            boolean plain = !inPhrase && quotes == 0 && token.matches("[\\p{L}\\p{N}]{4,}");
            out.append(out.length() == 0 ? "" : " ").append(token);
            if (plain) {
                out.append(token.length() >= 8 ? "~2" : "~1");
                changed = true;
            }
            if (quotes % 2 == 1) {
                inPhrase = !inPhrase;
            }
        }
        return changed ? parse(out.toString()) : null;
    }

    private static String first(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }

    /**
     * The fields a person may name in the search box, by the name they type (any case): what
     * people wrote and the names they wrote under. Nothing of the access rule (owner, cohort,
     * facilitators-only, author ids) is among them.
     */
    private static final Map<String, String> ASKABLE = Map.of("author", SearchFields.AUTHOR_NAME,
            SearchFields.AUTHOR_NAME.toLowerCase(java.util.Locale.ROOT), SearchFields.AUTHOR_NAME,
            SearchFields.TYPE, SearchFields.TYPE, SearchFields.TITLE, SearchFields.TITLE,
            SearchFields.BODY, SearchFields.BODY);

    /**
     * The index field a field named in the query stands for, or null (the words of title and body)
     * for any other. The parser has already undone escapes ({@code au\thor}, {@code \u0061uthor}),
     * so this sees the field as Lucene would, however it was spelt.
     */
    static String askable(String field) {
        return field == null ? null : ASKABLE.get(field.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Words, "phrases", -exclusion, author:name and type:post; any other field is taken as the
     * words after it, and bad syntax as plain words.
     */
    static Query parse(String q) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {SearchFields.TITLE, SearchFields.BODY}, SearchIndex.analyzer(),
                Map.of(SearchFields.TITLE, 2f, SearchFields.BODY, 1f)) {
            @Override
            protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
                // the ten closest spellings are plenty for a typo, and keep the query cheap
                return new org.apache.lucene.search.FuzzyQuery(term, Math.max(1, Math.min(2, (int) minimumSimilarity)),
                        prefixLength, FUZZY_EXPANSIONS, true);
            }

            // every way the grammar names a field comes through one of these: each asks the allow-list
            @Override
            protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
                return super.getFieldQuery(askable(field), queryText, quoted);
            }

            @Override
            protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
                return super.getFieldQuery(askable(field), queryText, slop);
            }

            @Override
            protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                    boolean endInclusive) throws ParseException {
                return super.getRangeQuery(askable(field), part1, part2, startInclusive, endInclusive);
            }

            @Override
            protected Query getPrefixQuery(String field, String termStr) throws ParseException {
                return super.getPrefixQuery(askable(field), termStr);
            }

            @Override
            protected Query getWildcardQuery(String field, String termStr) throws ParseException {
                return super.getWildcardQuery(askable(field), termStr);
            }

            @Override
            protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
                return super.getFuzzyQuery(askable(field), termStr, minSimilarity);
            }

            @Override
            protected Query getRegexpQuery(String field, String termStr) throws ParseException {
                return super.getRegexpQuery(askable(field), termStr);
            }
        };
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        // words spelt alike share their first letter: far fewer terms to try, and few typos are lost
        parser.setFuzzyPrefixLength(1);
        try {
            return parser.parse(q);
        } catch (ParseException | RuntimeException e) {
            try {
                return parser.parse(QueryParser.escape(q));
            } catch (ParseException | RuntimeException again) {
                return new MatchNoDocsQuery();
            }
        }
    }

    /**
     * Who may read what, from the reader's memberships and every source's read rule. Also fills
     * in the names of the reader's cohorts, for the results.
     */
    private Query accessFilter(PraxisUser me, Map<Long, String> cohortNames) {
        java.util.Set<Long> all = new java.util.HashSet<>();
        java.util.Set<Long> facilitating = new java.util.HashSet<>();
        for (org.praxis.cohort.Membership m : access.myMemberships()) {
            cohortNames.put(m.cohortId(), m.cohortName());
            all.add(m.cohortId());
            if (m.role() == org.praxis.cohort.CohortRole.FACILITATOR) {
                facilitating.add(m.cohortId());
            }
        }
        return sources.accessFilter(new SearchReader(all, facilitating, owners.of(me.id())));
    }
}
