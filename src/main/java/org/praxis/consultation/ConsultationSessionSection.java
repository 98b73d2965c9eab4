package org.praxis.consultation;

import java.util.List;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionSection;
import org.springframework.stereotype.Component;

/** The consultations planned in a session, on its page, with each one's stage. */
@Component
class ConsultationSessionSection implements SessionSection {

    private final ConsultationService consultations;

    ConsultationSessionSection(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public int position() {
        return 25;
    }

    @Override
    public Part of(SessionDetails session) {
        List<Card> cards = consultations.inSession(session.id()).stream()
                .map(c -> new Card("consultation-" + c.id(), c.title(), ConsultationService.path(c.id()),
                        List.of(Text.of("consultation.stage." + c.stage().name())),
                        c.presenterName() == null ? List.of() : List.of(Text.of("consultation.brought-by", c.presenterName()))))
                .toList();
        return cards.isEmpty() ? Part.EMPTY : Part.cards("consultations", Text.of("consultation.session.heading"), cards);
    }
}
