package org.praxis.worksheet;

import java.util.List;

/**
 * Counts for one choice, scale or yes/no question across the shared responses. With fewer than
 * {@link WorksheetReports#MIN_RESPONSES} responses, {@code hidden} is set and no count is given.
 */
public record QuestionCounts(Question question, int responses, boolean hidden, List<Count> counts) {

    /** {@code value}: the option, the scale point ("1" to "5"), or "yes"/"no". */
    public record Count(String value, int count) {
    }
}
