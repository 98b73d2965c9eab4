package org.praxis.search;

import static org.praxis.jooq.Tables.SEARCH_NODE;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX_PRUNED;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.jooq.DSLContext;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one writer of the index. Reads outbox rows past its checkpoint (only committed rows are
 * visible to it, so a rolled-back write never reaches the index), re-reads the current rows in
 * batches, updates or deletes their documents, and refreshes the near-real-time searcher. Runs
 * on a short schedule and whenever PostgreSQL says outbox rows committed; commits to disk, with
 * the checkpoint, on a longer one, and reports the checkpoint for {@link OutboxPruning}.
 *
 * <p>A rebuild reads every table in id order, a batch at a time, on its own thread, while the
 * outbox keeps being followed: both take a fair lock per batch, so a batch always writes what
 * the database holds at that moment, and new posts stay searchable within a second. The rebuild
 * position is committed with the index, so a crash resumes where it stopped.
 */
@Component
public class Indexer implements SmartLifecycle {

    private static final int BATCH = 500;
    private static final int REBUILD_BATCH = 1000;
    private static final long GAP_SECONDS = 10;
    private static final long HEARTBEAT_MILLIS = 60_000;
    private static final long REFRESH_MILLIS = 500;
    private static final long PROGRESS_LOG_MILLIS = 10_000;
    private static final SearchOutbox.Type[] TYPES = SearchOutbox.Type.values();
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final DSLContext db;
    private final SearchIndex index;
    private final SearchDocuments documents;
    private final SearchProperties properties;
    private final Clock clock;
    /** Fair, so the outbox and a rebuild take turns batch by batch. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private long seen;
    /** The highest outbox id whose change is in the index (rows past a gap are written before the checkpoint moves). */
    private long written;
    private long lastCommitMillis;
    private long lastHeartbeatMillis;
    private volatile Rebuild rebuild;
    private volatile boolean running;
    private Thread rebuildThread;

    /** How far a rebuild has read the tables: the type it is on and the last id done. */
    private static final class Rebuild {
        int type;
        long after;
        long done;
        final long total;
        final long startedMillis;
        long lastRefreshMillis;
        long lastLogMillis;

        Rebuild(int type, long after, long done, long total, long startedMillis) {
            this.type = type;
            this.after = after;
            this.done = done;
            this.total = total;
            this.startedMillis = startedMillis;
            this.lastLogMillis = startedMillis;
        }

        String position() {
            return type + ":" + after + ":" + done + ":" + total;
        }

        int percent() {
            return total == 0 ? 100 : (int) Math.min(99, done * 100 / total);
        }
    }

    Indexer(DSLContext db, SearchIndex index, SearchDocuments documents, SearchProperties properties, Clock clock) {
        this.db = db;
        this.index = index;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
        this.seen = index.checkpoint();
        this.lastCommitMillis = clock.millis();
        String position = index.rebuildPosition();
        if (position != null && !position.isEmpty()) {
            rebuild = resume(position);
            log.info("Resuming the search index rebuild at {}%", rebuild.percent());
        } else if (position != null || seen < prunedThrough()) {
            // a new index, or one that slept while outbox rows it never read were pruned
            startRebuild();
        }
    }

