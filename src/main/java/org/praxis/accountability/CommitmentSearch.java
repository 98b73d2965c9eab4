package org.praxis.accountability;

import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.COMMITMENT;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.praxis.member.Members;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchOutbox;
import org.praxis.search.SearchReader;
import org.praxis.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Commitments with their check-ins' notes for search, by their {@link Sharing}: a private one is
 * found by its author alone, one shared with facilitators by its author and the cohort's
 * facilitators, one shared with the cohort by everyone in it.
 */
@Component
class CommitmentSearch implements SearchSource {

    private final DSLContext db;

    CommitmentSearch(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.COMMITMENT);
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        Map<Long, StringBuilder> notes = new HashMap<>();
        db.select(CHECK_IN.COMMITMENT_ID, CHECK_IN.NOTE, CHECK_IN.IN_THE_WAY).from(CHECK_IN)
                .where(CHECK_IN.COMMITMENT_ID.in(ids)).orderBy(CHECK_IN.ID)
                .forEach(r -> {
                    StringBuilder text = notes.computeIfAbsent(r.value1(), k -> new StringBuilder());
                    for (String part : new String[] {r.value2(), r.value3()}) {
                        if (part != null) {
                            text.append('\n').append(part);
                        }
                    }
                });
        var author = Members.displayName(COMMITMENT.MEMBER_ID);
        return db.select(COMMITMENT.ID, COMMITMENT.COHORT_ID, COMMITMENT.SESSION_ID, COMMITMENT.WHAT, COMMITMENT.DONE_WHEN,
                        COMMITMENT.VISIBILITY, COMMITMENT.MEMBER_ID, author, COMMITMENT.UPDATED_AT)
                .from(COMMITMENT).where(COMMITMENT.ID.in(ids))
                .fetch(r -> {
                    String what = r.value4();
                    return SearchDocument.of(type, r.value1(), r.value2()).session(r.value3())
                            .path("commitments/" + r.value1())
                            .title(what.length() > 120 ? what.substring(0, 120) + "…" : what)
                            .body(what + (r.value5() == null ? "" : "\n" + r.value5())
                                    + notes.getOrDefault(r.value1(), new StringBuilder()))
                            .author(r.value7(), r.value8()).owner(r.value7()).created(r.value9().toInstant())
                            .mark(mark(Sharing.valueOf(r.value6())));
                });
    }

    static String mark(Sharing sharing) {
        return sharing.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        return db.select(COMMITMENT.ID).from(COMMITMENT).where(COMMITMENT.ID.gt(after)).orderBy(COMMITMENT.ID)
                .limit(limit).fetch(COMMITMENT.ID);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(COMMITMENT);
    }

    @Override
    public Query readRule(SearchReader reader) {
        return SearchReader.allOf(reader.inTheirCohorts(), SearchReader.anyOf(reader.theirs(),
                SearchReader.marked(mark(Sharing.COHORT)),
                SearchReader.allOf(SearchReader.marked(mark(Sharing.FACILITATORS)), reader.inCohortsTheyFacilitate())));
    }
}
