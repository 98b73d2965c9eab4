package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.praxis.search.SearchLabels;
import org.praxis.search.SearchResults;
import org.springframework.stereotype.Component;

/** People's current names for search's author facet and results (only ids the index shows under a name reach it). */
@Component
class MemberSearchLabels implements SearchLabels {

    private final DSLContext db;

    MemberSearchLabels(DSLContext db) {
        this.db = db;
    }

    @Override
    public SearchResults.Facet facet() {
        return SearchResults.Facet.AUTHOR;
    }

    @Override
    public Map<Long, String> labels(Collection<Long> ids) {
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.in(Set.copyOf(ids)))
                .fetchMap(MEMBER.ID, MEMBER.DISPLAY_NAME);
    }
}
