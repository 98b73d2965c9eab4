package org.praxis.practice;

import static org.praxis.jooq.Tables.PRACTICE_NOTE;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.text.Markdown;
import org.praxis.member.Members;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchOutbox;
import org.praxis.search.SearchReader;
import org.praxis.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Posted practice notes for search (drafts are never found), each written part also on its own
 * so a result says which one matched. The read rule is {@link PracticeNoteService#readableBy}'s:
 * a private note its author alone, a facilitators' one its author and the cohort's facilitators,
 * a cohort's one the cohort, and one published to the network every member of any cohort. A
 * network note whose author removed their name holds no trace of them: no name, no author id, no
 * owner token, no session — so no query, filter, facet or order from another cohort can tell it.
 */
@Component
class NoteSearch implements SearchSource {

    static final String PRIVATE = "note-private";
    static final String FACILITATORS = "note-facilitators";
    static final String COHORT = "note-cohort";
    static final String NETWORK = "note-network";

    private static final org.praxis.jooq.tables.PracticeNote N = PRACTICE_NOTE;

    private final DSLContext db;
    private final Markdown markdown;

    NoteSearch(DSLContext db, Markdown markdown) {
        this.db = db;
        this.markdown = markdown;
    }

    /** A note's part as a search section ({@code note-learned}); the hit's reason is named by it. */
    static String section(NoteField f) {
        return "note-" + f.key();
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.NOTE);
    }

    @Override
    public List<String> sections() {
        return Arrays.stream(NoteField.values()).map(NoteSearch::section).toList();
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        var author = Members.displayName(N.AUTHOR_ID);
        var network = DSL.field(PracticeNoteService.inNetwork());
        return db.select(N.asterisk(), author, network).from(N).where(N.ID.in(ids)).and(N.DRAFT.isFalse())
                .fetch(r -> {
                    boolean inNetwork = Boolean.TRUE.equals(r.get(network));
                    boolean anonymous = inNetwork && !r.get(N.KEEP_NAME);
                    SearchDocument d = SearchDocument.of(type, r.get(N.ID), r.get(N.COHORT_ID))
                            .path("notes/" + r.get(N.ID)).title(r.get(N.TITLE))
                            .created(r.get(N.POSTED_AT) == null ? null : r.get(N.POSTED_AT).toInstant());
                    StringBuilder body = new StringBuilder();
                    for (NoteField f : NoteField.values()) {
                        String md = r.get(PracticeNoteService.column(f));
                        if (md != null && !md.isBlank()) {
                            String words = SearchDocument.textOf(markdown.toSafeHtml(md));
                            d.section(section(f), words);
                            body.append(words).append("\n\n");
                        }
                    }
                    body.append(String.join(" ", r.get(N.TAGS)));
                    d.body(body.toString());
                    if (!anonymous) {
                        d.author(r.get(N.AUTHOR_ID), r.get(author)).owner(r.get(N.AUTHOR_ID)).session(r.get(N.SESSION_ID));
                    }
                    NoteVisibility v = NoteVisibility.valueOf(r.get(N.VISIBILITY));
                    d.mark(inNetwork ? NETWORK : switch (v) {
                        case PRIVATE -> PRIVATE;
                        case FACILITATORS -> FACILITATORS;
                        case COHORT, NETWORK -> COHORT;
                    });
                    return d;
                });
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        return db.select(N.ID).from(N).where(N.ID.gt(after)).orderBy(N.ID).limit(limit).fetch(N.ID);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(N);
    }

    @Override
    public Query readRule(SearchReader reader) {
        return SearchReader.anyOf(
                SearchReader.allOf(SearchReader.marked(PRIVATE), reader.theirs()),
                SearchReader.allOf(SearchReader.marked(FACILITATORS),
                        SearchReader.anyOf(reader.theirs(), reader.inCohortsTheyFacilitate())),
                SearchReader.allOf(SearchReader.marked(COHORT), reader.inTheirCohorts()),
                reader.cohorts().isEmpty() ? new MatchNoDocsQuery() : SearchReader.marked(NETWORK));
    }
}
