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

/**
 * Rebuilding from the tables, resuming a rebuild after a crash, and pruning the outbox; an index
 * that knows more than the database, one damaged while the app was down, and one damaged while
 * in use.
 */
class IndexRecoveryTest extends IntegrationTest {

    @Autowired
    DSLContext db;
    @Autowired
    SearchSources documents;
    @Autowired
    ThreadService threads;
    @Autowired
    Indexer indexer;
    @Autowired
    OutboxPruning pruning;
    @Autowired
    OwnerTokens owners;

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
        return new Indexer(db, index, documents, properties, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)), owners);
    }

    @Autowired
    org.praxis.member.MemberService members;

    @Test
    void another_node_follows_a_rename_from_the_outbox_and_its_own_index() throws Exception {
        post("written before the rename " + word);
        SearchIndex other = new SearchIndex(properties);
        try {
            Indexer otherNode = indexerFor(other);
            otherNode.finishRebuild();
            otherNode.catchUp();
            assertThat(count(other, "author:" + author.name() + " " + word)).isEqualTo(1);

            String newName = "Renamed" + word;
            data.signIn(data.person(Role.ADMIN));
            org.praxis.member.MemberDraft draft = members.draftOf(author.id());
            draft.setDisplayName(newName);
            members.update(author.id(), draft);
            otherNode.catchUp();

            assertThat(count(other, "author:" + newName + " " + word)).isEqualTo(1);
            assertThat(count(other, "author:" + author.name() + " " + word)).isZero();
        } finally {
            other.destroy();
        }
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
        index.ownersWritten(owners.check());
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

    // ---- an index ahead of the database

    private long maxOutboxId() {
        Long max = db.select(DSL.max(SEARCH_OUTBOX.ID)).from(SEARCH_OUTBOX).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /** A complete index at {@code checkpoint}, written at {@code at} (epoch microseconds), as a node would leave it. */
    private void completeIndexAt(long checkpoint, Long at) throws Exception {
        SearchIndex index = new SearchIndex(properties);
        index.ownersWritten(owners.check());
        index.commit(checkpoint, at, null);
        index.destroy();
    }

    private static long micros(OffsetDateTime at) {
        return at.toInstant().getEpochSecond() * 1_000_000 + at.toInstant().getNano() / 1_000;
    }

    /**
     * Two outbox rows of an hour ago (about nothing that exists), the first of which the test
     * index says it has read: the app's own indexer reads both in one go and is past them, so
     * what the test does to the first changes nothing for it.
     */
    private org.jooq.Record2<Long, OffsetDateTime> anOldOutboxRowAndOneAfter() {
        return transaction.execute(status -> {
            OffsetDateTime hourAgo = OffsetDateTime.now().minusHours(1);
            var first = db.insertInto(SEARCH_OUTBOX).set(SEARCH_OUTBOX.ENTITY_TYPE, "THREAD").set(SEARCH_OUTBOX.ENTITY_ID, -1L)
                    .set(SEARCH_OUTBOX.OPERATION, "DELETE").set(SEARCH_OUTBOX.CREATED_AT, hourAgo)
                    .returning(SEARCH_OUTBOX.ID, SEARCH_OUTBOX.CREATED_AT).fetchOne();
            db.insertInto(SEARCH_OUTBOX).set(SEARCH_OUTBOX.ENTITY_TYPE, "THREAD").set(SEARCH_OUTBOX.ENTITY_ID, -1L)
                    .set(SEARCH_OUTBOX.OPERATION, "DELETE").set(SEARCH_OUTBOX.CREATED_AT, hourAgo).execute();
            return db.newRecord(SEARCH_OUTBOX.ID, SEARCH_OUTBOX.CREATED_AT).values(first.getId(), first.getCreatedAt());
        });
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void an_index_that_read_outbox_rows_the_database_no_longer_has_is_rebuilt_at_start() throws Exception {
        long lost = post("lost with the crash " + word);
        SearchIndex first = new SearchIndex(properties);
        Indexer firstIndexer = indexerFor(first);
        firstIndexer.finishRebuild();
        firstIndexer.catchUp();
        assertThat(count(first, word)).isEqualTo(1);
        first.destroy();
        // the database comes back from an older backup: the post, and outbox ids the index has read, are gone
        db.deleteFrom(org.praxis.jooq.Tables.POST).where(org.praxis.jooq.Tables.POST.ID.eq(lost)).execute();
        completeIndexAt(maxOutboxId() + 1_000, null);

        SearchIndex reopened = new SearchIndex(properties);
        try {
            Indexer behind = indexerFor(reopened);
            assertThat(behind.rebuilding()).as("rebuilding").isTrue();
            behind.finishRebuild();
            assertThat(count(reopened, word)).as("the post that is gone").isZero();
        } finally {
            reopened.destroy();
        }
    }

    @Test
    void an_outbox_id_handed_out_again_after_the_database_lost_it_is_noticed_at_start() throws Exception {
        var row = anOldOutboxRowAndOneAfter();
        indexer.catchUp();

        completeIndexAt(row.value1(), micros(row.value2()));
        SearchIndex same = new SearchIndex(properties);
        try {
            assertThat(indexerFor(same).rebuilding()).as("the very row the index read").isFalse();
        } finally {
            same.destroy();
        }

        // the same id, another row: written when the index had already read one under that id
        completeIndexAt(row.value1(), micros(row.value2()) - 1_000_000);
        SearchIndex other = new SearchIndex(properties);
        try {
            assertThat(indexerFor(other).rebuilding()).as("another row under the id").isTrue();
        } finally {
            other.destroy();
        }
    }

    @Test
    void an_index_ahead_of_the_database_is_noticed_while_running() throws Exception {
        var row = anOldOutboxRowAndOneAfter();
        indexer.catchUp();
        completeIndexAt(row.value1(), micros(row.value2()));
        SearchIndex index = new SearchIndex(properties);
        try {
            Indexer running = indexerFor(index);
            assertThat(running.rebuilding()).isFalse();
            // the database restarts having lost its last commits, and hands their ids out again
            db.update(SEARCH_OUTBOX).set(SEARCH_OUTBOX.CREATED_AT, OffsetDateTime.now())
                    .where(SEARCH_OUTBOX.ID.eq(row.value1())).execute();
            post("written after the database came back " + word);

            running.catchUp();
            assertThat(running.rebuilding()).as("rebuilding rather than reading on past the lost rows").isTrue();
            running.finishRebuild();
            running.catchUp();
            assertThat(count(index, word)).isEqualTo(1);
            assertThat(running.aheadOfTheDatabase()).isFalse();
        } finally {
            index.destroy();
        }
    }

    // ---- a damaged index

    /** The process dies: files closed by the operating system, the marker of an open index left behind. */
    private static void dies(SearchIndex index) throws Exception {
        index.searchers().close();
        index.writer().rollback();
    }

    @Test
    void after_an_unclean_stop_an_index_with_16_bytes_overwritten_in_its_stored_text_is_rebuilt_at_start()
            throws Exception {
        String stored = IndexDamage.storedOnly();
        post("the stored text " + stored + " of " + word);
        SearchIndex first = new SearchIndex(properties);
        Indexer firstIndexer = indexerFor(first);
        firstIndexer.finishRebuild();
        firstIndexer.catchUp();
        assertThat(count(first, word)).isEqualTo(1);
        dies(first);
        IndexDamage.overwrite(folder, stored, IndexDamage.Where.IN_TEXT);

        SearchIndex reopened = new SearchIndex(properties);
        try {
            assertThat(reopened.checkedAtStart()).isTrue();
            assertThat(reopened.rebuildPosition()).as("thrown away").isEmpty();
            Indexer again = indexerFor(reopened);
            assertThat(again.rebuilding()).isTrue();
            again.finishRebuild();
            var searcher = reopened.searchers().acquire();
            try {
                var top = searcher.search(SearchService.parse(word), 10);
                assertThat(top.scoreDocs).hasSize(1);
                assertThat(searcher.storedFields().document(top.scoreDocs[0].doc).get(SearchFields.BODY)).contains(stored);
            } finally {
                reopened.searchers().release(searcher);
            }
        } finally {
            reopened.destroy();
        }
    }

    @Test
    void an_index_closed_cleanly_opens_without_a_check_and_one_left_open_is_checked() throws Exception {
        post("checked or not " + word);
        SearchIndex first = new SearchIndex(properties);
        assertThat(folder.resolve(SearchIndex.OPEN_MARKER)).exists();
        Indexer firstIndexer = indexerFor(first);
        firstIndexer.finishRebuild();
        first.destroy();
        assertThat(folder.resolve(SearchIndex.OPEN_MARKER)).doesNotExist();

        SearchIndex clean = new SearchIndex(properties);
        assertThat(clean.checkedAtStart()).isFalse();
        assertThat(clean.rebuildPosition()).as("kept").isNull();
        dies(clean);

        SearchIndex checked = new SearchIndex(properties);
        try {
            assertThat(checked.checkedAtStart()).isTrue();
            assertThat(checked.rebuildPosition()).as("intact, so kept").isNull();
            assertThat(count(checked, word)).isEqualTo(1);
        } finally {
            checked.destroy();
        }
    }

    @Autowired
    org.praxis.base.security.CurrentUser currentUser;
    @Autowired
    org.praxis.audit.AuditService audit;
    @Autowired
    org.praxis.base.limit.RateLimiter limits;
    @Autowired
    org.praxis.cohort.CohortAccess cohortAccess;
    @Autowired
    java.util.List<SearchLabels> labels;

    /**
     * A post indexed on its own (after the index was built, so in a segment of its own), a search
     * that finds it, then the index damaged {@code where}: the next search meets
     * the damage.
     */
    private void aSearchMeetsDamage(IndexDamage.Where where) throws Exception {
        SearchIndex index = new SearchIndex(properties);
        try {
            Indexer indexing = indexerFor(index);
            indexing.finishRebuild();
            String stored = IndexDamage.storedOnly();
            long id = post("damaged while in use " + stored + " " + word);
            indexing.catchUp();
            SearchService searching = new SearchService(index, documents, cohortAccess, labels, currentUser, indexing, audit, Clock.systemUTC(), limits, owners);
            data.signIn(author);
            assertThat(searching.search(SearchQuery.of(word)).hits()).extracting(SearchHit::id).containsExactly(id);
            int before = index.generation();

            IndexDamage.overwrite(folder, stored, where);
            SearchResults answer = searching.search(SearchQuery.of(word));

            assertThat(answer.rebuilding()).as("the reader is told").isTrue();
            assertThat(answer.hits()).isEmpty();
            assertThat(index.generation()).as("the damaged index was thrown away").isGreaterThan(before);
            assertThat(indexing.rebuilding()).isTrue();
            assertThat(searching.search(SearchQuery.of(word)).rebuilding()).as("searching on while it rebuilds").isTrue();
            assertThat(index.generation()).as("one rebuild, however many searches").isEqualTo(before + 1);
            indexing.finishRebuild();
            SearchResults after = searching.search(SearchQuery.of(word));
            assertThat(after.rebuilding()).isFalse();
            assertThat(after.hits()).extracting(SearchHit::id).containsExactly(id);
        } finally {
            index.destroy();
        }
    }

    @Test
    void a_corrupt_index_exception_met_while_searching_starts_a_rebuild_and_the_reader_is_told_instead_of_an_error()
            throws Exception {
        aSearchMeetsDamage(IndexDamage.Where.BLOCK_HEADER);
    }

    @Test
    void a_damage_that_fails_otherwise_when_decoded_is_told_by_the_checksums_and_handled_alike() throws Exception {
        aSearchMeetsDamage(IndexDamage.Where.AHEAD_OF_TEXT);
    }

    @Test
    void a_lost_database_connection_is_never_taken_for_a_damaged_index() {
        var lostConnection = new org.springframework.dao.DataAccessResourceFailureException("connection lost",
                new java.sql.SQLException("An I/O error occurred while sending to the backend",
                        new java.io.EOFException()));
        assertThat(Indexer.damage(lostConnection)).isFalse();
        assertThat(Indexer.damage(new org.jooq.exception.DataAccessException("lost", new java.io.EOFException()))).isFalse();
        assertThat(Indexer.damage(new java.io.UncheckedIOException(
                new org.apache.lucene.index.CorruptIndexException("checksum failed", "_0.cfs")))).isTrue();
        assertThat(Indexer.damage(new java.io.EOFException("read past EOF: _0.fdt"))).isTrue();
        assertThat(Indexer.damage(new IllegalStateException("a fault of ours"))).isFalse();
    }

    @Test
    void an_index_another_process_has_open_is_never_thrown_away() throws Exception {
        post("held open elsewhere " + word);
        SearchIndex open = new SearchIndex(properties);
        try {
            Indexer indexing = indexerFor(open);
            indexing.finishRebuild();
            // its marker is there, so a second start takes it for an unclean stop and wants to check it
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SearchIndex(properties))
                    .hasRootCauseInstanceOf(org.apache.lucene.store.LockObtainFailedException.class);
            assertThat(count(open, word)).isEqualTo(1);
            indexing.catchUp();
            open.commit(open.checkpoint());
        } finally {
            open.destroy();
        }
        SearchIndex reopened = new SearchIndex(properties);
        try {
            assertThat(reopened.rebuildPosition()).as("kept").isNull();
            assertThat(count(reopened, word)).isEqualTo(1);
        } finally {
            reopened.destroy();
        }
    }
}
