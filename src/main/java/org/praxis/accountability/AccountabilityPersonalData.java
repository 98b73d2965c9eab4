package org.praxis.accountability;

import static org.praxis.jooq.Tables.CALENDAR_FEED;
import static org.praxis.jooq.Tables.COMMITMENT;
import static org.praxis.jooq.Tables.COMMITMENT_HELP;
import static org.praxis.jooq.Tables.DIGEST_SENT;

import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.search.SearchOutbox;
import org.springframework.stereotype.Component;

/**
 * A member's commitments with their check-ins. Erasing deletes the private commitments, the
 * record of digests sent and the calendar feeds; without contributions kept, every commitment
 * and every offer of help goes too.
 */
@Component
class AccountabilityPersonalData implements PersonalData {

    private final DSLContext db;
    private final CommitmentService commitments;
    private final SearchOutbox outbox;

    AccountabilityPersonalData(DSLContext db, CommitmentService commitments, SearchOutbox outbox) {
        this.db = db;
        this.commitments = commitments;
        this.outbox = outbox;
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        // the author reads each of their own commitments as its page does
        List<CommitmentDetails> mine = db.select(COMMITMENT.ID).from(COMMITMENT).where(COMMITMENT.MEMBER_ID.eq(memberId))
                .orderBy(COMMITMENT.ID).fetch(COMMITMENT.ID).stream().map(commitments::read).toList();
        if (mine.isEmpty()) {
            return;
        }
        archive.json("commitments/commitments.json", mine);
        StringBuilder md = new StringBuilder("# ").append(archive.text("export.commitments.title")).append("\n\n");
        for (CommitmentDetails c : mine) {
            md.append("## ").append(c.what().replace('\n', ' ')).append("\n\n");
            md.append(archive.text("commitment.due")).append(": ").append(c.dueOn()).append("  \n");
            if (c.doneWhen() != null) {
                md.append(archive.text("commitment.done-when")).append(": ").append(c.doneWhen()).append("  \n");
            }
            if (c.involved() != null) {
                md.append(archive.text("commitment.involved")).append(": ").append(c.involved()).append("  \n");
            }
            md.append(archive.text("commitment.check-in.status")).append(": ")
                    .append(archive.text("commitment.status." + c.status().name().toLowerCase(java.util.Locale.ROOT))).append("\n\n");
            for (CheckIn check : c.checkIns()) {
                md.append("### ").append(check.at()).append(" · ").append(archive.text("commitment.status." + check.status().name().toLowerCase(java.util.Locale.ROOT)))
                        .append("\n\n");
                if (check.note() != null) {
                    md.append(check.note()).append("\n\n");
                }
                if (check.inTheWay() != null) {
                    md.append(archive.text("commitment.check-in.in-the-way")).append(": ").append(check.inTheWay()).append("\n\n");
                }
                if (!check.obstacles().isEmpty()) {
                    md.append(archive.text("commitment.check-in.obstacles")).append(": ").append(String.join(", ", check.obstacles()))
                            .append("\n\n");
                }
            }
        }
        archive.add("commitments/commitments.md", md.toString());
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(DIGEST_SENT).where(DIGEST_SENT.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(CALENDAR_FEED).where(CALENDAR_FEED.MEMBER_ID.eq(memberId)).execute();
        var mine = COMMITMENT.MEMBER_ID.eq(memberId);
        var gone = keepContributions ? mine.and(COMMITMENT.VISIBILITY.eq(Sharing.PRIVATE.name())) : mine;
        for (long id : db.deleteFrom(COMMITMENT).where(gone).returning(COMMITMENT.ID).fetch(COMMITMENT.ID)) {
            outbox.delete(SearchOutbox.Type.COMMITMENT, id);
        }
        if (!keepContributions) {
            db.deleteFrom(COMMITMENT_HELP).where(COMMITMENT_HELP.MEMBER_ID.eq(memberId)).execute();
        }
        for (long id : db.select(COMMITMENT.ID).from(COMMITMENT).where(mine).fetch(COMMITMENT.ID)) {
            outbox.upsert(SearchOutbox.Type.COMMITMENT, id);
        }
    }
}
