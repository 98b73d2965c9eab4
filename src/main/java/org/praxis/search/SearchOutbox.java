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

    public enum Type { SESSION, PROMPT, THREAD, POST, ANALYSIS, RESPONSE, COMMITMENT }

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

    private void write(Type type, long id, String operation) {
        db.insertInto(SEARCH_OUTBOX)
                .set(SEARCH_OUTBOX.ENTITY_TYPE, type.name())
                .set(SEARCH_OUTBOX.ENTITY_ID, id)
                .set(SEARCH_OUTBOX.OPERATION, operation)
                .execute();
    }
}
