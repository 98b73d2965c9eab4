package org.praxis.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The floor of three, and totals that would give a hidden count away. */
class CountTest {

    @Test
    void a_count_of_one_or_two_is_fewer_than_3_and_keeps_no_number() {
        assertThat(Count.of(1)).isEqualTo(new Count(0, Count.Shown.FEWER_THAN_3));
        assertThat(Count.of(2)).isEqualTo(new Count(0, Count.Shown.FEWER_THAN_3));
        assertThat(Count.of(0)).isEqualTo(new Count(0, Count.Shown.NUMBER));
        assertThat(Count.of(3)).isEqualTo(new Count(3, Count.Shown.NUMBER));
    }

    @Test
    void a_total_is_shown_when_no_row_is_hidden() {
        assertThat(Count.total(List.of(3L, 0L, 5L))).isEqualTo(Count.of(8));
    }

    @Test
    void a_total_less_the_shown_rows_would_tell_a_single_hidden_row_so_it_is_not_shown() {
        assertThat(Count.total(List.of(4L, 1L)).shown()).isEqualTo(Count.Shown.WITHHELD);
        assertThat(Count.total(List.of(4L, 2L, 0L)).shown()).isEqualTo(Count.Shown.WITHHELD);
    }

    @Test
    void hidden_rows_that_add_up_to_all_ones_or_all_twos_would_be_told_too() {
        assertThat(Count.total(List.of(5L, 1L, 1L)).shown()).isEqualTo(Count.Shown.WITHHELD);
        assertThat(Count.total(List.of(5L, 2L, 2L)).shown()).isEqualTo(Count.Shown.WITHHELD);
        // 1 + 2 or 2 + 1: neither row is told
        assertThat(Count.total(List.of(5L, 1L, 2L))).isEqualTo(Count.of(8));
    }

    @Test
    void a_small_total_is_fewer_than_3_whatever_its_rows() {
        assertThat(Count.total(List.of(1L, 1L))).isEqualTo(Count.of(2));
        assertThat(Count.total(List.of(0L, 0L))).isEqualTo(Count.of(0));
    }

    @Test
    void its_words_are_the_number_or_the_floor() {
        assertThat(Count.of(7).text(k -> k)).isEqualTo("7");
        assertThat(Count.of(2).text(k -> k)).isEqualTo("learning.fewer-than-3");
        assertThat(Count.total(List.of(4L, 1L)).text(k -> k)).isEqualTo("learning.withheld");
    }
}
