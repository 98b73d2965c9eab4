package org.praxis.worksheet;

import java.util.List;

/** One page of a worksheet: a title, a few words of guidance, and its questions in order. */
public record Step(String title, String intro, List<Question> questions) {

    public Step {
        intro = intro == null ? "" : intro;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
