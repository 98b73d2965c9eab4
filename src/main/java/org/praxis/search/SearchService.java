package org.praxis.search;

import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the index with the reader's rights as a filter inside the query, so results,
 * highlights and counts only ever come from what they may read: their cohorts only, and
 * facilitators-only posts only for the cohort's facilitators and the post's author. (Removed and
 * hidden posts, and names hidden from peers, are never in the index.)
 */
@Service
public class SearchService {

    public static final int QUERY_MAX = 500;

    private final SearchIndex index;
    private final DSLContext db;
    private final CurrentUser currentUser;
    private final Indexer indexer;
    private final org.praxis.audit.AuditService audit;

    SearchService(SearchIndex index, DSLContext db, CurrentUser currentUser, Indexer indexer,
            org.praxis.audit.AuditService audit) {
        this.index = index;
        this.db = db;
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
    @Transactional(readOnly = true)
    public List<SearchHit> search(String text, int limit) {
        PraxisUser me = currentUser.require();
        String q = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        if (q.isEmpty()) {
            return List.of();
        }
        if (q.length() > QUERY_MAX) {
            q = q.substring(0, QUERY_MAX);
        }
        Query access = accessFilter(me);
        Query query = new BooleanQuery.Builder()
                .add(parse(q), BooleanClause.Occur.MUST)
                .add(access, BooleanClause.Occur.FILTER)
                .build();
        try {
            IndexSearcher searcher = index.searchers().acquire();
            try {
                TopDocs top = searcher.search(query, Math.max(1, Math.min(limit, 100)));
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, SearchIndex.analyzer())
                        .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                        .build();
                String[] snippets = highlighter.highlight(SearchDocuments.BODY, query, top, 2);
                List<SearchHit> hits = new ArrayList<>();
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    var doc = searcher.storedFields().document(sd.doc);
                    String key = doc.get(SearchDocuments.KEY);
                    String snippet = snippets[i] != null ? snippets[i] : escape(first(doc.get(SearchDocuments.BODY)));
                    hits.add(new SearchHit(doc.get(SearchDocuments.TYPE), Long.parseLong(key.substring(key.indexOf(':') + 1)),
                            doc.get(SearchDocuments.PATH), doc.get(SearchDocuments.TITLE),
                            Jsoup.clean(snippet, Safelist.none().addTags("b")), sd.score));
                }
                return hits;
            } finally {
                index.searchers().release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String first(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }

    /** Words, "phrases", -exclusion, author:name and type:post; anything else is taken as plain words. */
    static Query parse(String q) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                new String[] {SearchDocuments.TITLE, SearchDocuments.BODY}, SearchIndex.analyzer(),
                Map.of(SearchDocuments.TITLE, 2f, SearchDocuments.BODY, 1f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        String prepared = q.replaceAll("(?i)\\bauthor:", SearchDocuments.AUTHOR_NAME + ":");
        try {
            return parser.parse(prepared);
        } catch (ParseException | RuntimeException e) {
            try {
                return parser.parse(QueryParser.escape(q));
            } catch (ParseException | RuntimeException again) {
                return new MatchNoDocsQuery();
            }
        }
    }

    private Query accessFilter(PraxisUser me) {
        List<BytesRef> member = new ArrayList<>();
        List<BytesRef> facilitator = new ArrayList<>();
        db.select(COHORT_MEMBERSHIP.COHORT_ID, COHORT_MEMBERSHIP.ROLE).from(COHORT_MEMBERSHIP)
                .where(COHORT_MEMBERSHIP.MEMBER_ID.eq(me.id()))
                .forEach(r -> (("FACILITATOR".equals(r.value2())) ? facilitator : member)
                        .add(new BytesRef(String.valueOf(r.value1()))));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (!member.isEmpty()) {
            any.add(new BooleanQuery.Builder()
                    .add(new TermInSetQuery(SearchDocuments.COHORT, member), BooleanClause.Occur.FILTER)
                    .add(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term(SearchDocuments.FACILITATORS_ONLY, "0")), BooleanClause.Occur.SHOULD)
                            .add(new TermQuery(new Term(SearchDocuments.AUTHOR, String.valueOf(me.id()))),
                                    BooleanClause.Occur.SHOULD)
                            .build(), BooleanClause.Occur.FILTER)
                    .build(), BooleanClause.Occur.SHOULD);
        }
        if (!facilitator.isEmpty()) {
            any.add(new TermInSetQuery(SearchDocuments.COHORT, facilitator), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery() : built;
    }
}
