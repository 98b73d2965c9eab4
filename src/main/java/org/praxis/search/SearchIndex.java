package org.praxis.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index on disk: one writer, a near-real-time {@link SearcherManager}, and commits
 * that carry the outbox checkpoint (with the time of that outbox row, so the indexer can tell a
 * database that no longer has it) and, during a rebuild, how far the rebuild has read the
 * tables, so after a crash the indexer replays from the outbox and resumes the rebuild, and
 * nothing is lost. An index that is missing, unreadable or of another {@link #VERSION} is
 * thrown away and rebuilt from the tables. Each index has its own node id, under which the node
 * reports its checkpoint so the outbox can be pruned.
 *
 * <p>A marker file lives in the folder from start to clean shutdown. Found at start, the last
 * run ended without closing the index (killed, power cut), so every file of the last commit is
 * checked against its checksum before anything is served from it, and a damaged index is
 * rebuilt. After a clean stop the check is skipped: it reads the whole index (see
 * docs/benchmarks.md for how long that takes).
 */
@Component
public class SearchIndex implements DisposableBean {

    /** Raise when the document model changes: older indexes are rebuilt. */
    public static final String VERSION = "7";

    static final String CHECKPOINT = "outbox";
    /** When the outbox row at the checkpoint was written (epoch microseconds), if known. */
    static final String CHECKPOINT_AT = "outboxAt";
    static final String VERSION_KEY = "version";
    static final String NODE_KEY = "node";
    static final String REBUILD_KEY = "rebuild";
    /** {@link OwnerTokens#check()} of the secret the owner tokens were made with. */
    static final String OWNERS_KEY = "owners";
    /** Present while the index is open; not a Lucene file name, so Lucene leaves it alone. */
    static final String OPEN_MARKER = "praxis-open";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path folder;
    private final FSDirectory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final boolean temporary;
    private final java.util.UUID node;
    private volatile long checkpoint;
    private volatile Long checkpointAt;
    private volatile String rebuildPosition;
    private volatile String owners;
    private volatile String ownersToWrite;
    private final boolean checked;
    /** Counts {@link #reset()}s, so a damage met on an index already thrown away is not acted on twice. */
    private volatile int generation;
    private volatile boolean closed;

    SearchIndex(SearchProperties properties) throws IOException {
        temporary = properties.indexDir() == null || properties.indexDir().isBlank();
        folder = temporary ? Files.createTempDirectory("praxis-index-") : Path.of(properties.indexDir()).toAbsolutePath();
        Files.createDirectories(folder);
        FSDirectory opened = FSDirectory.open(folder);
        directory = opened;
        checked = Files.exists(folder.resolve(OPEN_MARKER));
        Map<String, String> data = readCommitData(checked);
        checkpoint = data == null ? -1 : Long.parseLong(data.get(CHECKPOINT));
        checkpointAt = data == null || data.get(CHECKPOINT_AT) == null ? null : Long.valueOf(data.get(CHECKPOINT_AT));
        node = data != null && data.get(NODE_KEY) != null ? java.util.UUID.fromString(data.get(NODE_KEY))
                : java.util.UUID.randomUUID();
        rebuildPosition = data == null ? null : data.get(REBUILD_KEY);
        owners = data == null ? null : data.get(OWNERS_KEY);
        if (checkpoint < 0) {
            emptyFolder();
        }
        writer = newWriter(checkpoint < 0);
        if (checkpoint < 0) {
            log.info("Search index at {} is new or outdated: rebuilding from the tables", folder);
            checkpoint = 0;
            rebuildPosition = "";
        }
        searchers = new SearcherManager(writer, FacetedSearcher.FACTORY);
        Path marker = folder.resolve(OPEN_MARKER);
        Files.writeString(marker, ProcessHandle.current().pid() + "\n");
        // on disk before anything is written to the index, or a power cut could leave no trace of this run
        org.apache.lucene.util.IOUtils.fsync(marker, false);
        org.apache.lucene.util.IOUtils.fsync(folder, true);
    }

    private IndexWriter newWriter(boolean create) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(analyzer()).setRAMBufferSizeMB(64)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND));
    }

    /** Start from an empty folder: a writer would trip over the remains of a broken index. */
    private void emptyFolder() throws IOException {
        for (String file : directory.listAll()) {
            if (!OPEN_MARKER.equals(file)) {
                directory.deleteFile(file);
            }
        }
    }

    /**
     * What the last commit recorded; null when the index must be rebuilt from scratch. After an
     * unclean stop ({@code check}), only once every file of that commit matches its checksum.
     */
    private Map<String, String> readCommitData(boolean check) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            Map<String, String> data;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                data = reader.getIndexCommit().getUserData();
                if (!VERSION.equals(data.get(VERSION_KEY)) || data.get(CHECKPOINT) == null) {
                    return null;
                }
                Long.parseLong(data.get(CHECKPOINT));
            }
            if (check && !intact()) {
                return null;
            }
            return data;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            // another process has it open: never throw its files away; fail as opening the writer would
            throw new UncheckedIOException("The search index at " + folder + " is in use by another process", e);
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} is unreadable ({}): rebuilding", folder, e.toString());
            return null;
        }
    }

    /** Lucene's CheckIndex, checksums only: every byte of the last commit's files is read once. */
    private boolean intact() throws IOException {
        long started = System.nanoTime();
        java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();
        try (org.apache.lucene.index.CheckIndex check = new org.apache.lucene.index.CheckIndex(directory)) {
            check.setChecksumsOnly(true);
            check.setInfoStream(new java.io.PrintStream(report, true, java.nio.charset.StandardCharsets.UTF_8));
            org.apache.lucene.index.CheckIndex.Status status = check.checkIndex();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (status.clean) {
                log.info("Search index at {} was not closed cleanly; checked it in {} ms: intact", folder, millis);
                return true;
            }
            log.warn("Search index at {} was not closed cleanly and is damaged (checked in {} ms): rebuilding\n{}",
                    folder, millis, report.toString(java.nio.charset.StandardCharsets.UTF_8));
            return false;
        }
    }

    /** Whether this start checked the index, because the last run did not close it. */
    boolean checkedAtStart() {
        return checked;
    }

    /**
     * Throws the index away, files and all, and opens an empty one in its place: for an index
     * found damaged while in use, whose writer may have given up on it. Searches still holding
     * the old searcher finish on it; the next ones see the empty index.
     */
    synchronized void reset() throws IOException {
        if (closed) {
            return; // shutting down: the next start finds the damage
        }
        SearcherManager oldSearchers = searchers;
        IndexWriter oldWriter = writer;
        try {
            oldSearchers.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the damaged index's searchers: {}", e.toString());
        }
        try {
            oldWriter.rollback();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the damaged index's writer: {}", e.toString());
        }
        emptyFolder();
        writer = newWriter(true);
        searchers = new SearcherManager(writer, FacetedSearcher.FACTORY);
        checkpoint = 0;
        checkpointAt = null;
        rebuildPosition = "";
        owners = null;
        generation++;
    }

    int generation() {
        return generation;
    }

    boolean closed() {
        return closed;
    }

    Path folder() {
        return folder;
    }

    static Analyzer analyzer() {
        // English stemming for what people wrote (sections too, whatever their key); exact terms for
        // ids, names, tags and types
        Analyzer english = new EnglishAnalyzer();
        Analyzer names = new org.apache.lucene.analysis.standard.StandardAnalyzer();
        Analyzer keyword = new KeywordAnalyzer();
        return new org.apache.lucene.analysis.DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                if (SearchFields.TITLE.equals(field) || SearchFields.BODY.equals(field)
                        || field.startsWith(SearchFields.SECTION_PREFIX)) {
                    return english;
                }
                return SearchFields.AUTHOR_NAME.equals(field) ? names : keyword;
            }
        };
    }

    IndexWriter writer() {
        return writer;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    long checkpoint() {
        return checkpoint;
    }

    /** When the outbox row at the checkpoint was written, in epoch microseconds; null if unknown. */
    Long checkpointAt() {
        return checkpointAt;
    }

    /** The {@link OwnerTokens#check()} the documents' owner tokens were made under; null if unknown. */
    String owners() {
        return owners;
    }

    /** The owner check to record with every commit from now on. */
    void ownersWritten(String check) {
        ownersToWrite = check;
    }

    java.util.UUID node() {
        return node;
    }

    /**
     * Where an unfinished rebuild stands, as the indexer wrote it ("" for from the start); null
     * when the index is complete.
     */
    String rebuildPosition() {
        return rebuildPosition;
    }

    /** Makes what was written so far durable, with the outbox id it covers. */
    synchronized void commit(long upTo) throws IOException {
        commit(upTo, null, null);
    }

    /** Same, for an index being rebuilt: {@code rebuild} says how far, null once it is complete. */
    synchronized void commit(long upTo, String rebuild) throws IOException {
        commit(upTo, null, rebuild);
    }

    /** Same, with when the outbox row {@code upTo} was written ({@code at}, epoch microseconds) when known. */
    synchronized void commit(long upTo, Long at, String rebuild) throws IOException {
        Map<String, String> data = new java.util.HashMap<>(Map.of(CHECKPOINT, String.valueOf(upTo), VERSION_KEY, VERSION,
                NODE_KEY, node.toString()));
        if (at != null) {
            data.put(CHECKPOINT_AT, String.valueOf(at));
        }
        if (rebuild != null) {
            data.put(REBUILD_KEY, rebuild);
        }
        String check = ownersToWrite;
        if (check != null) {
            data.put(OWNERS_KEY, check);
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        checkpoint = upTo;
        checkpointAt = at;
        rebuildPosition = rebuild;
        owners = check;
    }

    @Override
    public synchronized void destroy() throws IOException {
        closed = true;
        searchers.close();
        writer.close();
        // closed cleanly: the next start need not check the index
        Files.deleteIfExists(folder.resolve(OPEN_MARKER));
        directory.close();
        if (temporary) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException ignored) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
