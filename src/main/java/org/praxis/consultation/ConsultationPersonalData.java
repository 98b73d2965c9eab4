package org.praxis.consultation;

import static org.praxis.jooq.Tables.CONSULTATION;
import static org.praxis.jooq.Tables.CONSULTATION_MOVE;

import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.search.SearchOutbox;
import org.springframework.stereotype.Component;

/**
 * The dilemmas a member brought. Their archive has each one's words and next step; an erased
 * account without its contributions takes its dilemmas away (their threads' posts are the
 * conversation feature's); with them, they stay under "a former member". Moves they made stay,
 * unnamed.
 */
@Component
class ConsultationPersonalData implements PersonalData {

    private final DSLContext db;
    private final SearchOutbox outbox;

    ConsultationPersonalData(DSLContext db, SearchOutbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        var rows = db.select(CONSULTATION.ID, CONSULTATION.TITLE, CONSULTATION.SITUATION, CONSULTATION.TRIED,
                        CONSULTATION.QUESTION, CONSULTATION.NEXT_STEP, CONSULTATION.CREATED_AT)
                .from(CONSULTATION).where(CONSULTATION.PRESENTER_ID.eq(memberId)).orderBy(CONSULTATION.ID)
                .fetch(r -> new Brought(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7().toString()));
        if (!rows.isEmpty()) {
            archive.json("consultations/consultations.json", rows);
        }
    }

    /** One dilemma as the archive holds it. */
    record Brought(String title, String situation, String tried, String question, String nextStep, String brought) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.update(CONSULTATION_MOVE).setNull(CONSULTATION_MOVE.MOVED_BY).where(CONSULTATION_MOVE.MOVED_BY.eq(memberId))
                .execute();
        var theirs = db.select(CONSULTATION.ID).from(CONSULTATION).where(CONSULTATION.PRESENTER_ID.eq(memberId))
                .fetch(CONSULTATION.ID);
        for (long id : theirs) {
            if (keepContributions) {
                outbox.upsert(SearchOutbox.Type.CONSULTATION, id);
            } else {
                outbox.delete(SearchOutbox.Type.CONSULTATION, id);
                db.deleteFrom(CONSULTATION).where(CONSULTATION.ID.eq(id)).execute();
            }
        }
    }
}