    private Rebuild resume(String position) {
        String[] parts = position.split(":");
        return new Rebuild(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), clock.millis());
    }

    private long prunedThrough() {
        Long through = db.select(SEARCH_OUTBOX_PRUNED.THROUGH).from(SEARCH_OUTBOX_PRUNED).fetchOne(SEARCH_OUTBOX_PRUNED.THROUGH);
        return through == null ? 0 : through;
    }

    @Scheduled(fixedDelayString = "${praxis.search.poll:250ms}")
    void poll() {
        try {
            catchUp();
            lock.lock();
            try {
                long now = clock.millis();
                if (now - lastCommitMillis >= properties.commitEvery().toMillis()) {
                    Rebuild current = rebuild;
                    if (seen > index.checkpoint() || current != null) {
                        index.commit(seen, current == null ? null : current.position());
                        heartbeat();
                    } else if (now - lastHeartbeatMillis >= HEARTBEAT_MILLIS) {
                        heartbeat();
                    }
                    lastCommitMillis = now;
                    if (current == null && seen < prunedThrough()) {
                        log.warn("Outbox rows this node had not read were pruned: rebuilding the search index");
                        startRebuild();
                    }
                }
            } finally {
                lock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Indexing failed; will retry", e);
        }
    }

    /** Tells the other nodes how far this one is, so outbox rows all nodes have read can go. */
    private void heartbeat() {
        db.insertInto(SEARCH_NODE).set(SEARCH_NODE.NODE_ID, index.node()).set(SEARCH_NODE.CHECKPOINT, index.checkpoint())
                .set(SEARCH_NODE.SEEN_AT, OffsetDateTime.now(clock))
                .onConflict(SEARCH_NODE.NODE_ID).doUpdate()
                .set(SEARCH_NODE.CHECKPOINT, index.checkpoint()).set(SEARCH_NODE.SEEN_AT, OffsetDateTime.now(clock))
                .execute();
        lastHeartbeatMillis = clock.millis();
    }

    /**
     * Throws the index away and reads every table again, in batches on a background thread;
     * searches keep working meanwhile and fill up as the rebuild goes (progress in
     * {@link #status()} and the log).
     */
    public void rebuild() throws IOException {
        lock.lock();
        try {
            startRebuild();
            index.commit(seen, rebuild.position());
            index.searchers().maybeRefreshBlocking();
        } finally {
            lock.unlock();
        }
    }

    private void startRebuild() {
        lock.lock();
        try {
            index.writer().deleteAll();
            // rows written from here on are read from the outbox; the last few seconds' rows are
            // read again (harmlessly) in case a transaction that wrote them had not yet committed
            Long settled = db.select(DSL.max(SEARCH_OUTBOX.ID)).from(SEARCH_OUTBOX)
                    .where(SEARCH_OUTBOX.CREATED_AT.lt(OffsetDateTime.now(clock).minusSeconds(GAP_SECONDS)))
                    .fetchOne(0, Long.class);
            seen = Math.max(settled == null ? 0 : settled, prunedThrough());
            long total = 0;
            for (SearchOutbox.Type type : TYPES) {
                total += documents.count(type);
            }
            rebuild = new Rebuild(0, 0, 0, total, clock.millis());
            log.info("Search index rebuild started: {} rows to read", total);
            startRebuildThread();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /** Reads one batch of the tables for the rebuild in progress; false when there is none left. */
    boolean rebuildStep() throws IOException {
        lock.lock();
        try {
            Rebuild current = rebuild;
            if (current == null) {
                return false;
            }
            SearchOutbox.Type type = TYPES[current.type];
            List<Long> ids = documents.idsAfter(type, current.after, REBUILD_BATCH);
            if (!ids.isEmpty()) {
                write(type, ids);
                current.after = ids.get(ids.size() - 1);
                current.done += ids.size();
            }
            if (ids.size() < REBUILD_BATCH) {
                current.type++;
                current.after = 0;
            }
            long now = clock.millis();
            if (current.type == TYPES.length) {
                rebuild = null;
                index.commit(seen, null);
                index.searchers().maybeRefreshBlocking();
                lastCommitMillis = now;
                log.info("Search index rebuild done: {} rows in {} s", current.done, (now - current.startedMillis) / 1000);
                return false;
            }
            if (now - current.lastRefreshMillis >= REFRESH_MILLIS) {
                index.searchers().maybeRefreshBlocking();
                current.lastRefreshMillis = now;
            }
            if (now - current.lastLogMillis >= PROGRESS_LOG_MILLIS) {
                log.info("Search index rebuild {}% ({} of {} rows)", current.percent(), current.done, current.total);
                current.lastLogMillis = now;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs the rebuild in progress to its end on the calling thread (tests, tools). */
    public void finishRebuild() throws IOException {
        while (rebuildStep()) {
            // one batch at a time, so the outbox still gets its turns
        }
    }

    public boolean rebuilding() {
        return rebuild != null;
    }

    private synchronized void startRebuildThread() {
        if (!running || (rebuildThread != null && rebuildThread.isAlive())) {
            return;
        }
        rebuildThread = new Thread(() -> {
            try {
                while (running && rebuildStep()) {
                    // next batch
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Search index rebuild stopped; it resumes at the next start", e);
            }
        }, "search-index-rebuild");
        rebuildThread.setDaemon(true);
        rebuildThread.start();
    }

    public IndexStatus status() throws IOException {
        Long newest = db.select(DSL.max(SEARCH_OUTBOX.ID)).from(SEARCH_OUTBOX).fetchOne(0, Long.class);
        long total = newest == null ? 0 : newest;
        long read;
        Rebuild current;
        lock.lock();
        try {
            read = Math.min(Math.max(seen, written), total);
            current = rebuild;
        } finally {
            lock.unlock();
        }
        var searcher = index.searchers().acquire();
        try {
            int documents = searcher.getIndexReader().numDocs();
            int percent = current != null ? current.percent() : read >= total ? 100
                    : (int) Math.min(99, read * 100 / Math.max(1, total));
            return new IndexStatus(read, total, documents, percent, current != null,
                    current == null ? 0 : current.done, current == null ? 0 : current.total);
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
    private long safeCheckpoint(Result<Record4<Long, String, Long, OffsetDateTime>> rows) {
        long checkpoint = seen;
        OffsetDateTime settled = OffsetDateTime.now(clock).minusSeconds(GAP_SECONDS);
        for (var r : rows) {
            if (r.value1() != checkpoint + 1 && r.value4().isAfter(settled)) {
                return checkpoint;
            }
            checkpoint = r.value1();
        }
        return checkpoint;
    }

    /** Indexes everything in the outbox up to now and makes it searchable; returns how many rows it read. */
    public int catchUp() throws IOException {
        int total = 0;
        while (true) {
            lock.lock();
            try {
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
                    write(entry.getKey(), entry.getValue());
                }
                long next = safeCheckpoint(rows);
                total += rows.size();
                written = Math.max(written, rows.get(rows.size() - 1).value1());
                if (next == seen) {
                    break; // a gap that may still fill: look again on the next poll
                }
                seen = next;
            } finally {
                lock.unlock();
            }
        }
        // always: another thread may have written what this one found already read, and the
        // caller expects it searchable on return (a refresh without changes costs next to nothing)
        index.searchers().maybeRefreshBlocking();
        if (total > 0) {
            log.debug("Indexed {} outbox rows, now at {}", total, seen);
        }
        return total;
    }

    /** Writes the current state of these rows: their documents, or their deletion. */
    private void write(SearchOutbox.Type type, Collection<Long> ids) throws IOException {
        Map<String, Document> docs = documents.load(type, new ArrayList<>(ids));
        for (long id : ids) {
            String key = SearchDocuments.key(type, id);
            Document doc = docs.get(key);
            if (doc == null) {
                index.writer().deleteDocuments(new Term(SearchDocuments.KEY, key));
            } else {
                index.writer().updateDocument(new Term(SearchDocuments.KEY, key), doc);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        // from now on this node's checkpoint holds back pruning of the rows it has not read
        heartbeat();
        if (rebuild != null) {
            startRebuildThread();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread;
        synchronized (this) {
            thread = rebuildThread;
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the connection pool closes, after the outbox listener
        return Integer.MAX_VALUE - 200;
    }
}
