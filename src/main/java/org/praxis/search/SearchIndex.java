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
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
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
 * that carry the outbox checkpoint (and, during a rebuild, how far the rebuild has read the
 * tables), so after a crash the indexer replays from the outbox and resumes the rebuild, and
 * nothing is lost. An index that is missing, unreadable or of another {@link #VERSION} is
 * thrown away and rebuilt from the tables. Each index has its own node id, under which the node
 * reports its checkpoint so the outbox can be pruned.
 */
@Component
public class SearchIndex implements DisposableBean {

    /** Raise when the document model changes: older indexes are rebuilt. */
    public static final String VERSION = "5";

    static final String CHECKPOINT = "outbox";
    static final String VERSION_KEY = "version";
    static final String NODE_KEY = "node";
    static final String REBUILD_KEY = "rebuild";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean temporary;
    private final java.util.UUID node;
    private volatile long checkpoint;
    private volatile String rebuildPosition;

    SearchIndex(SearchProperties properties) throws IOException {
        temporary = properties.indexDir() == null || properties.indexDir().isBlank();
        folder = temporary ? Files.createTempDirectory("praxis-index-") : Path.of(properties.indexDir()).toAbsolutePath();
        Files.createDirectories(folder);
        FSDirectory opened = FSDirectory.open(folder);
        directory = opened;
        Map<String, String> data = readCommitData();
        checkpoint = data == null ? -1 : Long.parseLong(data.get(CHECKPOINT));
        node = data != null && data.get(NODE_KEY) != null ? java.util.UUID.fromString(data.get(NODE_KEY))
                : java.util.UUID.randomUUID();
        rebuildPosition = data == null ? null : data.get(REBUILD_KEY);
        if (checkpoint < 0) {
            // start from an empty folder: a writer would trip over the remains of a broken index
            for (String file : opened.listAll()) {
                opened.deleteFile(file);
            }
        }
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer()).setRAMBufferSizeMB(64)
                .setOpenMode(checkpoint < 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND));
        if (checkpoint < 0) {
            log.info("Search index at {} is new or outdated: rebuilding from the tables", folder);
            checkpoint = 0;
            rebuildPosition = "";
        }
        searchers = new SearcherManager(writer, null);
    }

    /** What the last commit recorded; null when the index must be rebuilt from scratch. */
    private Map<String, String> readCommitData() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                if (!VERSION.equals(data.get(VERSION_KEY)) || data.get(CHECKPOINT) == null) {
                    return null;
                }
                Long.parseLong(data.get(CHECKPOINT));
                return data;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} is unreadable ({}): rebuilding", folder, e.toString());
            return null;
        }
    }

    static Analyzer analyzer() {
        // English stemming for what people wrote; exact terms for ids, names, tags and types
        Analyzer english = new EnglishAnalyzer();
        Map<String, Analyzer> fields = new java.util.HashMap<>(Map.of(SearchDocuments.TITLE, english,
                SearchDocuments.BODY, english, SearchDocuments.AUTHOR_NAME,
                new org.apache.lucene.analysis.standard.StandardAnalyzer()));
        SearchDocuments.SECTIONS.forEach(s -> fields.put(SearchDocuments.SECTION_PREFIX + s, english));
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
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
        commit(upTo, null);
    }

    /** Same, for an index being rebuilt: {@code rebuild} says how far, null once it is complete. */
    synchronized void commit(long upTo, String rebuild) throws IOException {
        Map<String, String> data = new java.util.HashMap<>(Map.of(CHECKPOINT, String.valueOf(upTo), VERSION_KEY, VERSION,
                NODE_KEY, node.toString()));
        if (rebuild != null) {
            data.put(REBUILD_KEY, rebuild);
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        checkpoint = upTo;
        rebuildPosition = rebuild;
    }

    @Override
    public void destroy() throws IOException {
        searchers.close();
        writer.close();
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
