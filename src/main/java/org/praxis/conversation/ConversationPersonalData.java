package org.praxis.conversation;

import static org.praxis.jooq.Tables.AGREEMENT_ACK;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_DRAFT;
import static org.praxis.jooq.Tables.POST_REPORT;
import static org.praxis.jooq.Tables.POST_REVISION;
import static org.praxis.jooq.Tables.REACTION;
import static org.praxis.jooq.Tables.THREAD;
import static org.praxis.jooq.Tables.THREAD_READ;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.search.SearchOutbox;
import org.springframework.stereotype.Component;

/**
 * A member's posts (with their earlier texts), unsent drafts, reports and reactions. Erasing
 * always empties the posts they had removed themselves and their drafts; without their
 * contributions kept, every post of theirs becomes "removed" in place, so the replies of others
 * keep their place, and their reactions and reports go.
 */
@Component
class ConversationPersonalData implements PersonalData {

    private final DSLContext db;
    private final SearchOutbox outbox;
    private final Clock clock;
    private final MentionNames mentionNames;

    ConversationPersonalData(DSLContext db, SearchOutbox outbox, Clock clock, MentionNames mentionNames) {
        this.mentionNames = mentionNames;
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    record PostRecord(long id, long threadId, String thread, Long replyTo, OffsetDateTime created, OffsetDateTime edited,
            boolean facilitatorsOnly, boolean nameHidden, boolean removed, boolean hidden, String markdown,
            List<String> earlierTexts) {
    }

    record DraftRecord(long threadId, String thread, Long replyTo, OffsetDateTime updated, String text) {
    }

    record ReportRecord(long postId, String reason, boolean toAdmins, OffsetDateTime created) {
    }

    record ReactionRecord(long postId, String kind, OffsetDateTime created) {
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        List<PostRecord> posts = db.select(POST.ID, POST.THREAD_ID, THREAD.TITLE, POST.PARENT_ID, POST.CREATED_AT,
                        POST.EDITED_AT, POST.FACILITATORS_ONLY, POST.NAME_HIDDEN, POST.DELETED_AT, POST.HIDDEN_AT,
                        POST.BODY_MARKDOWN,
                        org.jooq.impl.DSL.multiset(org.jooq.impl.DSL.select(POST_REVISION.BODY_MARKDOWN).from(POST_REVISION)
                                .where(POST_REVISION.POST_ID.eq(POST.ID)).orderBy(POST_REVISION.ID))
                                .convertFrom(r -> r.map(org.jooq.Record1::value1)),
                        THREAD.COHORT_ID)
                .from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.AUTHOR_ID.eq(memberId))
                .orderBy(POST.CREATED_AT, POST.ID)
                .fetch(r -> new PostRecord(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9() != null, r.value10() != null,
                        named(r.value13(), r.value11()), r.value12().stream().map(t -> named(r.value13(), t)).toList()));
        if (!posts.isEmpty()) {
            archive.json("posts/posts.json", posts);
            StringBuilder md = new StringBuilder("# ").append(archive.text("export.posts.title")).append("\n\n");
            for (PostRecord p : posts) {
                md.append("## ").append(p.thread()).append(" · ").append(p.created()).append("\n\n");
                if (p.facilitatorsOnly()) {
                    md.append("*").append(archive.text("export.posts.facilitators-only")).append("*  \n");
                }
                if (p.nameHidden()) {
                    md.append("*").append(archive.text("export.posts.name-hidden")).append("*  \n");
                }
                if (p.removed()) {
                    md.append("*").append(archive.text("export.posts.removed")).append("*  \n");
                }
                md.append("\n").append(p.markdown()).append("\n\n");
            }
            archive.add("posts/posts.md", md.toString());
        }
        List<DraftRecord> drafts = db.select(POST_DRAFT.THREAD_ID, THREAD.TITLE, POST_DRAFT.PARENT_KEY, POST_DRAFT.UPDATED_AT,
                        POST_DRAFT.BODY)
                .from(POST_DRAFT).join(THREAD).on(THREAD.ID.eq(POST_DRAFT.THREAD_ID))
                .where(POST_DRAFT.MEMBER_ID.eq(memberId)).orderBy(POST_DRAFT.UPDATED_AT)
                .fetch(r -> new DraftRecord(r.value1(), r.value2(), r.value3() == 0L ? null : r.value3(), r.value4(),
                        r.value5()));
        if (!drafts.isEmpty()) {
            archive.json("posts/drafts.json", drafts);
        }
        List<ReportRecord> reports = db.select(POST_REPORT.POST_ID, POST_REPORT.REASON, POST_REPORT.TO_ADMINS,
                        POST_REPORT.CREATED_AT)
                .from(POST_REPORT).where(POST_REPORT.REPORTER_ID.eq(memberId)).orderBy(POST_REPORT.CREATED_AT)
                .fetch(r -> new ReportRecord(r.value1(), r.value2(), r.value3(), r.value4()));
        if (!reports.isEmpty()) {
            archive.json("posts/reports.json", reports);
        }
        List<ReactionRecord> reactions = db.select(REACTION.POST_ID, REACTION.KIND, REACTION.CREATED_AT).from(REACTION)
                .where(REACTION.MEMBER_ID.eq(memberId)).orderBy(REACTION.CREATED_AT)
                .fetch(r -> new ReactionRecord(r.value1(), r.value2(), r.value3()));
        if (!reactions.isEmpty()) {
            archive.json("posts/reactions.json", reactions);
        }
    }

