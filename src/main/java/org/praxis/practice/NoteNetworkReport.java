package org.praxis.practice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.i18n.Messages;
import org.praxis.learning.NetworkCounts;
import org.praxis.learning.NetworkPassage;
import org.praxis.learning.NetworkPassages;
import org.springframework.stereotype.Component;

/**
 * What practice notes give a cohort's network report: the notes published to the network whose
 * authors still consent (what they learned, with their name unless they removed it), and how many
 * notes the cohort posted by policy area. Both come from {@link PracticeNoteService}, with its
 * rights (the cohort's facilitators and admins).
 */
@Component
class NoteNetworkReport implements NetworkPassages, NetworkCounts {

    private final PracticeNoteService notes;
    private final Messages messages;

    NoteNetworkReport(PracticeNoteService notes, Messages messages) {
        this.notes = notes;
        this.messages = messages;
    }

    @Override
    public List<NetworkPassage> sharedWithNetwork(long cohortId, Instant from, Instant to) {
        return notes.sharedWithNetwork(cohortId, from, to).stream()
                .map(n -> new NetworkPassage("learning.passage.note", n.title(), n.learned(),
                        Optional.ofNullable(n.authorName()).filter(name -> !name.isBlank()), n.publishedAt(),
                        "notes/" + n.noteId()))
                .toList();
    }

    @Override
    public String labelKey() {
        return "learning.notes-by-area";
    }

    @Override
    public Map<String, Long> countsByArea(long cohortId, Instant from, Instant to) {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        notes.countsByPolicyArea(cohortId, from, to).forEach((area, n) -> byLabel.put(
                messages.text("analysis.area." + PolicyArea.valueOf(area).name().toLowerCase(java.util.Locale.ROOT)), n));
        return byLabel;
    }
}
