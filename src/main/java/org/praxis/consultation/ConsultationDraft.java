package org.praxis.consultation;

/** What a member brings: a short title, the situation, what they have tried, and their question. */
public record ConsultationDraft(String title, String situation, String tried, String question) {
}
