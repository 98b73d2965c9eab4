package org.praxis.session;

import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;

import org.jooq.DSLContext;
import org.praxis.conversation.ThreadOrigins;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The session feature's side of {@link ThreadOrigins}: a prompt thread's header names its session and keeps its hours. */
@Component
class SessionThreadOrigins implements ThreadOrigins {

    private final DSLContext db;

    SessionThreadOrigins(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public Origin of(long sessionId, Long promptId) {
        if (promptId == null) {
            return db.select(SESSION.TITLE).from(SESSION).where(SESSION.ID.eq(sessionId))
                    .fetchOptional(r -> new Origin(r.value1(), null, null))
                    .orElse(Origin.NONE);
        }
        return db.select(SESSION.TITLE, PROMPT.OPENS_AT, PROMPT.CLOSES_AT)
                .from(SESSION).leftJoin(PROMPT).on(PROMPT.ID.eq(promptId)).and(PROMPT.SESSION_ID.eq(SESSION.ID))
                .where(SESSION.ID.eq(sessionId))
                .fetchOptional(r -> new Origin(r.value1(), r.value2(), r.value3()))
                .orElse(Origin.NONE);
    }
}
