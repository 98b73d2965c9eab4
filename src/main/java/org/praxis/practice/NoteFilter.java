package org.praxis.practice;

import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;

/** A cohort's notes page's filters; null is any. */
public record NoteFilter(String tag, Dimension dimension, PolicyArea area, Long authorId, Long sessionId) {

    public static NoteFilter all() {
        return new NoteFilter(null, null, null, null, null);
    }
}
