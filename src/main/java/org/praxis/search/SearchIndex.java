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
 * that carry the outbox checkpoint, so after a crash the indexer replays from the outbox and
 * nothing is lost. An index that is missing, unreadable or of another {@link #VERSION} is
 * thrown away and rebuilt from the outbox.
 */
@Component
public class SearchIndex implements DisposableBean {

    /** Raise when the document model changes: older indexes are rebuilt. */
    public static final String VERSION = "1";

    static final String CHECKPOINT = "outbox";
    static final String VERSION_KEY = "version";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final Path folder;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean temporary;
    private volatile long checkpoint;

    SearchIndex(SearchProperties properties) throws IOException {
        temporary = properties.indexDir() == null || properties.indexDir().isBlank();
        folder = temporary ? Files.createTempDirectory("praxis-index-") : Path.of(properties.indexDir()).toAbsolutePath();
        Files.createDirectories(folder);
        FSDirectory opened = FSDirectory.open(folder);
        directory = opened;
        checkpoint = readCheckpoint();
        if (checkpoint < 0) {
            // start from an empty folder: a writer would trip over the remains of a broken index
            for (String file : opened.listAll()) {
                opened.deleteFile(file);
            }
        }
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer())
                .setOpenMode(checkpoint < 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND));
        if (checkpoint < 0) {
            log.info("Search index at {} is new or outdated: rebuilding from the outbox", folder);
            checkpoint = 0;
        }
        searchers = new SearcherManager(writer, null);
    }

    /** The outbox id up to which the last commit holds everything; -1 when the index must be rebuilt. */
    private long readCheckpoint() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return -1;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                if (!VERSION.equals(data.get(VERSION_KEY)) || data.get(CHECKPOINT) == null) {
                    return -1;
                }
                return Long.parseLong(data.get(CHECKPOINT));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} is unreadable ({}): rebuilding", folder, e.toString());
            return -1;
        }
    }

    static Analyzer analyzer() {
        // English stemming for what people wrote; exact terms for ids, names, tags and types
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(SearchDocuments.TITLE, english, SearchDocuments.BODY, english, SearchDocuments.AUTHOR_NAME,
                        new org.apache.lucene.analysis.standard.StandardAnalyzer()));
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

    /** Makes what was written so far durable, with the outbox id it covers. */
    synchronized void commit(long upTo) throws IOException {
        writer.setLiveCommitData(Map.of(CHECKPOINT, String.valueOf(upTo), VERSION_KEY, VERSION).entrySet());
        writer.commit();
        checkpoint = upTo;
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
