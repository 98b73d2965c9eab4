package org.praxis.consultation;

import static org.praxis.jooq.Tables.CONSULTATION;

import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.praxis.conversation.PostingGate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule of who may post in a consultation's thread now, which the thread service asks
 * before every post, reply and edit (and its page, to say why the box is closed):
 * <ul>
 * <li>waiting or scheduled: nobody yet;</li>
 * <li>clarifying questions: everyone (peers ask, the presenter answers);</li>
 * <li>reflections: everyone but the presenter, who only reads;</li>
 * <li>the presenter's response: the presenter and the facilitators; peers react to it;</li>
 * <li>closed: nobody (it stays to read).</li>
 * </ul>
 */
@Component
class ConsultationGate implements PostingGate {

    private final DSLContext db;

    ConsultationGate(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Text> refusal(long threadId, long memberId, boolean facilitator) {
        var c = db.select(CONSULTATION.STAGE, CONSULTATION.PRESENTER_ID).from(CONSULTATION)
                .where(CONSULTATION.THREAD_ID.eq(threadId)).fetchOne();
        if (c == null) {
            return Optional.empty();
        }
        return refusal(Stage.valueOf(c.value1()), Objects.equals(c.value2(), memberId), facilitator)
                .map(Text::of);
    }

    /** The rule itself: the message key of why not, or empty when they may post. */
    static Optional<String> refusal(Stage stage, boolean presenter, boolean facilitator) {
        return Optional.ofNullable(switch (stage) {
            case WAITING, SCHEDULED -> "consultation.gate.not-started";
            case QUESTIONS -> null;
            case REFLECTIONS -> presenter ? "consultation.gate.presenter-listens" : null;
            case RESPONSE -> presenter || facilitator ? null : "consultation.gate.peers-react";
            case CLOSED -> "consultation.gate.closed";
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Back> back(long threadId) {
        return db.select(CONSULTATION.ID, CONSULTATION.TITLE).from(CONSULTATION)
                .where(CONSULTATION.THREAD_ID.eq(threadId))
                .fetchOptional(r -> new Back(ConsultationService.path(r.value1()),
                        Text.of("consultation.back", r.value2())));
    }
}
