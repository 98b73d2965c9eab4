package org.praxis.worksheet;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** One round of one member's response, with the questions of the version it was started on. */
public record ResponseDetails(long id, long assignmentId, long cohortId, long memberId, String authorName, int round,
        int templateVersion, TemplateDefinition definition, Map<String, Answer> answers, int currentStep,
        ResponseStatus status, Visibility visibility, Long analysisId, String analysisTitle, String sessionTitle,
        LocalDate dueOn, LocalDate reviewOn, OffsetDateTime updatedAt, OffsetDateTime submittedAt, boolean mine) {

    public Answer answer(String key) {
        return answers.getOrDefault(key, Answer.EMPTY);
    }

    public boolean editable() {
        return mine && status == ResponseStatus.IN_PROGRESS;
    }
}
