package org.praxis.search;

import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.THREAD;
import static org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.jooq.DSLContext;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * Turns current rows into Lucene documents, in one query per type and batch. A row that no
 * longer exists or must not be found (a removed or hidden post) yields no document, and the
 * indexer deletes it. Adding a searchable type means one more loader here.
 */
@Component
class SearchDocuments {

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String COHORT = "cohort";
    static final String FACILITATORS_ONLY = "facilitatorsOnly";
    /**
     * Whose it is, for the access rule alone: a keyed token ({@link OwnerTokens}), never a member
     * id. Absent from a post whose name is hidden and which peers may read anyway, so such a
     * document holds nothing that belongs to its author.
     */
    static final String OWNER = "owner";
    static final String AUTHOR_NAME = "authorName";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String PATH = "path";
    static final String CREATED = "created";
    static final String SESSION_ID = "session";
    /** The author as a filter and facet; absent when the name is hidden from peers. */
    static final String BY = "by";
    /**
     * Policy analyses also index each section in a field of its own ({@code section_<key>}, the
     * keys of the analysis's stored sections), so a result can say which section matched.
     */
    static final List<String> SECTIONS = List.of("purpose", "burden", "sameness", "causes", "voices", "changes",
            "measures");
    static final String SECTION_PREFIX = "section_";

    /** "1" on what its author alone may find (a private worksheet response). */
    static final String OWNER_ONLY = "ownerOnly";

    /** "1" on what was published to every cohort. */
    static final String PUBLISHED = "published";

