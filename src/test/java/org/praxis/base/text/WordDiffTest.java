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
                new Segment(Kind.REMOVED, "the same"),
                new Segment(Kind.ADDED, "fairly"));
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
    void a_long_text_with_a_few_changes_shows_just_those_words() {
        // 20,000 words: far past the old table's 4,000,000 cells, which gave up and marked it all
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            words.append("word").append(i).append(i % 12 == 11 ? ".\n" : " ");
        }
        String before = words.toString();
        String after = before.replace("word100 ", "word100 inserted ").replace("word7000 ", "")
                .replace("word19000 ", "changed ");

        List<Segment> diff = WordDiff.between(before, after);

        // which of the spaces around a change counts as changed is the diff's choice
        assertThat(diff.stream().filter(s -> s.kind() != Kind.SAME).map(s -> new Segment(s.kind(), s.text().strip())))
                .containsExactly(
                        new Segment(Kind.ADDED, "inserted"),
                        new Segment(Kind.REMOVED, "word7000"),
                        new Segment(Kind.REMOVED, "word19000"),
                        new Segment(Kind.ADDED, "changed"));
        assertRebuilds(diff, before, after);
    }

    private static void assertRebuilds(List<Segment> diff, String before, String after) {
        StringBuilder rebuilt = new StringBuilder();
        StringBuilder original = new StringBuilder();
        for (Segment s : diff) {
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
    void texts_with_no_word_in_common_keep_only_the_spaces() {
        String a = "word ".repeat(3000);
        String b = "other ".repeat(3000);
        List<Segment> diff = WordDiff.between(a, b);
        assertThat(diff).filteredOn(s -> s.kind() == Kind.SAME).allSatisfy(s -> assertThat(s.text()).isBlank());
        assertRebuilds(diff, a, b);
    }

    @Test
    void an_empty_side_is_all_added_or_all_removed() {
        assertThat(WordDiff.between("", "new words")).containsExactly(new Segment(Kind.ADDED, "new words"));
        assertThat(WordDiff.between(null, "new words")).containsExactly(new Segment(Kind.ADDED, "new words"));
        assertThat(WordDiff.between("old words", "")).containsExactly(new Segment(Kind.REMOVED, "old words"));
        assertThat(WordDiff.between("", "")).isEmpty();
    }
}