    /** A stored text with its mentions as names ({@code @Leah Jim}), as the thread shows them to its cohort. */
    private String named(long cohortId, String markdown) {
        var ids = Mentions.ids(markdown);
        if (ids.isEmpty()) {
            return markdown;
        }
        var shown = mentionNames.shown(cohortId, ids);
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        ids.forEach(id -> names.put(id, shown.apply(id)));
        return Mentions.editable(markdown, names);
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        // posts that mention them show "a former member" from now on, in search too
        outbox.everythingBy(memberId);
        db.deleteFrom(POST_DRAFT).where(POST_DRAFT.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(THREAD_READ).where(THREAD_READ.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(AGREEMENT_ACK).where(AGREEMENT_ACK.MEMBER_ID.eq(memberId)).execute();
        var mine = POST.AUTHOR_ID.eq(memberId);
        // what they had removed themselves (or everything, when nothing is kept) loses its words for good
        var emptied = keepContributions ? mine.and(POST.DELETED_AT.isNotNull()) : mine;
        db.deleteFrom(POST_REVISION).where(POST_REVISION.POST_ID.in(db.select(POST.ID).from(POST).where(emptied))).execute();
        db.update(POST)
                .set(POST.DELETED_AT, org.jooq.impl.DSL.coalesce(POST.DELETED_AT, org.jooq.impl.DSL.val(OffsetDateTime.now(clock))))
                .set(POST.BODY_MARKDOWN, "").set(POST.BODY_HTML, "")
                .where(emptied).execute();
        if (!keepContributions) {
            db.deleteFrom(REACTION).where(REACTION.MEMBER_ID.eq(memberId)).execute();
            db.deleteFrom(POST_REPORT).where(POST_REPORT.REPORTER_ID.eq(memberId)).execute();
        }
        // every post of theirs is indexed again: without their name, or not at all once removed
        for (long post : db.select(POST.ID).from(POST).where(mine).fetch(POST.ID)) {
            outbox.upsert(SearchOutbox.Type.POST, post);
        }
        for (long thread : db.select(THREAD.ID).from(THREAD).where(THREAD.CREATED_BY.eq(memberId)).fetch(THREAD.ID)) {
            outbox.upsert(SearchOutbox.Type.THREAD, thread);
        }
    }
}
