package org.praxis.accountability;

import org.praxis.audit.AuditService;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.obstacle.ObstacleService;
import org.praxis.session.PromptDraft;
import org.praxis.session.SessionService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** From what gets in the way to the next conversation: a session prompt about an obstacle, in one step. */
@Service
public class ObstaclePrompts {

    private final ObstacleService obstacles;
    private final SessionService sessions;
    private final CohortAccess access;
    private final AuditService audit;

    ObstaclePrompts(ObstacleService obstacles, SessionService sessions, CohortAccess access, AuditService audit) {
        this.obstacles = obstacles;
        this.sessions = sessions;
        this.access = access;
        this.audit = audit;
    }

    /** A facilitator adds a prompt about the obstacle to a session of its cohort; returns the prompt's id. */
    @Transactional
    public long open(long obstacleId, long sessionId, String question) {
        long cohortId = obstacles.cohortOf(obstacleId);
        PraxisUser me = access.requireFacilitator(cohortId);
        if (sessions.get(sessionId).cohortId() != cohortId) {
            throw new AccessDeniedException("Not a session of the obstacle's cohort");
        }
        PromptDraft draft = new PromptDraft();
        draft.setQuestion(question);
        long prompt = sessions.addPrompt(sessionId, draft);
        audit.record(me.id(), "obstacle.prompt-opened", "obstacle", obstacleId, null, String.valueOf(prompt));
        return prompt;
    }
}
