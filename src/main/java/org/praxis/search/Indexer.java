package org.praxis.search;

import static org.praxis.jooq.Tables.SEARCH_OUTBOX;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one writer of the index. Reads outbox rows past its checkpoint (only committed rows are
 * visible to it, so a rolled-back write never reaches the index), re-reads the current rows in
 * batches, updates or deletes their documents, and refreshes the near-real-time searcher. Runs
 * on a short schedule; commits to disk, with the checkpoint, on a longer one.
 */
@Component
public class Indexer {

    private static final int BATCH = 500;
    private static final long GAP_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final DSLContext db;
    private final SearchIndex index;
    private final SearchDocuments documents;
    private final SearchProperties properties;
    private final Clock clock;
    private long seen;
    private long lastCommitMillis;

    Indexer(DSLContext db, SearchIndex index, SearchDocuments documents, SearchProperties properties, Clock clock) {
        this.db = db;
        this.index = index;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
        this.seen = index.checkpoint();
        this.lastCommitMillis = clock.millis();
    }

    @Scheduled(fixedDelayString = "${praxis.search.poll:250ms}")
    synchronized void poll() {
        try {
            catchUp();
            if (clock.millis() - lastCommitMillis >= properties.commitEvery().toMillis() && seen > index.checkpoint()) {
                index.commit(seen);
                lastCommitMillis = clock.millis();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Indexing failed; will retry", e);
        }
    }

    /**
     * Throws the index away and reads the whole outbox again; searches keep working meanwhile
     * and fill up as the indexer catches up (progress in {@link #status()} and the log).
     */
    public synchronized void rebuild() throws IOException {
        index.writer().deleteAll();
        seen = 0;
        index.commit(0);
        index.searchers().maybeRefreshBlocking();
        log.info("Search index rebuild started");
    }

    public IndexStatus status() throws IOException {
        Long written = db.select(org.jooq.impl.DSL.max(SEARCH_OUTBOX.ID)).from(SEARCH_OUTBOX).fetchOne(0, Long.class);
        long total = written == null ? 0 : written;
        long read;
        synchronized (this) {
            read = Math.min(seen, total);
        }
        var searcher = index.searchers().acquire();
        try {
            int documents = searcher.getIndexReader().numDocs();
            int percent = total == 0 ? 100 : (int) Math.min(100, read * 100 / total);
            return new IndexStatus(read, total, documents, percent);
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * How far the checkpoint may move. Ids are handed out when rows are written but become
     * visible when their transactions commit, so a lower id can appear after a higher one. The
     * checkpoint stops before a gap whose next row is recent, and the rows after it are read
     * (again, harmlessly) until the gap fills or is old enough to be a rolled-back write.
     */
    private long safeCheckpoint(org.jooq.Result<org.jooq.Record4<Long, String, Long, java.time.OffsetDateTime>> rows) {
        long checkpoint = seen;
        java.time.OffsetDateTime settled = java.time.OffsetDateTime.now(clock).minusSeconds(GAP_SECONDS);
        for (var r : rows) {
            if (r.value1() != checkpoint + 1 && r.value4().isAfter(settled)) {
                return checkpoint;
            }
            checkpoint = r.value1();
        }
        return checkpoint;
    }

    /** Indexes everything in the outbox up to now and makes it searchable; returns how many rows it read. */
    public synchronized int catchUp() throws IOException {
        int total = 0;
        while (true) {
            var rows = db.select(SEARCH_OUTBOX.ID, SEARCH_OUTBOX.ENTITY_TYPE, SEARCH_OUTBOX.ENTITY_ID,
                            SEARCH_OUTBOX.CREATED_AT)
                    .from(SEARCH_OUTBOX).where(SEARCH_OUTBOX.ID.gt(seen)).orderBy(SEARCH_OUTBOX.ID).limit(BATCH)
                    .fetch();
            if (rows.isEmpty()) {
                break;
            }
            Map<SearchOutbox.Type, Set<Long>> byType = new EnumMap<>(SearchOutbox.Type.class);
            for (var r : rows) {
                SearchOutbox.Type type;
                try {
                    type = SearchOutbox.Type.valueOf(r.value2());
                } catch (IllegalArgumentException unknown) {
                    continue; // written by a newer version of Praxis
                }
                byType.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(r.value3());
            }
            for (var entry : byType.entrySet()) {
                Map<String, Document> docs = documents.load(entry.getKey(), new ArrayList<>(entry.getValue()));
                for (long id : entry.getValue()) {
                    String key = SearchDocuments.key(entry.getKey(), id);
                    Document doc = docs.get(key);
                    if (doc == null) {
                        index.writer().deleteDocuments(new Term(SearchDocuments.KEY, key));
                    } else {
                        index.writer().updateDocument(new Term(SearchDocuments.KEY, key), doc);
                    }
                }
            }
            long next = safeCheckpoint(rows);
            total += rows.size();
            if (next == seen) {
                break; // a gap that may still fill: look again on the next poll
            }
            seen = next;
        }
        if (total > 0) {
            index.searchers().maybeRefreshBlocking();
            log.debug("Indexed {} outbox rows, now at {}", total, seen);
        }
        return total;
    }

}
