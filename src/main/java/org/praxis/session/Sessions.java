package org.praxis.session;

import static org.praxis.jooq.Tables.SESSION;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.jooq.tables.Session;

/**
 * What other features may show of a session inside their own queries, as fields correlated on a
 * session id they hold ({@code WORKSHEET_ASSIGNMENT.SESSION_ID}): null where the id is null or
 * names no session. They hold no rights check: the query they go into decides who reads the row.
 */
public final class Sessions {

    private Sessions() {
    }

    /** The session's title. */
    public static Field<String> title(Field<Long> sessionId) {
        Session s = SESSION.as("sessions_t");
        return DSL.field(DSL.select(s.TITLE).from(s).where(s.ID.eq(sessionId)));
    }
}
