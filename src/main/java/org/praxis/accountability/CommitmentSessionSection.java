package org.praxis.accountability;

import java.util.List;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionSection;
import org.springframework.stereotype.Component;

/** On a session's page, the way to make a commitment coming out of it (everyone let onto the page may). */
@Component
class CommitmentSessionSection implements SessionSection {

    private final org.praxis.cohort.CohortAccess access;

    CommitmentSessionSection(org.praxis.cohort.CohortAccess access) {
        this.access = access;
    }

    @Override
    public int position() {
        return 30;
    }

    @Override
    public Part of(SessionDetails session) {
        if (access.closedAt(session.cohortId()).isPresent()) {
            // nothing new is made in a closed cohort
            return Part.EMPTY;
        }
        return Part.actions("commitments", List.of(new Action("session-commit", Text.of("session.commit"),
                "commitments?cohort=" + session.cohortId() + "&session=" + session.id())));
    }
}
