package org.praxis.analysis;

import static org.praxis.jooq.Tables.ANALYSIS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.praxis.base.text.Markdown;
import org.praxis.member.Members;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchOutbox;
import org.praxis.search.SearchReader;
import org.praxis.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Shared policy analyses for search (drafts are never found), each section also on its own so a
 * result says which one matched. Read in their cohort, and, once published, by everyone who
 * belongs to a cohort.
 */
@Component
class AnalysisSearch implements SearchSource {

    private static final String PUBLISHED = "published";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext db;
    private final Markdown markdown;

    AnalysisSearch(DSLContext db, Markdown markdown) {
        this.db = db;
        this.markdown = markdown;
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.ANALYSIS);
    }

    @Override
    public List<String> sections() {
        return Arrays.stream(Section.values()).map(Section::key).toList();
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        var author = Members.displayName(ANALYSIS.CREATED_BY);
        return db.select(ANALYSIS.ID, ANALYSIS.COHORT_ID, ANALYSIS.TITLE, ANALYSIS.SECTIONS, ANALYSIS.PUBLISHED,
                        ANALYSIS.CREATED_BY, author, ANALYSIS.SHARED_AT)
                .from(ANALYSIS).where(ANALYSIS.ID.in(ids)).and(ANALYSIS.STATUS.ne(AnalysisStatus.DRAFT.name()))
                .fetch(r -> {
                    Map<String, String> sections = sectionTexts(r.value4());
                    SearchDocument d = SearchDocument.of(type, r.value1(), r.value2()).path("analyses/" + r.value1())
                            .title(r.value3()).body(String.join("\n\n", sections.values()))
                            .author(r.value6(), r.value7()).owner(r.value6()).created(r.value8().toInstant());
                    sections.forEach(d::section);
                    if (r.value5()) {
                        d.mark(PUBLISHED);
                    }
                    return d;
                });
    }

    /** Each written section's words (Markdown rendered and stripped), in the sections' order. */
    private Map<String, String> sectionTexts(JSONB sections) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode tree = JSON.readTree(sections.data());
            for (Section section : Section.values()) {
                String markdownText = tree.path(section.key()).asText("");
                if (!markdownText.isBlank()) {
                    out.put(section.key(), SearchDocument.textOf(markdown.toSafeHtml(markdownText)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        return db.select(ANALYSIS.ID).from(ANALYSIS).where(ANALYSIS.ID.gt(after)).orderBy(ANALYSIS.ID).limit(limit)
                .fetch(ANALYSIS.ID);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(ANALYSIS);
    }

    @Override
    public Query readRule(SearchReader reader) {
        // published to every cohort: for everyone who belongs to one
        return SearchReader.anyOf(reader.inTheirCohorts(),
                reader.cohorts().isEmpty() ? new MatchNoDocsQuery() : SearchReader.marked(PUBLISHED));
    }
}
