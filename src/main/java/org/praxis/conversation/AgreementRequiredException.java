package org.praxis.conversation;

/** The member has not yet acknowledged the cohort's current community agreements. */
public class AgreementRequiredException extends RuntimeException {

    private final transient Agreement agreement;

    public AgreementRequiredException(Agreement agreement) {
        super("Acknowledge version " + agreement.version() + " of the community agreements first");
        this.agreement = agreement;
    }

    public Agreement agreement() {
        return agreement;
    }
}
