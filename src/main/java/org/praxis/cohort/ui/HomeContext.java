package org.praxis.cohort.ui;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What a {@link HomeContribution} is told about the home being built: the cohort, whether the
 * reader facilitates it, whether it is closed (no write controls then), its time zone (every time
 * on home is shown in it), and since when things count as new (the reader's last visit).
 * {@code headingLevel}: the level of the block's heading in its group (2 or 3), so headings stay in
 * order whatever the group.
 */
public record HomeContext(long cohortId, String cohortName, boolean facilitator, boolean closed, ZoneId zone,
        OffsetDateTime since, boolean firstVisit, int headingLevel) {

    /** The parts of home, in page order. */
    public enum Group {
        /** at the top, each block with its own heading: the next session */
        NEXT(null),
        /** "New since your last visit": replies, the library, worksheets */
        NEW("home.group.new"),
        /** the reader's own open work: commitments */
        MINE(null),
        /** for facilitators: "Needs you" */
        NEEDS_YOU("home.group.needs-you");

        private final String headingKey;

        Group(String headingKey) {
            this.headingKey = headingKey;
        }

        /** The group's own heading (h2, its blocks' are h3), or null when each block has an h2. */
        public String headingKey() {
            return headingKey;
        }
    }

    /** A text of the message bundle in the reader's language. */
    public String t(String key, Object... args) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, args);
    }

    /** The reader's locale, for dates and times. */
    public java.util.Locale locale() {
        return com.vaadin.flow.component.UI.getCurrent().getLocale();
    }

    HomeContext withHeadingLevel(int level) {
        return new HomeContext(cohortId, cohortName, facilitator, closed, zone, since, firstVisit, level);
    }
}
