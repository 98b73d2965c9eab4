package org.praxis.analysis;

import static org.praxis.jooq.Tables.ANALYSIS;
import static org.praxis.jooq.Tables.ANALYSIS_AUTHOR;
import static org.praxis.jooq.Tables.ANALYSIS_COMMENT;
import static org.praxis.jooq.Tables.ANALYSIS_VISIT;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.search.SearchOutbox;
import org.springframework.stereotype.Component;

/**
 * The analyses a member wrote or co-wrote, and their comments on sections. Erasing deletes the
 * drafts they alone wrote, and takes them off the ones they wrote with others; without their
 * contributions kept, shared analyses they alone wrote go too, and so do their comments.
 */
@Component
class AnalysisPersonalData implements PersonalData {

    private final DSLContext db;
    private final AnalysisService analyses;
    private final SearchOutbox outbox;

    AnalysisPersonalData(DSLContext db, AnalysisService analyses, SearchOutbox outbox) {
        this.db = db;
        this.analyses = analyses;
        this.outbox = outbox;
    }

    record CommentRecord(long analysisId, String analysis, int version, String section, OffsetDateTime created,
            String markdown) {
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        db.select(ANALYSIS.ID, ANALYSIS.TITLE).from(ANALYSIS).join(ANALYSIS_AUTHOR).on(ANALYSIS_AUTHOR.ANALYSIS_ID.eq(ANALYSIS.ID))
                .where(ANALYSIS_AUTHOR.MEMBER_ID.eq(memberId)).orderBy(ANALYSIS.ID)
                // the author reads their own analysis, so the export of the library itself serves
                .forEach(r -> archive.add("analyses/" + PersonalArchive.fileName(r.value2(), r.value1()) + ".md",
                        analyses.exportMarkdown(r.value1(), archive::text)));
        List<CommentRecord> comments = db.select(ANALYSIS_COMMENT.ANALYSIS_ID, ANALYSIS.TITLE, ANALYSIS_COMMENT.VERSION_NUMBER,
                        ANALYSIS_COMMENT.SECTION, ANALYSIS_COMMENT.CREATED_AT, ANALYSIS_COMMENT.BODY_MARKDOWN)
                .from(ANALYSIS_COMMENT).join(ANALYSIS).on(ANALYSIS.ID.eq(ANALYSIS_COMMENT.ANALYSIS_ID))
                .where(ANALYSIS_COMMENT.AUTHOR_ID.eq(memberId)).orderBy(ANALYSIS_COMMENT.CREATED_AT)
                .fetch(r -> new CommentRecord(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
        if (!comments.isEmpty()) {
            archive.json("analyses/comments.json", comments);
        }
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(ANALYSIS_VISIT).where(ANALYSIS_VISIT.MEMBER_ID.eq(memberId)).execute();
        var other = ANALYSIS_AUTHOR.as("other");
        var others = DSL.selectOne().from(other).where(other.ANALYSIS_ID.eq(ANALYSIS.ID)).and(other.MEMBER_ID.ne(memberId));
        var mine = ANALYSIS.ID.in(DSL.select(ANALYSIS_AUTHOR.ANALYSIS_ID).from(ANALYSIS_AUTHOR)
                .where(ANALYSIS_AUTHOR.MEMBER_ID.eq(memberId)));
        var gone = mine.and(DSL.notExists(others));
        gone = keepContributions ? gone.and(ANALYSIS.STATUS.eq(AnalysisStatus.DRAFT.name())) : gone;
        for (long id : db.deleteFrom(ANALYSIS).where(gone).returning(ANALYSIS.ID).fetch(ANALYSIS.ID)) {
            outbox.delete(SearchOutbox.Type.ANALYSIS, id);
        }
        // written with others: a draft, or everything when nothing is kept, goes on without them
        var sharedWithOthers = mine.and(DSL.exists(others));
        var leave = keepContributions ? sharedWithOthers.and(ANALYSIS.STATUS.eq(AnalysisStatus.DRAFT.name()))
                : sharedWithOthers;
        List<Long> left = db.select(ANALYSIS.ID).from(ANALYSIS).where(leave).fetch(ANALYSIS.ID);
        db.deleteFrom(ANALYSIS_AUTHOR).where(ANALYSIS_AUTHOR.MEMBER_ID.eq(memberId))
                .and(ANALYSIS_AUTHOR.ANALYSIS_ID.in(left)).execute();
        db.update(ANALYSIS).setNull(ANALYSIS.CREATED_BY).where(ANALYSIS.ID.in(left)).and(ANALYSIS.CREATED_BY.eq(memberId))
                .execute();
        if (!keepContributions) {
            db.deleteFrom(ANALYSIS_COMMENT).where(ANALYSIS_COMMENT.AUTHOR_ID.eq(memberId)).execute();
        }
        // what is still theirs, or was, is indexed again without their name
        for (long id : db.select(ANALYSIS.ID).from(ANALYSIS).where(mine.or(ANALYSIS.ID.in(left))
                .or(ANALYSIS.CREATED_BY.eq(memberId))).and(ANALYSIS.STATUS.ne(AnalysisStatus.DRAFT.name())).fetch(ANALYSIS.ID)) {
            outbox.upsert(SearchOutbox.Type.ANALYSIS, id);
        }
    }
}
