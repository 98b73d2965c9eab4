package org.praxis.session;

import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchLabels;
import org.praxis.search.SearchOutbox;
import org.praxis.search.SearchReader;
import org.praxis.search.SearchResults;
import org.praxis.search.SearchSource;
import org.springframework.stereotype.Component;

/** Sessions and their prompts for search, read by everyone in the cohort; and sessions' titles for the session facet. */
@Component
class SessionSearch implements SearchSource, SearchLabels {

    private final DSLContext db;

    SessionSearch(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.SESSION, SearchOutbox.Type.PROMPT);
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        if (type == SearchOutbox.Type.SESSION) {
            return db.select(SESSION.ID, SESSION.COHORT_ID, SESSION.TITLE, SESSION.THEME, SESSION.DESCRIPTION_HTML,
                            SESSION.STARTS_AT)
                    .from(SESSION).where(SESSION.ID.in(ids))
                    .fetch(r -> SearchDocument.of(type, r.value1(), r.value2()).session(r.value1())
                            .path("sessions/" + r.value1()).title(r.value3())
                            .body((r.value4() == null ? "" : r.value4() + " ") + SearchDocument.textOf(r.value5()))
                            .created(r.value6().toInstant()));
        }
        return db.select(PROMPT.ID, SESSION.COHORT_ID, SESSION.ID, SESSION.TITLE, PROMPT.QUESTION, PROMPT.CREATED_AT)
                .from(PROMPT).join(SESSION).on(SESSION.ID.eq(PROMPT.SESSION_ID)).where(PROMPT.ID.in(ids))
                .fetch(r -> SearchDocument.of(type, r.value1(), r.value2()).session(r.value3())
                        .path("sessions/" + r.value3()).title(r.value4()).body(r.value5())
                        .created(r.value6().toInstant()));
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        var id = type == SearchOutbox.Type.SESSION ? SESSION.ID : PROMPT.ID;
        return db.select(id).from(type == SearchOutbox.Type.SESSION ? SESSION : PROMPT).where(id.gt(after)).orderBy(id)
                .limit(limit).fetch(id);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(type == SearchOutbox.Type.SESSION ? SESSION : PROMPT);
    }

    @Override
    public Query readRule(SearchReader reader) {
        return reader.inTheirCohorts();
    }

    @Override
    public SearchResults.Facet facet() {
        return SearchResults.Facet.SESSION;
    }

    @Override
    public Map<Long, String> labels(Collection<Long> ids) {
        return db.select(SESSION.ID, SESSION.TITLE).from(SESSION).where(SESSION.ID.in(ids)).fetchMap(SESSION.ID,
                SESSION.TITLE);
    }
}
