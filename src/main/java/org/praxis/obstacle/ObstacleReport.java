package org.praxis.obstacle;

import java.time.YearMonth;
import java.util.List;

/**
 * How often each obstacle was named, by month, in what is shared with the facilitators. A count
 * of one or two is never given ({@link Cell#fewerThanThree()}), nor the notes named with it; notes
 * come without names.
 */
public record ObstacleReport(List<YearMonth> months, List<Row> rows, List<Note> notes) {

    public record Row(Obstacle obstacle, List<Cell> byMonth, Cell total) {
    }

    /**
     * {@code count} is 0 when {@code fewerThanThree}, and when {@code withheld}: a total that,
     * less the months shown, would tell a hidden month's count.
     */
    public record Cell(int count, boolean fewerThanThree, boolean withheld) {

        public static final Cell WITHHELD = new Cell(0, false, true);

        public Cell(int count, boolean fewerThanThree) {
            this(count, fewerThanThree, false);
        }

        static Cell of(int n) {
            return n > 0 && n < 3 ? new Cell(0, true) : new Cell(n, false);
        }
    }

    /** A note given with a naming; only for an obstacle and month whose count is shown. */
    public record Note(long obstacleId, String obstacle, YearMonth month, String text) {
    }
}
