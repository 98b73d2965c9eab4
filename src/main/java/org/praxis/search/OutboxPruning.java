package org.praxis.search;

import static org.praxis.jooq.Tables.SEARCH_NODE;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX;
import static org.praxis.jooq.Tables.SEARCH_OUTBOX_PRUNED;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes outbox rows that every live node has indexed (nodes report their checkpoint in
 * {@code search_node}), and rows older than the retention period whatever the nodes say. A node
 * that stopped reporting for longer than the retention period no longer holds rows back; when
 * it comes back, its checkpoint is below {@code search_outbox_pruned.through} and it rebuilds
 * from the tables. Any node may prune; running on several at once is harmless.
 */
@Component
class OutboxPruning {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruning.class);

    private final DSLContext db;
    private final SearchProperties properties;
    private final Clock clock;

    OutboxPruning(DSLContext db, SearchProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${praxis.search.prune-every:10m}", initialDelayString = "${praxis.search.prune-every:10m}")
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning the search outbox failed; will retry", e);
        }
    }

    /** Returns how many outbox rows were deleted. */
    @Transactional
    public int prune() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(properties.outboxRetention());
        db.deleteFrom(SEARCH_NODE).where(SEARCH_NODE.SEEN_AT.lt(cutoff)).execute();
        Long allPast = db.select(DSL.min(SEARCH_NODE.CHECKPOINT)).from(SEARCH_NODE).fetchOne(0, Long.class);
        var condition = SEARCH_OUTBOX.CREATED_AT.lt(cutoff);
        if (allPast != null) {
            condition = condition.or(SEARCH_OUTBOX.ID.le(allPast));
        }
        Long through = db.select(DSL.max(SEARCH_OUTBOX.ID)).from(SEARCH_OUTBOX).where(condition).fetchOne(0, Long.class);
        if (through == null) {
            return 0;
        }
        int deleted = db.deleteFrom(SEARCH_OUTBOX).where(SEARCH_OUTBOX.ID.le(through)).execute();
        db.update(SEARCH_OUTBOX_PRUNED).set(SEARCH_OUTBOX_PRUNED.THROUGH, DSL.greatest(SEARCH_OUTBOX_PRUNED.THROUGH, DSL.val(through)))
                .execute();
        if (deleted > 0) {
            log.info("Pruned {} search outbox rows up to {}", deleted, through);
        }
        return deleted;
    }
}
