package org.praxis.analysis;

import java.util.ArrayList;
import java.util.List;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionSection;
import org.springframework.stereotype.Component;

/** On a session's page, the analyses linked to it that the reader may see, featured first. */
@Component
class AnalysisSessionSection implements SessionSection {

    private final AnalysisService analyses;

    AnalysisSessionSection(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Part of(SessionDetails session) {
        List<Card> cards = new ArrayList<>();
        for (AnalysisSummary a : analyses.forSession(session.id())) {
            cards.add(new Card("analysis-" + a.id(), a.title(), "analyses/" + a.id(),
                    a.featured() ? List.of(Text.of("session.analysis-featured")) : List.of(),
                    List.of(Text.of("analysis.by", String.join(", ", a.authors())))));
        }
        return cards.isEmpty() ? Part.EMPTY : Part.cards("analyses", Text.of("session.analyses"), cards);
    }
}
