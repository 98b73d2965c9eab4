package org.praxis.worksheet;

import static org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
import static org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.search.SearchOutbox;
import org.springframework.stereotype.Component;

/**
 * A member's worksheet responses, every round: Markdown to read (as the response page exports
 * it) and the answers as JSON. Erasing deletes the private ones; without contributions kept, the
 * shared ones too.
 */
@Component
class WorksheetPersonalData implements PersonalData {

    private final DSLContext db;
    private final WorksheetService worksheets;
    private final SearchOutbox outbox;
    private final ObjectMapper json;

    WorksheetPersonalData(DSLContext db, WorksheetService worksheets, SearchOutbox outbox, ObjectMapper json) {
        this.db = db;
        this.worksheets = worksheets;
        this.outbox = outbox;
        this.json = json;
    }

    record ResponseRecord(long id, String worksheet, int round, String status, String visibility, OffsetDateTime started,
            OffsetDateTime updated, OffsetDateTime submitted, JsonNode answers) {
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        List<ResponseRecord> responses = db.select(WORKSHEET_RESPONSE.ID, WORKSHEET_TEMPLATE_VERSION.TITLE,
                        WORKSHEET_RESPONSE.ROUND, WORKSHEET_RESPONSE.STATUS, WORKSHEET_RESPONSE.VISIBILITY,
                        WORKSHEET_RESPONSE.STARTED_AT, WORKSHEET_RESPONSE.UPDATED_AT, WORKSHEET_RESPONSE.SUBMITTED_AT,
                        WORKSHEET_RESPONSE.ANSWERS)
                .from(WORKSHEET_RESPONSE).join(WORKSHEET_TEMPLATE_VERSION)
                .on(WORKSHEET_TEMPLATE_VERSION.ID.eq(WORKSHEET_RESPONSE.TEMPLATE_VERSION_ID))
                .where(WORKSHEET_RESPONSE.MEMBER_ID.eq(memberId)).orderBy(WORKSHEET_RESPONSE.ID)
                .fetch(r -> new ResponseRecord(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), tree(r.value9())));
        if (responses.isEmpty()) {
            return;
        }
        archive.json("worksheets/responses.json", responses);
        for (ResponseRecord r : responses) {
            // the author's own round, exported as its page exports it
            archive.add("worksheets/" + PersonalArchive.fileName(r.worksheet() + " round " + r.round(), r.id()) + ".md",
                    worksheets.exportMarkdown(r.id(), archive::text));
        }
    }

    private JsonNode tree(org.jooq.JSONB answers) {
        try {
            return json.readTree(answers == null ? "{}" : answers.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        var mine = WORKSHEET_RESPONSE.MEMBER_ID.eq(memberId);
        var gone = keepContributions ? mine.and(WORKSHEET_RESPONSE.VISIBILITY.eq(Visibility.PRIVATE.name())) : mine;
        for (long id : db.deleteFrom(WORKSHEET_RESPONSE).where(gone).returning(WORKSHEET_RESPONSE.ID)
                .fetch(WORKSHEET_RESPONSE.ID)) {
            outbox.delete(SearchOutbox.Type.RESPONSE, id);
        }
        for (long id : db.select(WORKSHEET_RESPONSE.ID).from(WORKSHEET_RESPONSE).where(mine).fetch(WORKSHEET_RESPONSE.ID)) {
            outbox.upsert(SearchOutbox.Type.RESPONSE, id);
        }
    }
}
