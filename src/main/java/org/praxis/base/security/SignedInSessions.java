package org.praxis.base.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions of each signed-in account on this node, so that deactivating an account ends
 * them at once. (Other nodes notice on the session's next request: see {@link ActiveAccountFilter}.)
 */
@Component
public class SignedInSessions implements HttpSessionListener {

    private static final String MEMBER_ATTRIBUTE = SignedInSessions.class.getName() + ".member";

    private final Map<Long, Set<HttpSession>> byMember = new ConcurrentHashMap<>();

    /** Remembers that this session belongs to the member. */
    public void track(long memberId, HttpSession session) {
        if (session.getAttribute(MEMBER_ATTRIBUTE) == null) {
            session.setAttribute(MEMBER_ATTRIBUTE, memberId);
        }
        byMember.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** Ends every session of the member on this node; returns how many there were. */
    public int endSessionsOf(long memberId) {
        Set<HttpSession> sessions = byMember.remove(memberId);
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile
            }
        }
        return ended;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object memberId = event.getSession().getAttribute(MEMBER_ATTRIBUTE);
        if (memberId instanceof Long id) {
            Set<HttpSession> sessions = byMember.get(id);
            if (sessions != null) {
                sessions.remove(event.getSession());
            }
        }
    }
}
