package org.praxis.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.base.text.WordDiff.Kind;
import org.praxis.base.text.WordDiff.Segment;

class WordDiffTest {

    @Test
    void a_changed_word_shows_as_removed_and_added_and_the_rest_stays() {
        List<Segment> diff = WordDiff.between("we treat everyone the same", "we treat everyone fairly");
        assertThat(diff).containsExactly(
                new Segment(Kind.SAME, "we treat everyone "),
                new Segment(Kind.ADDED, "fairly"),
                new Segment(Kind.REMOVED, "the same"));
    }

    @Test
    void identical_texts_have_no_changes_and_joining_the_kept_and_added_parts_gives_the_new_text() {
        assertThat(WordDiff.between("same words", "same words")).containsExactly(new Segment(Kind.SAME, "same words"));
        String before = "One policy, two groups, and a budget.";
        String after = "One new policy for three groups and no budget at all.";
        StringBuilder rebuilt = new StringBuilder();
        StringBuilder original = new StringBuilder();
        for (Segment s : WordDiff.between(before, after)) {
            if (s.kind() != Kind.REMOVED) {
                rebuilt.append(s.text());
            }
            if (s.kind() != Kind.ADDED) {
                original.append(s.text());
            }
        }
        assertThat(rebuilt).hasToString(after);
        assertThat(original).hasToString(before);
    }

    @Test
    void very_long_texts_are_compared_as_a_whole() {
        String a = "word ".repeat(3000);
        String b = "other ".repeat(3000);
        assertThat(WordDiff.between(a, b)).containsExactly(new Segment(Kind.REMOVED, a), new Segment(Kind.ADDED, b));
    }
}
