package org.praxis.practice;

import java.util.List;

/** What the author may link a note to: their own readable sessions, commitments, analyses, responses and threads. */
public record NoteChoices(List<Choice> sessions, List<Choice> commitments, List<Choice> analyses, List<Choice> responses,
        List<Choice> threads) {

    /** One thing to pick, by id and title. */
    public record Choice(long id, String title) {
    }
}
