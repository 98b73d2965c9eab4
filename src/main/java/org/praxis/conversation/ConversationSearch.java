package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.praxis.jooq.tables.Post;
import org.praxis.member.Members;
import org.praxis.search.SearchDocument;
import org.praxis.search.SearchOutbox;
import org.praxis.search.SearchReader;
import org.praxis.search.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Threads and posts for search. A removed or hidden post has no document. The read rule is
 * {@link Posts}' as a Lucene clause: the cohort's members read what is open, and a
 * facilitators-only post its facilitators, its author, and the author of the facilitators-only
 * post it answers.
 */
@Component
class ConversationSearch implements SearchSource {

    private final DSLContext db;
    private final MentionNames mentionNames;

    ConversationSearch(DSLContext db, MentionNames mentionNames) {
        this.db = db;
        this.mentionNames = mentionNames;
    }

    @Override
    public Set<SearchOutbox.Type> types() {
        return Set.of(SearchOutbox.Type.THREAD, SearchOutbox.Type.POST);
    }

    @Override
    public List<SearchDocument> load(SearchOutbox.Type type, Collection<Long> ids) {
        return type == SearchOutbox.Type.POST ? posts(ids) : threads(ids);
    }

    private List<SearchDocument> posts(Collection<Long> ids) {
        Post parent = POST.as("parent");
        var author = Members.displayName(POST.AUTHOR_ID);
        var rows = db.select(POST.ID, POST.THREAD_ID, THREAD.COHORT_ID, THREAD.TITLE, POST.BODY_HTML, POST.FACILITATORS_ONLY,
                        POST.AUTHOR_ID, POST.NAME_HIDDEN, author, POST.CREATED_AT, THREAD.SESSION_ID, parent.AUTHOR_ID,
                        parent.FACILITATORS_ONLY, POST.BODY_MARKDOWN)
                .from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .leftJoin(parent).on(parent.ID.eq(POST.PARENT_ID))
                .where(POST.ID.in(ids)).and(POST.DELETED_AT.isNull()).and(POST.HIDDEN_AT.isNull())
                .fetch();
        // a mention is found by the person's current name, as the thread shows it
        Map<Long, Set<Long>> mentionedByCohort = new HashMap<>();
        rows.forEach(r -> mentionedByCohort.computeIfAbsent(r.get(THREAD.COHORT_ID), c -> new HashSet<>())
                .addAll(Mentions.ids(r.get(POST.BODY_MARKDOWN))));
        Map<Long, LongFunction<String>> names = new HashMap<>();
        mentionedByCohort.forEach((cohort, mentioned) -> names.put(cohort, mentionNames.shown(cohort, mentioned)));
        return rows.map(r -> {
                    boolean facilitatorsOnly = r.get(POST.FACILITATORS_ONLY);
                    boolean named = !r.get(POST.NAME_HIDDEN);
                    SearchDocument d = SearchDocument.of(SearchOutbox.Type.POST, r.get(POST.ID), r.get(THREAD.COHORT_ID))
                            .path("threads/" + r.get(POST.THREAD_ID) + "?post=" + r.get(POST.ID))
                            .title(r.get(THREAD.TITLE))
                            .body(SearchDocument.textOf(Mentions.html(r.get(POST.BODY_HTML), names.get(r.get(THREAD.COHORT_ID)))))
                            .session(r.get(THREAD.SESSION_ID))
                            .author(r.get(POST.AUTHOR_ID), named ? r.get(author) : null)
                            .created(r.get(POST.CREATED_AT).toInstant())
                            .mark(facilitatorsOnly ? Posts.FACILITATORS_ONLY : Posts.OPEN);
                    // a hidden name that peers read anyway needs no owner rule, so it gets no trace of its author
                    if (named || facilitatorsOnly) {
                        d.owner(r.get(POST.AUTHOR_ID));
                    }
                    if (facilitatorsOnly && Boolean.TRUE.equals(r.get(parent.FACILITATORS_ONLY))) {
                        d.readableBy(r.get(parent.AUTHOR_ID));
                    }
                    Mentions.ids(r.get(POST.BODY_MARKDOWN)).forEach(d::names);
                    return d;
                });
    }

    private List<SearchDocument> threads(Collection<Long> ids) {
        var author = Members.displayName(THREAD.CREATED_BY);
        return db.select(THREAD.ID, THREAD.COHORT_ID, THREAD.TITLE, THREAD.CONTENT_NOTE, THREAD.CREATED_AT,
                        THREAD.SESSION_ID, THREAD.CREATED_BY, author)
                .from(THREAD).where(THREAD.ID.in(ids))
                .fetch(r -> SearchDocument.of(SearchOutbox.Type.THREAD, r.get(THREAD.ID), r.get(THREAD.COHORT_ID))
                        .path("threads/" + r.get(THREAD.ID)).title(r.get(THREAD.TITLE)).body(r.get(THREAD.CONTENT_NOTE))
                        .session(r.get(THREAD.SESSION_ID))
                        .author(r.get(THREAD.CREATED_BY), r.get(author)).owner(r.get(THREAD.CREATED_BY))
                        .created(r.get(THREAD.CREATED_AT).toInstant())
                        .mark(Posts.OPEN));
    }

    @Override
    public List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        var id = type == SearchOutbox.Type.POST ? POST.ID : THREAD.ID;
        return db.select(id).from(type == SearchOutbox.Type.POST ? POST : THREAD).where(id.gt(after)).orderBy(id)
                .limit(limit).fetch(id);
    }

    @Override
    public long count(SearchOutbox.Type type) {
        return db.fetchCount(type == SearchOutbox.Type.POST ? POST : THREAD);
    }

    @Override
    public Query readRule(SearchReader reader) {
        return SearchReader.allOf(reader.inTheirCohorts(), SearchReader.anyOf(SearchReader.marked(Posts.OPEN),
                reader.inCohortsTheyFacilitate(), reader.theirs(), reader.addressedToThem()));
    }
}
