package org.praxis.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rule against characters PostgreSQL cannot store, and the cleaning that drops them. */
class ValidationTest {

    private static Problem problem(String value) {
        try {
            new Validation().maxLength("body", value, 10_000).throwIfInvalid();
        } catch (InvalidInputException e) {
            return e.problems().get("body");
        }
        return null;
    }

    @Test
    void the_message_quotes_at_most_the_last_words_before_the_character_on_one_line() {
        Problem p = problem("We looked at the intake form\nand the fee scale\u0000 together.");

        assertThat(p.key()).isEqualTo("validation.unstorable");
        assertThat(p.args()).containsExactly("…form and the fee scale");
    }

    @Test
    void visible_text_passes_and_whole_surrogate_pairs_are_storable() {
        assertThat(problem("Tribal health \uD83C\uDF3F clinic")).isNull();
        assertThat(problem(null)).isNull();
        assertThat(problem("A lone \uDE00 half").key()).isEqualTo("validation.unstorable");
    }

    @Test
    void required_text_is_checked_as_well() {
        assertThatThrownBy(() -> new Validation().required("title", "\u0000Hiring", 200).throwIfInvalid())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get("title").key()).isEqualTo("validation.unstorable.start"));
    }

    @Test
    void cleaning_drops_what_cannot_be_stored_and_keeps_the_rest() {
        assertThat(Validation.storable("a\u0000b\uD83Dc\uD83C\uDF3F")).isEqualTo("abc\uD83C\uDF3F");
        assertThat(Validation.clean(" \u0000 ")).isNull();
        assertThat(Validation.storable(null)).isNull();
    }
}
