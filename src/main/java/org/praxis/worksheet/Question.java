package org.praxis.worksheet;

import java.util.List;

/**
 * One question of a step. {@code key} stays the same across versions of a template, so rounds
 * answered on different versions line up; {@code options} are the choices of a choice question;
 * {@code lowLabel} and {@code highLabel} name the ends of a scale.
 */
public record Question(String key, QuestionKind kind, String prompt, String help, boolean required,
        List<String> options, String lowLabel, String highLabel) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        help = help == null ? "" : help;
        lowLabel = lowLabel == null ? "" : lowLabel;
        highLabel = highLabel == null ? "" : highLabel;
    }

    public Question withKey(String newKey) {
        return new Question(newKey, kind, prompt, help, required, options, lowLabel, highLabel);
    }
}
