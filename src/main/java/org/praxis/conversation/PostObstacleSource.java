package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.POST_OBSTACLE;
import static org.praxis.jooq.Tables.THREAD;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.praxis.base.security.CurrentUser;
import org.praxis.obstacle.ObstacleSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The obstacles named on posts, kept in this feature's {@code post_obstacle}: the obstacle
 * feature counts them for the facilitators and shows them under the posts through
 * {@code ObstacleService}; only a post's author names obstacles on it.
 */
@Component
class PostObstacleSource implements ObstacleSource {

    private final DSLContext db;
    private final CurrentUser currentUser;

    PostObstacleSource(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    @Override
    public String kind() {
        return POSTS;
    }

    @Override
    public List<Naming> namedSince(long cohortId, OffsetDateTime since) {
        return db.select(POST_OBSTACLE.OBSTACLE_ID, POST_OBSTACLE.CREATED_AT, POST_OBSTACLE.NOTE)
                .from(POST_OBSTACLE).join(POST).on(POST.ID.eq(POST_OBSTACLE.POST_ID))
                .join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(THREAD.COHORT_ID.eq(cohortId)).and(POST.DELETED_AT.isNull()).and(POST_OBSTACLE.CREATED_AT.ge(since))
                .fetch(r -> new Naming(r.value1(), r.value2(), r.value3()));
    }

    @Override
    public Map<Long, List<Long>> namedOn(Collection<Long> postIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (!postIds.isEmpty()) {
            db.select(POST_OBSTACLE.POST_ID, POST_OBSTACLE.OBSTACLE_ID).from(POST_OBSTACLE)
                    .where(POST_OBSTACLE.POST_ID.in(postIds))
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return out;
    }

    @Override
    public long cohortForNaming(long postId) {
        long me = currentUser.require().id();
        var post = db.select(POST.AUTHOR_ID, THREAD.COHORT_ID).from(POST).join(THREAD).on(THREAD.ID.eq(POST.THREAD_ID))
                .where(POST.ID.eq(postId)).fetchOne();
        if (post == null || post.value1() == null || post.value1() != me) {
            throw new AccessDeniedException("Only the author names obstacles on a post");
        }
        return post.value2();
    }

    @Override
    public void replaceNamed(long postId, Set<Long> obstacleIds, String note) {
        cohortForNaming(postId);
        db.deleteFrom(POST_OBSTACLE).where(POST_OBSTACLE.POST_ID.eq(postId)).execute();
        for (long obstacle : obstacleIds) {
            db.insertInto(POST_OBSTACLE).set(POST_OBSTACLE.POST_ID, postId).set(POST_OBSTACLE.OBSTACLE_ID, obstacle)
                    .set(POST_OBSTACLE.NOTE, note).execute();
        }
    }
}
