package org.praxis.search;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One findable thing as a {@link SearchSource} describes it, in search's terms: what it is and
 * where it opens, its words, who wrote it (a name only where peers may see it), when, and what
 * its source's read rule asks of it (marks, its owner, others it is addressed to). Search turns it
 * into the index's fields; the feature never names one.
 */
public final class SearchDocument {

    private final SearchOutbox.Type type;
    private final long id;
    private final long cohortId;
    private Long sessionId;
    private String path = "";
    private String title = "";
    private String body = "";
    private final Map<String, String> sections = new LinkedHashMap<>();
    private Long authorId;
    private String authorName;
    private Instant created = Instant.EPOCH;
    private Long ownerId;
    private final Set<Long> readers = new LinkedHashSet<>();
    private final Set<String> marks = new LinkedHashSet<>();
    private final Set<Long> named = new LinkedHashSet<>();

    private SearchDocument(SearchOutbox.Type type, long id, long cohortId) {
        this.type = Objects.requireNonNull(type);
        this.id = id;
        this.cohortId = cohortId;
    }

    /** A document of that type and id, in that cohort (the cohort is every read rule's first word). */
    public static SearchDocument of(SearchOutbox.Type type, long id, long cohortId) {
        return new SearchDocument(type, id, cohortId);
    }

    /** Where it opens, relative to the app's root ({@code threads/4?post=9}). */
    public SearchDocument path(String value) {
        path = value == null ? "" : value;
        return this;
    }

    public SearchDocument title(String value) {
        title = value == null ? "" : value;
        return this;
    }

    public SearchDocument body(String value) {
        body = value == null ? "" : value;
        return this;
    }

    /** A part of the body also searchable on its own; the key names it in {@link SearchHit#section()}. */
    public SearchDocument section(String key, String text) {
        sections.put(key, text);
        return this;
    }

    /** The session it belongs to, a filter and facet; none when null. */
    public SearchDocument session(Long value) {
        sessionId = value;
        return this;
    }

    /**
     * Who wrote it, findable by {@code author:} and as a filter and facet. A null name (hidden from
     * peers, or no author) indexes neither the name nor the id.
     */
    public SearchDocument author(Long memberId, String name) {
        authorId = memberId;
        authorName = memberId == null ? null : name;
        return this;
    }

    public SearchDocument created(Instant value) {
        created = value == null ? Instant.EPOCH : value;
        return this;
    }

    /** Whose it is, for the read rule's {@link SearchReader#theirs()}; never shown, never askable. */
    public SearchDocument owner(Long memberId) {
        ownerId = memberId;
        return this;
    }

    /** Someone else it is addressed to, for the read rule's {@link SearchReader#addressedToThem()}. */
    public SearchDocument readableBy(Long memberId) {
        if (memberId != null) {
            readers.add(memberId);
        }
        return this;
    }

    /**
     * Someone whose current name the words show (a mention): when they are renamed, the document
     * is indexed again with {@link SearchOutbox#everythingBy}, as their own writing is. Never
     * askable, never shown.
     */
    public SearchDocument names(Long memberId) {
        if (memberId != null) {
            named.add(memberId);
        }
        return this;
    }

    Set<Long> named() {
        return Collections.unmodifiableSet(named);
    }

    /** A word of the source's read rule ({@link SearchReader#marked}), e.g. "open" or "private". */
    public SearchDocument mark(String value) {
        marks.add(value);
        return this;
    }

    /** The words of sanitised HTML, for a body. */
    public static String textOf(String sanitizedHtml) {
        return sanitizedHtml == null ? "" : org.jsoup.Jsoup.parseBodyFragment(sanitizedHtml).text();
    }

    public SearchOutbox.Type type() {
        return type;
    }

    public long id() {
        return id;
    }

    long cohortId() {
        return cohortId;
    }

    Long sessionId() {
        return sessionId;
    }

    String path() {
        return path;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    Map<String, String> sections() {
        return Collections.unmodifiableMap(sections);
    }

    Long authorId() {
        return authorId;
    }

    String authorName() {
        return authorName;
    }

    Instant created() {
        return created;
    }

    Long ownerId() {
        return ownerId;
    }

    Set<Long> readers() {
        return Collections.unmodifiableSet(readers);
    }

    Set<String> marks() {
        return Collections.unmodifiableSet(marks);
    }
}
