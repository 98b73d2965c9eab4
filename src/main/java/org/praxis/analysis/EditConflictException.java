package org.praxis.analysis;

/**
 * Someone else saved the analysis since this editor loaded it. Carries what is saved now, so
 * the editor can show both texts and let the writer choose; nothing was written.
 */
public class EditConflictException extends RuntimeException {

    private final transient AnalysisDetails current;

    public EditConflictException(AnalysisDetails current) {
        super("The analysis was saved by someone else in the meantime");
        this.current = current;
    }

    public AnalysisDetails current() {
        return current;
    }
}
