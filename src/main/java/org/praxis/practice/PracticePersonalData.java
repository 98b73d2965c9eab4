package org.praxis.practice;

import static org.praxis.jooq.Tables.PRACTICE_NOTE;
import static org.praxis.jooq.Tables.PRACTICE_NOTE_USEFUL;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.search.SearchOutbox;
import org.springframework.stereotype.Component;

/**
 * The practice notes a member wrote, and their useful marks. Erasing deletes their drafts and the
 * notes nobody else read (private, facilitators'); with their contributions kept, the notes the
 * cohort or the network read stay as by "a former member", without they go too.
 */
@Component
class PracticePersonalData implements PersonalData {

    private final DSLContext db;
    private final SearchOutbox outbox;

    PracticePersonalData(DSLContext db, SearchOutbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    record NoteRecord(long id, String title, String visibility, boolean draft, String tried, String context,
            String happened, String learned, String differently, String affected, List<String> tags,
            OffsetDateTime created) {
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        List<NoteRecord> notes = db.selectFrom(PRACTICE_NOTE).where(PRACTICE_NOTE.AUTHOR_ID.eq(memberId))
                .orderBy(PRACTICE_NOTE.ID)
                .fetch(n -> new NoteRecord(n.getId(), n.getTitle(), n.getVisibility(), n.getDraft(), n.getTried(),
                        n.getContext(), n.getHappened(), n.getLearned(), n.getDifferently(), n.getAffected(),
                        List.of(n.getTags()), n.getCreatedAt()));
        if (!notes.isEmpty()) {
            archive.json("practice-notes/notes.json", notes);
        }
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(PRACTICE_NOTE_USEFUL).where(PRACTICE_NOTE_USEFUL.MEMBER_ID.eq(memberId)).execute();
        var mine = PRACTICE_NOTE.AUTHOR_ID.eq(memberId);
        var gone = keepContributions ? mine.and(PRACTICE_NOTE.DRAFT.isTrue()
                .or(PRACTICE_NOTE.VISIBILITY.in(NoteVisibility.PRIVATE.name(), NoteVisibility.FACILITATORS.name())))
                : mine;
        // a removed note's comment thread stays in the commons with its posts (their authors' words)
        for (long id : db.deleteFrom(PRACTICE_NOTE).where(gone).returning(PRACTICE_NOTE.ID).fetch(PRACTICE_NOTE.ID)) {
            outbox.delete(SearchOutbox.Type.NOTE, id);
        }
        for (long id : db.update(PRACTICE_NOTE).setNull(PRACTICE_NOTE.AUTHOR_ID).where(mine).returning(PRACTICE_NOTE.ID)
                .fetch(PRACTICE_NOTE.ID)) {
            outbox.upsert(SearchOutbox.Type.NOTE, id);
        }
    }
}
