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
 *
 * <p>The index must never know more than the database. At start and on every commit the
 * indexer looks up the outbox row at its checkpoint: when the database no longer has it (nor
 * pruned it), or has another row under that id (written at another time), the database lost
 * commits or was restored from an older backup, and the index is rebuilt from the tables rather
 * than keep documents of rows that are gone (and skip new rows that reuse their ids). A damaged
 * index met while indexing or searching ({@link #recover}) is thrown away and rebuilt the same way.
 */
@Component
public class Indexer implements SmartLifecycle {

    private static final int BATCH = 500;
    private static final int REBUILD_BATCH = 1000;
    private static final long GAP_SECONDS = 10;
    private static final long HEARTBEAT_MILLIS = 60_000;
    private static final long REFRESH_MILLIS = 500;
    private static final long PROGRESS_LOG_MILLIS = 10_000;
        private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final DSLContext db;
    private final SearchIndex index;
    private final SearchSources documents;
    private final SearchProperties properties;
    /** The types the rebuild reads, in order (its position counts in this order). */
    private final SearchOutbox.Type[] types;
    private final Clock clock;
    /** Fair, so the outbox and a rebuild take turns batch by batch. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private long seen;
    /** When the outbox row {@code seen} was written (epoch microseconds); null when not known (pruned). */
    private Long seenAt;
    /** The highest outbox id whose change is in the index (rows past a gap are written before the checkpoint moves). */
    private long written;
    private long lastCommitMillis;
    private long lastHeartbeatMillis;
    private volatile Rebuild rebuild;
    /** The index was thrown away but the rebuild could not start yet (the database was away): the poll tries again. */
    private volatile boolean rebuildPending;
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

    Indexer(DSLContext db, SearchIndex index, SearchSources documents, SearchProperties properties, Clock clock,
            OwnerTokens owners) {
        this.db = db;
        this.index = index;
        this.documents = documents;
        this.types = documents.types().toArray(SearchOutbox.Type[]::new);
        this.properties = properties;
        this.clock = clock;
        this.seen = index.checkpoint();
        this.seenAt = index.checkpointAt();
        this.lastCommitMillis = clock.millis();
        String check = owners.check();
        String made = index.owners();
        index.ownersWritten(check);
        String position = index.rebuildPosition();
        if (rebuildIfAhead()) {
            // rebuilding
        } else if ((position == null || !position.isEmpty()) && !check.equals(made)) {
            // the owner tokens were made under another secret (PRAXIS_SECRET changed): nobody would find their own
            log.warn("The search index was made under another secret: rebuilding it from the tables");
            startRebuild();
        } else if (position != null && !position.isEmpty()) {
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
        int generation = index.generation();
        try {
            catchUp();
            lock.lock();
            try {
                if (rebuildPending) {
                    startRebuild();
                    rebuildPending = false;
                }
                long now = clock.millis();
                if (now - lastCommitMillis >= properties.commitEvery().toMillis()) {
                    Rebuild current = rebuild;
                    if (rebuildIfAhead()) {
                        current = rebuild;
                    }
                    if (seen > index.checkpoint() || current != null) {
                        index.commit(seen, seenAt, current == null ? null : current.position());
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
            if (damage(e)) {
                recover(generation, e);
            } else {
                log.warn("Indexing failed; will retry", e);
            }
        }
    }

    /** Starts a rebuild when the index has read what the database no longer has; true if it did. */
    private boolean rebuildIfAhead() {
        if (!aheadOfTheDatabase()) {
            return false;
        }
        log.warn("The search index has read outbox row {}, which the database no longer has (it lost commits, or was "
                + "restored from an older backup): rebuilding the index from the tables", seen);
        startRebuild();
        return true;
    }

    /**
     * Whether the index has read an outbox row that the database no longer has: true when the
     * row at the checkpoint is gone (and was not pruned, which only rows every node has read may
     * be), or is another row under the same id (written at another time). One statement, so a
     * pruning committing meanwhile is seen either wholly or not at all.
     */
    boolean aheadOfTheDatabase() {
        if (seen <= 0) {
            return false;
        }
        var row = db.select(
                        DSL.field(DSL.select(SEARCH_OUTBOX.CREATED_AT).from(SEARCH_OUTBOX).where(SEARCH_OUTBOX.ID.eq(seen))),
                        DSL.field(DSL.select(SEARCH_OUTBOX_PRUNED.THROUGH).from(SEARCH_OUTBOX_PRUNED)))
                .fetchOne();
        OffsetDateTime at = row.value1();
        Long through = row.value2();
        if (at == null) {
            return through == null || through < seen;
        }
        // the same id written at another time: ids handed out again after the database lost them
        return seenAt != null && micros(at) != seenAt;
    }

    private static long micros(OffsetDateTime at) {
        java.time.Instant i = at.toInstant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1_000;
    }

    /**
     * Lucene's ways of saying the index on disk is damaged or gone (and a writer that gave up
     * after such damage), anywhere in the causes. Never a failure of the database (whose driver
     * also reports a lost connection as an end of file).
     */
    static boolean damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof org.jooq.exception.DataAccessException) {
                return false;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.lucene.index.CorruptIndexException
                    || t instanceof org.apache.lucene.index.IndexFormatTooOldException
                    || t instanceof org.apache.lucene.index.IndexFormatTooNewException
                    || t instanceof java.io.EOFException || t instanceof java.nio.file.NoSuchFileException
                    || t instanceof java.io.FileNotFoundException
                    || t instanceof org.apache.lucene.store.AlreadyClosedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of that {@link SearchIndex#generation() generation} was found damaged: throws it
     * away and rebuilds it from the tables in the background. Nothing happens when it was already
     * thrown away (several searches meeting the same damage start one rebuild).
     */
    public void recover(int generation, Throwable cause) {
        lock.lock();
        try {
            if (index.generation() != generation || index.closed()) {
                return; // already thrown away, or shutting down (the next start checks it)
            }
            log.error("The search index is damaged ({}): rebuilding it from the tables", cause.toString(), cause);
            index.reset();
            rebuildPending = true;
            startRebuild();
            rebuildPending = false;
            index.commit(seen, seenAt, rebuild.position());
            index.searchers().maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            log.error("Could not start rebuilding the damaged search index; will try again", e);
        } finally {
            lock.unlock();
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
            index.commit(seen, seenAt, rebuild.position());
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
            var settled = db.select(SEARCH_OUTBOX.ID, SEARCH_OUTBOX.CREATED_AT).from(SEARCH_OUTBOX)
                    .where(SEARCH_OUTBOX.CREATED_AT.lt(OffsetDateTime.now(clock).minusSeconds(GAP_SECONDS)))
                    .orderBy(SEARCH_OUTBOX.ID.desc()).limit(1).fetchOne();
            long pruned = prunedThrough();
            if (settled != null && settled.value1() >= pruned) {
                seen = settled.value1();
                seenAt = micros(settled.value2());
            } else {
                seen = pruned;
                seenAt = null;
            }
            written = seen;
            long total = 0;
            for (SearchOutbox.Type type : types) {
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
            SearchOutbox.Type type = types[current.type];
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
            if (current.type == types.length) {
                rebuild = null;
                index.commit(seen, seenAt, null);
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
        return rebuild != null || rebuildPending;
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
        var manager = index.searchers();
        var searcher = manager.acquire();
        try {
            int documents = searcher.getIndexReader().numDocs();
            int percent = current != null ? current.percent() : read >= total ? 100
                    : (int) Math.min(99, read * 100 / Math.max(1, total));
            return new IndexStatus(read, total, documents, percent, current != null,
                    current == null ? 0 : current.done, current == null ? 0 : current.total);
        } finally {
            manager.release(searcher);
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
                // new rows under ids already read, or past rows that are gone: reading on would skip them
                if (rebuildIfAhead()) {
                    continue;
                }
                Map<SearchOutbox.Type, Set<Long>> byType = new EnumMap<>(SearchOutbox.Type.class);
                Set<Long> authors = new LinkedHashSet<>();
                for (var r : rows) {
                    if (SearchOutbox.AUTHOR.equals(r.value2())) {
                        authors.add(r.value3());
                        continue;
                    }
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
                if (!authors.isEmpty()) {
                    writeEverythingBy(authors);
                }
                long next = safeCheckpoint(rows);
                total += rows.size();
                written = Math.max(written, rows.get(rows.size() - 1).value1());
                if (next == seen) {
                    break; // a gap that may still fill: look again on the next poll
                }
                for (var r : rows) {
                    if (r.value1() == next) {
                        seenAt = micros(r.value4());
                    }
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

    /**
     * Writes again every document the index holds under these authors' names (a rename): which
     * ones is read from the index itself, whatever feature they come from, so the outbox row names
     * the person and no feature needs to know who shows whose name.
     */
    private void writeEverythingBy(Set<Long> authors) throws IOException {
        // what this node wrote before, searchable, so a document written under the old name is among them
        index.searchers().maybeRefreshBlocking();
        Map<SearchOutbox.Type, Set<Long>> byType = new EnumMap<>(SearchOutbox.Type.class);
        var manager = index.searchers();
        var searcher = manager.acquire();
        try {
            var people = authors.stream().map(a -> new org.apache.lucene.util.BytesRef(String.valueOf(a))).toList();
            // their own writing, and what shows their name where it mentions them
            var query = new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(new org.apache.lucene.search.TermInSetQuery(SearchFields.BY, people),
                            org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                    .add(new org.apache.lucene.search.TermInSetQuery(SearchFields.NAMED, people),
                            org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                    .build();
            var stored = searcher.storedFields();
            var keys = Set.of(SearchFields.KEY);
            for (var hit : searcher.search(query, Math.max(1, searcher.getIndexReader().numDocs())).scoreDocs) {
                String key = stored.document(hit.doc, keys).get(SearchFields.KEY);
                int colon = key.indexOf(':');
                try {
                    byType.computeIfAbsent(SearchOutbox.Type.valueOf(key.substring(0, colon)), t -> new LinkedHashSet<>())
                            .add(Long.parseLong(key.substring(colon + 1)));
                } catch (IllegalArgumentException unknown) {
                    // a type this version no longer has: the next rebuild drops it
                }
            }
        } finally {
            manager.release(searcher);
        }
        for (var entry : byType.entrySet()) {
            List<Long> ids = new ArrayList<>(entry.getValue());
            for (int from = 0; from < ids.size(); from += BATCH) {
                write(entry.getKey(), ids.subList(from, Math.min(ids.size(), from + BATCH)));
            }
        }
    }

    /** Writes the current state of these rows: their documents, or their deletion. */
    private void write(SearchOutbox.Type type, Collection<Long> ids) throws IOException {
        Map<String, Document> docs = documents.load(type, new ArrayList<>(ids));
        for (long id : ids) {
            String key = SearchFields.key(type, id);
            Document doc = docs.get(key);
            if (doc == null) {
                index.writer().deleteDocuments(new Term(SearchFields.KEY, key));
            } else {
                index.writer().updateDocument(new Term(SearchFields.KEY, key), doc);
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
