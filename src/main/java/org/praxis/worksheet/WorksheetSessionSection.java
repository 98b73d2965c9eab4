package org.praxis.worksheet;

import java.util.List;
import java.util.Locale;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionSection;
import org.springframework.stereotype.Component;

/** On a session's page, the worksheets given for it, each with where the reader is with it. */
@Component
class WorksheetSessionSection implements SessionSection {

    private final WorksheetService worksheets;

    WorksheetSessionSection(WorksheetService worksheets) {
        this.worksheets = worksheets;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Part of(SessionDetails session) {
        List<Card> cards = worksheets.forSession(session.id()).stream()
                .map(a -> new Card("worksheet-" + a.id(), a.title(), "worksheets/assignments/" + a.id(), List.of(),
                        List.of(Text.of("worksheet.your-status",
                                Text.of("worksheet.status." + a.myStatus().name().toLowerCase(Locale.ROOT))))))
                .toList();
        return cards.isEmpty() ? Part.EMPTY : Part.cards("worksheets", Text.of("session.worksheets"), cards);
    }
}
