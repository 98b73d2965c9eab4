package org.praxis.search;

import static org.praxis.jooq.Tables.SEARCH_OUTBOX;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that a searchable row changed. Must run inside the transaction of the change itself,
 * so a rolled-back write leaves no outbox row and the index never sees it.
 */
@Component
public class SearchOutbox {

    /** The kinds of document; each has one {@link SearchSource}. */
    public enum Type { SESSION, PROMPT, THREAD, POST, ANALYSIS, RESPONSE, COMMITMENT, CONSULTATION, NOTE }

    /** The entity type of a row that asks for everything shown under a person's name ({@link #everythingBy}). */
    static final String AUTHOR = "AUTHOR";

    private final DSLContext db;

    SearchOutbox(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void upsert(Type type, long id) {
        write(type, id, "UPSERT");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(Type type, long id) {
        write(type, id, "DELETE");
    }

    /**
     * Everything the index shows under this person's name is to be indexed again (they were
     * renamed): every node's indexer finds those documents in its own index, whatever feature
     * they come from, and reloads them from their sources.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void everythingBy(long memberId) {
        write(AUTHOR, memberId, "UPSERT");
    }

    private void write(Type type, long id, String operation) {
        write(type.name(), id, operation);
    }

    private void write(String type, long id, String operation) {
        db.insertInto(SEARCH_OUTBOX)
                .set(SEARCH_OUTBOX.ENTITY_TYPE, type)
                .set(SEARCH_OUTBOX.ENTITY_ID, id)
                .set(SEARCH_OUTBOX.OPERATION, operation)
                .execute();
    }
}
