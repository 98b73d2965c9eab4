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

    @Test
    void sizes_readers_completion_and_link_durations_read_right_for_one() {
        assertThat(messages.text("composition.size", 5, 15, 1, 1))
                .isEqualTo("5 of 15 places: 1 member and 1 shortlisted or invited applicant.");
        assertThat(messages.text("composition.size", 5, 15, 3, 2))
                .isEqualTo("5 of 15 places: 3 members and 2 shortlisted or invited applicants.");
        assertThat(messages.text("worksheet.readers.you-and", 1, "Ana"))
                .isEqualTo("You and one other person can read it: Ana.");
        assertThat(messages.text("worksheet.readers.you-and", 2, "Ana, Bo"))
                .isEqualTo("You and 2 others can read it: Ana, Bo.");
        assertThat(messages.text("worksheet.completion.summary", 0, 1)).isEqualTo("0 of 1 member has submitted.");
        assertThat(messages.text("worksheet.completion.summary", 4, 4)).isEqualTo("4 of 4 members have submitted.");
        assertThat(messages.text("cohort.capacity.below-people", 1)).startsWith("One person is in this cohort already");
        assertThat(messages.text("mail.password-reset.body", "Ana", "http://x/1", 1L)).contains("for one minute.");
        assertThat(messages.text("mail.password-reset.body", "Ana", "http://x/1", 30L)).contains("for 30 minutes.");
        assertThat(messages.text("mail.invited.body", "Ana", "C", "http://x/1", 1L)).contains("for one day.");
        assertThat(messages.text("mail.email-change.body", "Ana", "http://x/1", 1L)).contains("within an hour ");
        assertThat(messages.text("setup.refused.text", 24L)).contains("for 24 hours,");
        assertThat(messages.text("forgot.sent", 1L)).contains("for one minute.");
        assertThat(messages.text("reset.refused.text", 30L)).contains("for 30 minutes,");
    }
}
