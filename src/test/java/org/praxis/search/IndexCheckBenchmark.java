package org.praxis.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * How long the check after an unclean stop takes on a large index (issue 13): builds an index of
 * {@code bench.posts} posts shaped like the app's (20 to 400 words from a Zipf-distributed
 * vocabulary, the same analyzer and fields), leaves it as a killed process would (committed, the
 * marker still there), then times opening it with the check, opening it after a clean stop, and
 * for comparison Lucene's full CheckIndex. No database needed. Results go in docs/benchmarks.md.
 */
public final class IndexCheckBenchmark {

    public static void main(String[] args) throws Exception {
        int posts = Integer.getInteger("bench.posts", 200_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path dir = Path.of(System.getProperty("bench.dir", "/tmp/praxis-index-check-bench")).toAbsolutePath();
        SearchProperties properties = new SearchProperties(dir.toString(), null, null, null);
        if (!Files.exists(dir.resolve("segments_1")) && !Files.exists(dir.resolve("bench-done"))) {
            build(properties, posts);
            Files.writeString(dir.resolve("bench-done"), String.valueOf(posts));
        }
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("index: %s posts, %.1f MB in %s%n", Files.readString(dir.resolve("bench-done")), bytes / 1e6, dir);
        for (int round = 0; round < rounds; round++) {
            // as after a crash: the marker of an open index is there
            Files.writeString(dir.resolve(SearchIndex.OPEN_MARKER), "0\n");
            long unclean = time(() -> {
                SearchIndex index = new SearchIndex(properties);
                if (!index.checkedAtStart() || index.rebuildPosition() != null) {
                    throw new IllegalStateException("expected a checked, intact index");
                }
                dies(index);
            });
            Files.delete(dir.resolve(SearchIndex.OPEN_MARKER));
            long clean = time(() -> {
                SearchIndex index = new SearchIndex(properties);
                if (index.checkedAtStart()) {
                    throw new IllegalStateException("expected no check after a clean stop");
                }
                index.destroy();
            });
            long full = time(() -> {
                try (FSDirectory directory = FSDirectory.open(dir); CheckIndex check = new CheckIndex(directory)) {
                    check.setDoSlowChecks(false);
                    if (!check.checkIndex().clean) {
                        throw new IllegalStateException("not clean");
                    }
                }
            });
            System.out.printf("round %d: open after an unclean stop (checksums checked) %d ms; after a clean stop %d ms;"
                    + " full CheckIndex %d ms%n", round + 1, unclean, clean, full);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** What a killed process leaves: files closed by the operating system, the marker still there. */
    private static void dies(SearchIndex index) throws Exception {
        index.searchers().close();
        index.writer().rollback();
    }

    private static void build(SearchProperties properties, int posts) throws Exception {
        FieldType body = new FieldType(TextField.TYPE_STORED);
        body.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        body.freeze();
        String[] vocabulary = new String[50_000];
        Random random = new Random(13);
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int length = 3 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = w.toString();
        }
        double[] cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1 / Math.pow(i + 1, 1.07);
            cumulative[i] = sum;
        }
        SearchIndex index = new SearchIndex(properties);
        long started = System.nanoTime();
        for (int n = 1; n <= posts; n++) {
            int words = 20 + random.nextInt(381);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                double r = random.nextDouble() * sum;
                int at = java.util.Arrays.binarySearch(cumulative, r);
                text.append(vocabulary[Math.min(vocabulary.length - 1, at < 0 ? -at - 1 : at)]).append(' ');
            }
            String cohort = String.valueOf(1 + random.nextInt(50));
            String author = String.valueOf(1 + random.nextInt(450));
            Document d = new Document();
            d.add(new StringField(SearchFields.KEY, "POST:" + n, Field.Store.YES));
            d.add(new StringField(SearchFields.TYPE, "post", Field.Store.YES));
            d.add(new SortedDocValuesField(SearchFields.TYPE, new BytesRef("post")));
            d.add(new StringField(SearchFields.COHORT, cohort, Field.Store.YES));
            d.add(new SortedDocValuesField(SearchFields.COHORT, new BytesRef(cohort)));
            d.add(new StringField(SearchFields.MARK, random.nextInt(20) == 0 ? "facilitators-only" : "open", Field.Store.NO));
            d.add(new StringField(SearchFields.OWNER, "owner-token-of-" + author, Field.Store.NO));
            d.add(new TextField(SearchFields.AUTHOR_NAME, "Member " + author, Field.Store.NO));
            d.add(new StringField(SearchFields.BY, author, Field.Store.YES));
            d.add(new SortedDocValuesField(SearchFields.BY, new BytesRef(author)));
            d.add(new TextField(SearchFields.TITLE, "Thread " + (n % 5000), Field.Store.YES));
            d.add(new Field(SearchFields.BODY, text.toString(), body));
            d.add(new StoredField(SearchFields.PATH, "threads/" + (n % 5000) + "?post=" + n));
            long created = 1_700_000_000_000L + n * 60_000L;
            d.add(new LongPoint(SearchFields.CREATED, created));
            d.add(new NumericDocValuesField(SearchFields.CREATED, created));
            d.add(new StoredField(SearchFields.CREATED, created));
            index.writer().addDocument(d);
        }
        index.writer().forceMerge(8);
        index.commit(posts, null, null);
        System.out.printf("built %d posts in %d s%n", posts, (System.nanoTime() - started) / 1_000_000_000);
        index.destroy();
    }
}
