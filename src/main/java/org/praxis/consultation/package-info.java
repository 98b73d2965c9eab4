/**
 * Peer consultations (a case clinic): a member brings a dilemma in a few lines — the situation,
 * what they have tried, their question — and the cohort's facilitators run it in one of its
 * sessions or over a few days, through timed stages shown to everyone: clarifying questions (the
 * presenter answers), peers' reflections while the presenter only reads, the presenter's response
 * and next step (which can become their commitment), then closed. The talk happens in a thread of
 * the conversation feature, so every safeguard of a thread applies; who may post in it at each
 * stage is this feature's one rule, given to the thread service through its
 * {@code PostingGate} ({@link org.praxis.consultation.ConsultationGate}).
 */
@Owns({"consultation", "consultation_move"})
package org.praxis.consultation;

import org.praxis.base.Owns;
