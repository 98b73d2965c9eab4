package org.praxis.worksheet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One answer, whatever the kind of its question: {@code text} for written answers and a single
 * choice, {@code choices} for several, {@code scale} 1–5, {@code yes}, the {@code equality} and
 * {@code equity} halves of a pair, and {@code rows} of a benefit/burden table.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Answer(String text, List<String> choices, Integer scale, Boolean yes, String equality, String equity,
        List<GroupRow> rows) {

    /** One row of a benefit/burden table: a group the member named, and what the policy gives and costs it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GroupRow(String group, String benefits, String burdens) {

        @JsonIgnore
        public boolean isEmpty() {
            return blank(group) && blank(benefits) && blank(burdens);
        }
    }

    public static final Answer EMPTY = new Answer(null, List.of(), null, null, null, null, List.of());

    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public static Answer text(String text) {
        return new Answer(text, null, null, null, null, null, null);
    }

    public static Answer choices(List<String> choices) {
        return new Answer(null, choices, null, null, null, null, null);
    }

    public static Answer scale(Integer scale) {
        return new Answer(null, null, scale, null, null, null, null);
    }

    public static Answer yes(Boolean yes) {
        return new Answer(null, null, null, yes, null, null, null);
    }

    public static Answer pair(String equality, String equity) {
        return new Answer(null, null, null, null, equality, equity, null);
    }

    public static Answer rows(List<GroupRow> rows) {
        return new Answer(null, null, null, null, null, null, rows);
    }

    /** Nothing given: what a required question may not be left as. */
    @JsonIgnore
    public boolean isEmpty() {
        return blank(text) && choices.isEmpty() && scale == null && yes == null && blank(equality) && blank(equity)
                && rows.stream().allMatch(GroupRow::isEmpty);
    }

    /** A pair needs both halves, and a table one named group, to count as answered. */
    @JsonIgnore
    public boolean complete(QuestionKind kind) {
        return switch (kind) {
            case EQUITY_PAIR -> !blank(equality) && !blank(equity);
            case BENEFIT_BURDEN -> rows.stream().anyMatch(r -> !blank(r.group()));
            default -> !isEmpty();
        };
    }

    /** The words of the answer, for search and export. */
    @JsonIgnore
    public String words() {
        StringBuilder out = new StringBuilder();
        append(out, text);
        choices.forEach(c -> append(out, c));
        append(out, equality);
        append(out, equity);
        for (GroupRow r : rows) {
            append(out, r.group());
            append(out, r.benefits());
            append(out, r.burdens());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String text) {
        if (!blank(text)) {
            out.append(out.isEmpty() ? "" : "\n").append(text.strip());
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
