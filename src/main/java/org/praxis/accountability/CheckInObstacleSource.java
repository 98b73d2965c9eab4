package org.praxis.accountability;

import static org.praxis.jooq.Tables.CHECK_IN;
import static org.praxis.jooq.Tables.CHECK_IN_OBSTACLE;
import static org.praxis.jooq.Tables.COMMITMENT;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.obstacle.ObstacleSource;
import org.springframework.stereotype.Component;

/**
 * The obstacles named on check-ins, kept in this feature's {@code check_in_obstacle}: counted for
 * the cohort's facilitators from commitments shared beyond their author, with the check-in's
 * "what got in the way". They are named as the check-in is written ({@link CommitmentService#checkIn}).
 */
@Component
class CheckInObstacleSource implements ObstacleSource {

    private final DSLContext db;

    CheckInObstacleSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public String kind() {
        return CHECK_INS;
    }

    @Override
    public List<Naming> namedSince(long cohortId, OffsetDateTime since) {
        return db.select(CHECK_IN_OBSTACLE.OBSTACLE_ID, CHECK_IN.CREATED_AT, CHECK_IN.IN_THE_WAY)
                .from(CHECK_IN_OBSTACLE).join(CHECK_IN).on(CHECK_IN.ID.eq(CHECK_IN_OBSTACLE.CHECK_IN_ID))
                .join(COMMITMENT).on(COMMITMENT.ID.eq(CHECK_IN.COMMITMENT_ID))
                .where(COMMITMENT.COHORT_ID.eq(cohortId)).and(COMMITMENT.VISIBILITY.ne(Sharing.PRIVATE.name()))
                .and(CHECK_IN.CREATED_AT.ge(since))
                .fetch(r -> new Naming(r.value1(), r.value2(), r.value3()));
    }
}
