package org.praxis.session;

import java.time.LocalDateTime;

/** What the prompt form sends; opening and closing are optional, in the cohort's time zone. */
public class PromptDraft {

    private String question = "";
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }
}
