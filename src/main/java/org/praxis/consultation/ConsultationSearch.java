package org.praxis.consultation;

import static org.praxis.jooq.Tables.CONSULTATION;

import java.util.Collection;
import java.util.List;
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
 * Consultations' dilemmas for search: the title, the situation, what was tried and the question,
 * under the presenter's name, read by everyone in the cohort (as the page: {@link ConsultationService#read}).
 * Their posts are the thread's posts, found as posts.
 */
@Component
class ConsultationSearch implements SearchSource {

    private final DSLContext db;

    ConsultationSearch(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.CONSULTATION);
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        return db.select(CONSULTATION.ID, CONSULTATION.COHORT_ID, CONSULTATION.TITLE, CONSULTATION.SITUATION,
                        CONSULTATION.TRIED, CONSULTATION.QUESTION, CONSULTATION.PRESENTER_ID,
                        Members.displayName(CONSULTATION.PRESENTER_ID), CONSULTATION.SESSION_ID, CONSULTATION.CREATED_AT)
                .from(CONSULTATION).where(CONSULTATION.ID.in(ids))
                .fetch(r -> SearchDocument.of(type, r.value1(), r.value2())
                        .path(ConsultationService.path(r.value1()))
                        .title(r.value3())
                        .body(r.value4() + "\n" + r.value5() + "\n" + r.value6())
                        .author(r.value7(), r.value8())
                        .session(r.value9())
                        .created(r.value10().toInstant()));
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        return db.select(CONSULTATION.ID).from(CONSULTATION).where(CONSULTATION.ID.gt(after)).orderBy(CONSULTATION.ID)
                .limit(limit).fetch(CONSULTATION.ID);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(CONSULTATION);
    }

    @Override
    public Query readRule(SearchReader reader) {
        return reader.inTheirCohorts();
    }
}
