package org.praxis.worksheet;

/** What a question asks for, and so how it is answered and counted. */
public enum QuestionKind {
    LONG_TEXT,
    SHORT_TEXT,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    /** 1 to 5, with a label for each end. */
    SCALE,
    YES_NO,
    /** Two linked answers: how the policy treats everyone the same, and what each group actually needs. */
    EQUITY_PAIR,
    /** Groups named by the member as rows, with the benefits and the burdens each one carries. */
    BENEFIT_BURDEN;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    /** Answers that can be counted across responses without showing anyone's words. */
    public boolean countable() {
        return hasOptions() || this == SCALE || this == YES_NO;
    }

    /** Answers in the member's own words. */
    public boolean written() {
        return this == LONG_TEXT || this == SHORT_TEXT || this == EQUITY_PAIR || this == BENEFIT_BURDEN;
    }
}
