package org.praxis.learning;

import java.util.List;

/**
 * A figure of the report as it may be shown: its number when that is 0 or at least {@link #FLOOR},
 * else "fewer than 3"; a total is {@link Shown#WITHHELD} when it, less the rows shown, would give
 * away a row that reads "fewer than 3". The number of a hidden figure is never kept ({@code value}
 * is 0), so nothing downstream can show it by mistake.
 */
public record Count(long value, Shown shown) {

    /** The fewest a shown count may be. */
    public static final int FLOOR = 3;

    public enum Shown { NUMBER, FEWER_THAN_3, WITHHELD }

    public static Count of(long n) {
        return n > 0 && n < FLOOR ? new Count(0, Shown.FEWER_THAN_3) : new Count(n, Shown.NUMBER);
    }

    /**
     * The total of these counts, shown only when it cannot give away a hidden row: when no row is
     * hidden, or when several are and their sum still leaves each open (with {@code k} hidden rows
     * of 1 or 2 each, a hidden sum of {@code k} or {@code 2k} would tell every one of them).
     */
    public static Count total(List<Long> parts) {
        long sum = parts.stream().mapToLong(Long::longValue).sum();
        List<Long> hidden = parts.stream().filter(n -> n > 0 && n < FLOOR).toList();
        long hiddenSum = hidden.stream().mapToLong(Long::longValue).sum();
        int k = hidden.size();
        if (k == 0 || (k >= 2 && hiddenSum > k && hiddenSum < 2L * k)) {
            return of(sum);
        }
        return sum < FLOOR ? of(sum) : new Count(0, Shown.WITHHELD);
    }

    /** The figure in words as the report shows it: the number, "fewer than 3" or "not shown". */
    public String text(java.util.function.Function<String, String> translate) {
        return switch (shown) {
            case NUMBER -> String.valueOf(value);
            case FEWER_THAN_3 -> translate.apply("learning.fewer-than-3");
            case WITHHELD -> translate.apply("learning.withheld");
        };
    }

    public boolean isNumber() {
        return shown == Shown.NUMBER;
    }
}
