package org.praxis.analysis;

import java.util.Locale;

/** The seven sections of an analysis, in order; each has a short guiding question (message bundle). */
public enum Section {
    PURPOSE, BURDEN, SAMENESS, CAUSES, VOICES, CHANGES, MEASURES;

    public static final int MAX = 20_000;

    /** The key in the message bundle and in stored JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
