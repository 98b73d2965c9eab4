package org.praxis.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.SEARCH_NODE;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX_PRUNED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/** Rebuilding from the tables, resuming a rebuild after a crash, and pruning the outbox. */
class IndexRecoveryTest extends IntegrationTest {

    @Autowired
    DSLContext db;
    @Autowired
    SearchDocuments documents;
    @Autowired
    ThreadService threads;
    @Autowired
    Indexer indexer;
    @Autowired
    OutboxPruning pruning;

    Path folder;
    SearchProperties properties;
    String word;
    long thread;
    TestData.Person author;

    @BeforeEach
    void aPostAndAnIndexFolder() throws Exception {
        folder = Files.createTempDirectory("praxis-index-test-");
        properties = new SearchProperties(folder.toString(), null, null, null);
        long cohort = data.cohort();
        author = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort);
        word = "zr" + Long.toString(System.nanoTime(), 36);
    }

    @AfterEach
    void removeFolder() throws Exception {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private long post(String text) {
        data.signIn(author);
        return threads.reply(thread, null, text, false, false);
    }

    private static int count(SearchIndex index, String q) throws Exception {
        index.searchers().maybeRefreshBlocking();
        var searcher = index.searchers().acquire();
        try {
            return searcher.count(SearchService.parse(q));
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** An indexer whose clock runs a minute ahead, so every outbox row so far counts as settled. */
    private Indexer indexerFor(SearchIndex index) {
        return new Indexer(db, index, documents, properties, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
    }

    @Test
    void an_index_whose_folder_was_deleted_is_rebuilt_from_the_tables_not_the_outbox() throws Exception {
        post("kept in the database " + word);
        SearchIndex first = new SearchIndex(properties);
        Indexer firstIndexer = indexerFor(first);
        firstIndexer.finishRebuild();
        firstIndexer.catchUp();
        assertThat(count(first, word)).isEqualTo(1);
        first.destroy();
        removeFolder();
        Files.createDirectories(folder);

        SearchIndex rebuilt = new SearchIndex(properties);
        try {
            assertThat(rebuilt.rebuildPosition()).isEmpty();
            Indexer again = indexerFor(rebuilt);
            assertThat(again.rebuilding()).isTrue();
            // the rebuild starts past every settled outbox row: the post can only come from the tables
            again.finishRebuild();
            assertThat(again.rebuilding()).isFalse();
            assertThat(count(rebuilt, word)).isEqualTo(1);
            assertThat(rebuilt.rebuildPosition()).isNull();
        } finally {
            rebuilt.destroy();
        }
    }

    @Test
    void an_unreadable_index_is_detected_and_rebuilt() throws Exception {
        post("survives a broken index " + word);
        Files.writeString(folder.resolve("segments_1"), "not a lucene index");
        SearchIndex index = new SearchIndex(properties);
        try {
            assertThat(index.checkpoint()).isZero();
            Indexer rebuilding = indexerFor(index);
            assertThat(rebuilding.rebuilding()).isTrue();
            rebuilding.finishRebuild();
            assertThat(count(index, word)).isEqualTo(1);
        } finally {
            index.destroy();
        }
    }

    @Test
    void a_rebuild_interrupted_by_a_crash_resumes_where_its_last_commit_left_it() throws Exception {
        post("found after the crash " + word);
        SearchIndex index = new SearchIndex(properties);
        Indexer first = indexerFor(index);
        assertThat(first.rebuildStep()).isTrue();
        index.commit(index.checkpoint(), "0:0:0:" + Long.MAX_VALUE);
        index.destroy(); // the process dies; the commit says a rebuild was under way

        SearchIndex reopened = new SearchIndex(properties);
        try {
            assertThat(reopened.rebuildPosition()).isEqualTo("0:0:0:" + Long.MAX_VALUE);
            Indexer resumed = indexerFor(reopened);
            assertThat(resumed.rebuilding()).isTrue();
            resumed.finishRebuild();
            assertThat(count(reopened, word)).isEqualTo(1);
            assertThat(reopened.rebuildPosition()).isNull();
        } finally {
            reopened.destroy();
        }
    }

    @Test
    void outbox_rows_are_pruned_only_once_every_live_node_is_past_them() throws Exception {
        post("first " + word);
        long held = db.select(DSL.max(SEARCH_OUTBOX.ID)).from(SEARCH_OUTBOX).fetchOne(0, Long.class);
        post("second " + word);
        // a node that has read up to the first post only, and one long gone that read nothing
        UUID slow = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        db.insertInto(SEARCH_NODE).set(SEARCH_NODE.NODE_ID, slow).set(SEARCH_NODE.CHECKPOINT, held).execute();
        db.insertInto(SEARCH_NODE).set(SEARCH_NODE.NODE_ID, gone).set(SEARCH_NODE.CHECKPOINT, 0L)
                .set(SEARCH_NODE.SEEN_AT, OffsetDateTime.now().minusDays(30)).execute();
        try {
            pruning.prune();

            long floor = db.select(DSL.min(SEARCH_NODE.CHECKPOINT)).from(SEARCH_NODE).fetchOne(0, Long.class);
            assertThat(floor).isLessThanOrEqualTo(held);
            assertThat(db.fetchExists(SEARCH_NODE, SEARCH_NODE.NODE_ID.eq(gone))).as("a node gone for a month").isFalse();
            assertThat(db.fetchCount(SEARCH_OUTBOX, SEARCH_OUTBOX.ID.le(floor))).isZero();
            assertThat(db.fetchCount(SEARCH_OUTBOX, SEARCH_OUTBOX.ID.gt(held))).as("rows the slow node still needs")
                    .isPositive();
            assertThat(db.select(SEARCH_OUTBOX_PRUNED.THROUGH).from(SEARCH_OUTBOX_PRUNED).fetchOne(0, Long.class))
                    .isGreaterThanOrEqualTo(floor).isLessThanOrEqualTo(held);
        } finally {
            db.deleteFrom(SEARCH_NODE).where(SEARCH_NODE.NODE_ID.eq(slow)).execute();
        }
    }

    @Test
    void a_node_whose_checkpoint_is_below_what_was_pruned_rebuilds_from_the_tables() throws Exception {
        post("older than the pruning " + word);
        // this node has read the outbox past its first row, so marking that row pruned changes nothing for it
        indexer.catchUp();
        db.update(SEARCH_OUTBOX_PRUNED).set(SEARCH_OUTBOX_PRUNED.THROUGH, DSL.greatest(SEARCH_OUTBOX_PRUNED.THROUGH, DSL.val(1L)))
                .execute();
        long through = db.select(SEARCH_OUTBOX_PRUNED.THROUGH).from(SEARCH_OUTBOX_PRUNED).fetchOne(0, Long.class);
        SearchIndex index = new SearchIndex(properties);
        index.commit(through - 1); // a complete index that slept while the outbox moved on
        index.destroy();

        SearchIndex reopened = new SearchIndex(properties);
        try {
            assertThat(reopened.rebuildPosition()).isNull();
            Indexer behind = indexerFor(reopened);
            assertThat(behind.rebuilding()).isTrue();
            behind.finishRebuild();
            assertThat(count(reopened, word)).isEqualTo(1);
            assertThat(indexer.rebuilding()).as("the node that had read everything").isFalse();
        } finally {
            reopened.destroy();
        }
    }
}
