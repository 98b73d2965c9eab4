package org.praxis.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counts read right for one and for many ("assigned once", not "assigned 1 times"). */
class PluralFormsTest {

    private final Messages messages = new Messages();

    @Test
    void counts_of_one_read_in_the_singular_and_larger_counts_in_the_plural() {
        assertThat(messages.text("worksheet.templates.meta", "Purpose", 1, 1, 1, 1))
                .isEqualTo("Purpose · one step · one question · version 1 · assigned once");
        assertThat(messages.text("worksheet.templates.meta", "Purpose", 3, 7, 2, 4))
                .isEqualTo("Purpose · 3 steps · 7 questions · version 2 · assigned 4 times");
        assertThat(messages.text("worksheet.templates.meta", "Purpose", 2, 2, 1, 0)).endsWith("not assigned yet");
        assertThat(messages.text("mail-admin.tries", 1, "today")).isEqualTo("Tried once · queued today");
        assertThat(messages.text("thread.slow-mode-badge", 1)).isEqualTo("Slow mode: one post every minute");
        assertThat(messages.text("thread.slow-mode.minutes", 5)).isEqualTo("One post every 5 minutes");
    }
}
