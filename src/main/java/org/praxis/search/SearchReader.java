package org.praxis.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The one searching, as a {@link SearchSource}'s read rule may ask about them: their cohorts (as
 * member and as facilitator), and clauses for what is theirs or addressed to them. Built by
 * search from the person's memberships; it carries no member id into the query, only the keyed
 * tokens the documents hold.
 */
public final class SearchReader {

    private final Set<Long> cohorts;
    private final Set<Long> facilitating;
    private final String token;

    SearchReader(Set<Long> cohorts, Set<Long> facilitating, String token) {
        this.cohorts = Set.copyOf(cohorts);
        this.facilitating = Set.copyOf(facilitating);
        this.token = token;
    }

    /** Every cohort they belong to, in any role. */
    public Set<Long> cohorts() {
        return cohorts;
    }

    /** The cohorts they facilitate. */
    public Set<Long> facilitating() {
        return facilitating;
    }

    /** Documents of these cohorts. */
    public static Query inCohorts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        return new TermInSetQuery(SearchFields.COHORT, ids.stream().map(id -> new BytesRef(String.valueOf(id))).toList());
    }

    /** Documents of any cohort they belong to. */
    public Query inTheirCohorts() {
        return inCohorts(cohorts);
    }

    /** Documents of the cohorts they facilitate. */
    public Query inCohortsTheyFacilitate() {
        return inCohorts(facilitating);
    }

    /** Documents whose {@link SearchDocument#owner owner} they are. */
    public Query theirs() {
        return new TermQuery(new Term(SearchFields.OWNER, token));
    }

    /** Documents {@link SearchDocument#readableBy addressed} to them. */
    public Query addressedToThem() {
        return new TermQuery(new Term(SearchFields.READER, token));
    }

    /** Documents with that {@link SearchDocument#mark mark}. */
    public static Query marked(String mark) {
        return new TermQuery(new Term(SearchFields.MARK, mark));
    }

    /** Documents every clause matches. */
    public static Query allOf(Query... clauses) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            all.add(clause, BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    /** Documents at least one clause matches. */
    public static Query anyOf(Query... clauses) {
        return anyOf(List.of(clauses));
    }

    public static Query anyOf(List<Query> clauses) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query clause : clauses) {
            if (!(clause instanceof MatchNoDocsQuery)) {
                any.add(clause, BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery() : built;
    }
}
