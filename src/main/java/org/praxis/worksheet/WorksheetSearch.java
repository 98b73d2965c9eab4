package org.praxis.worksheet;

import static org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.jooq.JSONB;
import org.jooq.DSLContext;
import org.praxis.member.Members;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchOutbox;
import org.praxis.search.SearchReader;
import org.praxis.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Worksheet responses for search, by their {@link Visibility}: a private one is found by its
 * author alone, one shared with facilitators by its author and the cohort's facilitators, one
 * shared with the cohort by everyone in it.
 */
@Component
class WorksheetSearch implements SearchSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;

    WorksheetSearch(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.RESPONSE);
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        var author = Members.displayName(WORKSHEET_RESPONSE.MEMBER_ID);
        return db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_ASSIGNMENT.COHORT_ID, WORKSHEET_ASSIGNMENT.SESSION_ID,
                        WORKSHEET_TEMPLATE_VERSION.TITLE, WORKSHEET_RESPONSE.ANSWERS, WORKSHEET_RESPONSE.VISIBILITY,
                        WORKSHEET_RESPONSE.MEMBER_ID, author, WORKSHEET_RESPONSE.UPDATED_AT)
                .from(WORKSHEET_RESPONSE)
                .join(WORKSHEET_ASSIGNMENT).on(WORKSHEET_ASSIGNMENT.ID.eq(WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                .join(WORKSHEET_TEMPLATE_VERSION).on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                .where(WORKSHEET_RESPONSE.ID.in(ids))
                .fetch(r -> SearchDocument.of(type, r.value1(), r.value2()).session(r.value3())
                        .path("worksheets/responses/" + r.value1()).title(r.value4()).body(answerWords(r.value5()))
                        .author(r.value7(), r.value8()).owner(r.value7()).created(r.value9().toInstant())
                        .mark(mark(Visibility.valueOf(r.value6()))));
    }

    static String mark(Visibility visibility) {
        return visibility.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The words of every answer of a worksheet response (texts, choices, pairs and table cells). */
    private static String answerWords(JSONB answers) {
        StringBuilder out = new StringBuilder();
        try {
            JSON.readTree(answers.data()).forEach(answer -> collect(answer, out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(out.isEmpty() ? "" : "\n").append(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
        }
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        return db.select(WORKSHEET_RESPONSE.ID).from(WORKSHEET_RESPONSE).where(WORKSHEET_RESPONSE.ID.gt(after))
                .orderBy(WORKSHEET_RESPONSE.ID).limit(limit).fetch(WORKSHEET_RESPONSE.ID);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(WORKSHEET_RESPONSE);
    }

    @Override
    public Query readRule(SearchReader reader) {
        return SearchReader.allOf(reader.inTheirCohorts(), SearchReader.anyOf(reader.theirs(),
                SearchReader.marked(mark(Visibility.COHORT)),
                SearchReader.allOf(SearchReader.marked(mark(Visibility.FACILITATORS)), reader.inCohortsTheyFacilitate())));
    }
}
