package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_OBSTACLE;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.obstacle.Obstacles;
import org.springframework.stereotype.Component;

/**
 * The obstacles a member named on their posts, with their notes (the links are this feature's,
 * the list is the obstacle feature's). Those named on check-ins go with the commitments.
 * Erasing deletes them for posts the member had removed, or for all their
 * posts when their contributions are not kept.
 */
@Component
class PostObstaclePersonalData implements PersonalData {

    private final DSLContext db;

    PostObstaclePersonalData(DSLContext db) {
        this.db = db;
    }

    record Named(long postId, String obstacle, String note, OffsetDateTime created) {
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        List<Named> named = db.select(POST_OBSTACLE.POST_ID, Obstacles.label(POST_OBSTACLE.OBSTACLE_ID), POST_OBSTACLE.NOTE,
                        POST_OBSTACLE.CREATED_AT)
                .from(POST_OBSTACLE)
                .join(POST).on(POST.ID.eq(POST_OBSTACLE.POST_ID))
                .where(POST.AUTHOR_ID.eq(memberId)).orderBy(POST_OBSTACLE.CREATED_AT)
                .fetch(r -> new Named(r.value1(), r.value2(), r.value3(), r.value4()));
        if (!named.isEmpty()) {
            archive.json("posts/obstacles.json", named);
        }
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        var theirs = POST.AUTHOR_ID.eq(memberId);
        db.deleteFrom(POST_OBSTACLE).where(POST_OBSTACLE.POST_ID.in(db.select(POST.ID).from(POST)
                .where(keepContributions ? theirs.and(POST.DELETED_AT.isNotNull()) : theirs))).execute();
    }
}
