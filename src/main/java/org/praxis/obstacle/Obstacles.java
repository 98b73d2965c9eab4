package org.praxis.obstacle;

import static org.praxis.jooq.Tables.OBSTACLE;

import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * What other features may show of an obstacle inside their own queries, as fields correlated on
 * an obstacle id they hold ({@code CHECK_IN_OBSTACLE.OBSTACLE_ID}). They hold no rights check:
 * the query they go into decides who reads the row.
 */
public final class Obstacles {

    private Obstacles() {
    }

    /** The obstacle's label as the cohort's facilitators wrote it. */
    public static Field<String> label(Field<Long> obstacleId) {
        org.praxis.jooq.tables.Obstacle o = OBSTACLE.as("obstacles_l");
        return DSL.field(DSL.select(o.LABEL).from(o).where(o.ID.eq(obstacleId)));
    }

    /** The obstacle's place in its cohort's list, to show several in that order. */
    public static Field<Integer> position(Field<Long> obstacleId) {
        org.praxis.jooq.tables.Obstacle o = OBSTACLE.as("obstacles_p");
        return DSL.field(DSL.select(o.POSITION).from(o).where(o.ID.eq(obstacleId)));
    }
}
