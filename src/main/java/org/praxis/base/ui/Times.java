package org.praxis.base.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as people read them, in the reader's language and the cohort's time zone. */
public final class Times {

    private static final java.util.Map<Locale, DateTimeFormatter> DATE_TIMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<Locale, DateTimeFormatter> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    private Times() {
    }

    public static String dateTime(ZonedDateTime t, Locale locale) {
        if (t == null) {
            return "";
        }
        DateTimeFormatter format = DATE_TIMES.computeIfAbsent(locale, l -> new java.time.format.DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))
                .appendLiteral(' ')
                .appendZoneText(java.time.format.TextStyle.SHORT)
                .toFormatter(l));
        return format.format(t);
    }

    public static String dateTime(OffsetDateTime t, ZoneId zone, Locale locale) {
        return t == null ? "" : dateTime(t.atZoneSameInstant(zone), locale);
    }

    /** A day, as the locale writes it in full-ish form ("Nov 28, 2026"). */
    public static String date(java.time.LocalDate d, Locale locale) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
    }

    public static String time(ZonedDateTime t, Locale locale) {
        return t == null ? "" : TIMES.computeIfAbsent(locale,
                l -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l)).format(t);
    }
}
