package org.praxis.base.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as people read them, in the reader's language and the cohort's time zone. */
public final class Times {

    private Times() {
    }

    public static String dateTime(ZonedDateTime t, Locale locale) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(t) + " " + t.getZone().getDisplayName(java.time.format.TextStyle.SHORT, locale);
    }

    public static String dateTime(OffsetDateTime t, ZoneId zone, Locale locale) {
        return t == null ? "" : dateTime(t.atZoneSameInstant(zone), locale);
    }

    public static String time(ZonedDateTime t, Locale locale) {
        return t == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(t);
    }
}