    /** Body text: positions and offsets in the postings, so highlighting needs no second analysis. */
    private static final org.apache.lucene.document.FieldType BODY_TYPE = new org.apache.lucene.document.FieldType(
            TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private final DSLContext db;
    private final org.praxis.base.text.Markdown markdown;
    private final OwnerTokens owners;

    SearchDocuments(DSLContext db, org.praxis.base.text.Markdown markdown, OwnerTokens owners) {
        this.db = db;
        this.markdown = markdown;
        this.owners = owners;
    }

    static String key(SearchOutbox.Type type, long id) {
        return type.name() + ":" + id;
    }

    /** Documents for those ids that should be in the index, by key. */
    Map<String, Document> load(SearchOutbox.Type type, Collection<Long> ids) {
        Map<String, Document> docs = new HashMap<>();
        switch (type) {
            case POST -> db.select(POST.ID, POST.THREAD_ID, THREAD.COHORT_ID, THREAD.TITLE, POST.BODY_HTML,
                            POST.FACILITATORS_ONLY, POST.AUTHOR_ID, POST.NAME_HIDDEN, MEMBER.DISPLAY_NAME, POST.CREATED_AT,
                            THREAD.SESSION_ID)
                    .from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID)).join(MEMBER).on(MEMBER.ID.eq(POST.AUTHOR_ID))
                    .where(POST.ID.in(ids)).and(POST.DELETED_AT.isNull()).and(POST.HIDDEN_AT.isNull())
                    .forEach(r -> docs.put(key(type, r.value1()), doc(type, r.value1(), r.value3(), r.value11(),
                            "threads/" + r.value2() + "?post=" + r.value1(), r.value4(), text(r.value5()), r.value6(),
                            r.value7(), r.value8() ? null : r.value9(), r.value10().toInstant().toEpochMilli())));
            case THREAD -> db.select(THREAD.ID, THREAD.COHORT_ID, THREAD.TITLE, THREAD.CONTENT_NOTE, THREAD.CREATED_AT,
                            THREAD.SESSION_ID, THREAD.CREATED_BY, MEMBER.DISPLAY_NAME)
                    .from(THREAD).leftJoin(MEMBER).on(MEMBER.ID.eq(THREAD.CREATED_BY)).where(THREAD.ID.in(ids))
                    .forEach(r -> docs.put(key(type, r.value1()), doc(type, r.value1(), r.value2(), r.value6(),
                            "threads/" + r.value1(), r.value3(), r.value4() == null ? "" : r.value4(), false, r.value7(),
                            r.value8(), r.value5().toInstant().toEpochMilli())));
            case SESSION -> db.select(SESSION.ID, SESSION.COHORT_ID, SESSION.TITLE, SESSION.THEME, SESSION.DESCRIPTION_HTML,
                            SESSION.STARTS_AT)
                    .from(SESSION).where(SESSION.ID.in(ids))
                    .forEach(r -> docs.put(key(type, r.value1()), doc(type, r.value1(), r.value2(), r.value1(),
                            "sessions/" + r.value1(), r.value3(),
                            (r.value4() == null ? "" : r.value4() + " ") + text(r.value5()), false, null, null,
                            r.value6().toInstant().toEpochMilli())));
            case PROMPT -> db.select(PROMPT.ID, SESSION.COHORT_ID, SESSION.ID, SESSION.TITLE, PROMPT.QUESTION, PROMPT.CREATED_AT)
                    .from(PROMPT).join(SESSION).on(SESSION.ID.eq(PROMPT.SESSION_ID)).where(PROMPT.ID.in(ids))
                    .forEach(r -> docs.put(key(type, r.value1()), doc(type, r.value1(), r.value2(), r.value3(),
                            "sessions/" + r.value3(), r.value4(), r.value5(), false, null, null, r.value6().toInstant().toEpochMilli())));
            case ANALYSIS -> db.select(ANALYSIS.ID, ANALYSIS.COHORT_ID, ANALYSIS.TITLE, ANALYSIS.SECTIONS, ANALYSIS.PUBLISHED,
                            ANALYSIS.CREATED_BY, MEMBER.DISPLAY_NAME, ANALYSIS.SHARED_AT)
                    .from(ANALYSIS).leftJoin(MEMBER).on(MEMBER.ID.eq(ANALYSIS.CREATED_BY))
                    .where(ANALYSIS.ID.in(ids)).and(ANALYSIS.STATUS.ne("DRAFT"))
                    .forEach(r -> {
                        Map<String, String> sections = sectionTexts(r.value4());
                        Document d = doc(type, r.value1(), r.value2(), null, "analyses/" + r.value1(), r.value3(),
                                String.join("\n\n", sections.values()), false, r.value6(), r.value7(),
                                r.value8().toInstant().toEpochMilli());
                        if (r.value5()) {
                            d.add(new StringField(PUBLISHED, "1", Field.Store.NO));
                        }
                        sections.forEach((key, text) -> d.add(new Field(SECTION_PREFIX + key, text, BODY_TYPE)));
                        docs.put(key(type, r.value1()), d);
                    });
            case RESPONSE -> db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_ASSIGNMENT.COHORT_ID, WORKSHEET_ASSIGNMENT.SESSION_ID,
                            WORKSHEET_TEMPLATE_VERSION.TITLE, WORKSHEET_RESPONSE.ANSWERS, WORKSHEET_RESPONSE.VISIBILITY,
                            WORKSHEET_RESPONSE.MEMBER_ID, MEMBER.DISPLAY_NAME, WORKSHEET_RESPONSE.UPDATED_AT)
                    .from(WORKSHEET_RESPONSE)
                    .join(WORKSHEET_ASSIGNMENT).on(WORKSHEET_ASSIGNMENT.ID.eq(WORKSHEET_RESPONSE.ASSIGNMENT_ID))
                    .join(WORKSHEET_TEMPLATE_VERSION).on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                    .join(MEMBER).on(MEMBER.ID.eq(WORKSHEET_RESPONSE.MEMBER_ID))
                    .where(WORKSHEET_RESPONSE.ID.in(ids))
                    .forEach(r -> {
                        // private: its author alone; shared with facilitators: like a facilitators-only post
                        boolean ownerOnly = "PRIVATE".equals(r.value6());
                        Document d = doc(type, r.value1(), r.value2(), r.value3(), "worksheets/responses/" + r.value1(),
                                r.value4(), answerWords(r.value5()), ownerOnly || "FACILITATORS".equals(r.value6()),
                                r.value7(), r.value8(), r.value9().toInstant().toEpochMilli());
                        if (ownerOnly) {
                            d.add(new StringField(OWNER_ONLY, "1", Field.Store.NO));
                        }
                        docs.put(key(type, r.value1()), d);
                    });
            case COMMITMENT -> {
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
                db.select(COMMITMENT.ID, COMMITMENT.COHORT_ID, COMMITMENT.SESSION_ID, COMMITMENT.WHAT, COMMITMENT.DONE_WHEN,
                                COMMITMENT.VISIBILITY, COMMITMENT.MEMBER_ID, MEMBER.DISPLAY_NAME, COMMITMENT.UPDATED_AT)
                        .from(COMMITMENT).join(MEMBER).on(MEMBER.ID.eq(COMMITMENT.MEMBER_ID))
                        .where(COMMITMENT.ID.in(ids))
                        .forEach(r -> {
                            boolean ownerOnly = "PRIVATE".equals(r.value6());
                            String what = r.value4();
                            Document d = doc(type, r.value1(), r.value2(), r.value3(), "commitments/" + r.value1(),
                                    what.length() > 120 ? what.substring(0, 120) + "…" : what,
                                    what + (r.value5() == null ? "" : "\n" + r.value5())
                                            + notes.getOrDefault(r.value1(), new StringBuilder()),
                                    ownerOnly || "FACILITATORS".equals(r.value6()), r.value7(), r.value8(),
                                    r.value9().toInstant().toEpochMilli());
                            if (ownerOnly) {
                                d.add(new StringField(OWNER_ONLY, "1", Field.Store.NO));
                            }
                            docs.put(key(type, r.value1()), d);
                        });
            }
        }
        return docs;
    }

    /**
     * Each written section's words (Markdown rendered and stripped), in the order of
     * {@link #SECTIONS}: the body is all of them, and each is also a field of its own.
     */
    private Map<String, String> sectionTexts(org.jooq.JSONB sections) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try {
            var tree = JSON.readTree(sections.data());
            for (String key : SECTIONS) {
                String markdownText = tree.path(key).asText("");
                if (!markdownText.isBlank()) {
                    out.put(key, text(markdown.toSafeHtml(markdownText)));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The words of every answer of a worksheet response (texts, choices, pairs and table cells). */
    private static String answerWords(org.jooq.JSONB answers) {
        StringBuilder out = new StringBuilder();
        try {
            JSON.readTree(answers.data()).forEach(answer -> collect(answer, out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(out.isEmpty() ? "" : "\n").append(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The table each type is read from, for rebuilding the index from scratch. */
    private static org.jooq.Table<?> table(SearchOutbox.Type type) {
        return switch (type) {
            case POST -> POST;
            case THREAD -> THREAD;
            case SESSION -> SESSION;
            case PROMPT -> PROMPT;
            case ANALYSIS -> ANALYSIS;
            case RESPONSE -> WORKSHEET_RESPONSE;
            case COMMITMENT -> COMMITMENT;
        };
    }

    @SuppressWarnings("unchecked")
    private static org.jooq.Field<Long> id(SearchOutbox.Type type) {
        return (org.jooq.Field<Long>) table(type).field("id");
    }

    /** Up to {@code limit} ids of this type after {@code after}, in order: one rebuild batch. */
    java.util.List<Long> idsAfter(SearchOutbox.Type type, long after, int limit) {
        org.jooq.Field<Long> id = id(type);
        return db.select(id).from(table(type)).where(id.gt(after)).orderBy(id).limit(limit).fetch(id);
    }

    /** How many rows of this type there are (some may yield no document): a rebuild's total. */
    long count(SearchOutbox.Type type) {
        return db.fetchCount(table(type));
    }

    private static String text(String sanitizedHtml) {
        return sanitizedHtml == null ? "" : Jsoup.parseBodyFragment(sanitizedHtml).text();
    }

    private Document doc(SearchOutbox.Type type, long id, long cohortId, Long sessionId, String path, String title,
            String body, boolean facilitatorsOnly, Long authorId, String authorName, long createdMillis) {
        Document d = new Document();
        d.add(new StringField(KEY, key(type, id), Field.Store.YES));
        keyword(d, TYPE, type.name().toLowerCase(java.util.Locale.ROOT), true);
        keyword(d, COHORT, String.valueOf(cohortId), true);
        if (sessionId != null) {
            keyword(d, SESSION_ID, String.valueOf(sessionId), true);
        }
        d.add(new StringField(FACILITATORS_ONLY, facilitatorsOnly ? "1" : "0", Field.Store.NO));
        // a hidden name that peers read anyway needs no owner rule, so it gets no trace of its author
        if (authorId != null && (authorName != null || facilitatorsOnly)) {
            d.add(new StringField(OWNER, owners.of(authorId), Field.Store.NO));
        }
        // a name hidden from peers is never indexed, so nobody finds, filters or counts a post by it
        if (authorName != null && authorId != null) {
            d.add(new TextField(AUTHOR_NAME, authorName, Field.Store.NO));
            keyword(d, BY, String.valueOf(authorId), true);
        }
        d.add(new TextField(TITLE, title == null ? "" : title, Field.Store.YES));
        d.add(new Field(BODY, body == null ? "" : body, BODY_TYPE));
        d.add(new StoredField(PATH, path));
        d.add(new LongPoint(CREATED, createdMillis));
        d.add(new org.apache.lucene.document.NumericDocValuesField(CREATED, createdMillis));
        d.add(new StoredField(CREATED, createdMillis));
        return d;
    }

    /** An exact term to filter on, stored to show, and with doc values to count it as a facet. */
    private static void keyword(Document d, String field, String value, boolean facet) {
        d.add(new StringField(field, value, Field.Store.YES));
        if (facet) {
            d.add(new org.apache.lucene.document.SortedDocValuesField(field, new org.apache.lucene.util.BytesRef(value)));
        }
    }
}
