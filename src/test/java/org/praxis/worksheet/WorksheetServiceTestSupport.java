package org.praxis.worksheet;

import java.util.List;

/** Templates for tests of worksheets. */
public final class WorksheetServiceTestSupport {

    private WorksheetServiceTestSupport() {
    }

    /** A template with one question of every kind, in two steps. */
    public static TemplateDefinition everyKind(String title) {
        return new TemplateDefinition(title, "Why we ask", List.of(
                new Step("Words", "", List.of(
                        new Question(null, QuestionKind.LONG_TEXT, "What happened?", "Take your time", true, null, null, null),
                        new Question(null, QuestionKind.SHORT_TEXT, "Which policy?", null, false, null, null, null),
                        new Question(null, QuestionKind.EQUITY_PAIR, "Equality or equity?", null, false, null, null, null),
                        new Question(null, QuestionKind.BENEFIT_BURDEN, "Who benefits?", null, false, null, null, null))),
                new Step("Choices", "Pick", List.of(
                        new Question(null, QuestionKind.SINGLE_CHOICE, "One barrier", null, false,
                                List.of("Political", "Financial"), null, null),
                        new Question(null, QuestionKind.MULTIPLE_CHOICE, "Barriers", null, false,
                                List.of("Mandated", "Political", "Emotional"), null, null),
                        new Question(null, QuestionKind.SCALE, "How ready?", null, false, null, "Not at all", "Fully"),
                        new Question(null, QuestionKind.YES_NO, "Data broken down?", null, false, null, null, null)))));
    }

}
