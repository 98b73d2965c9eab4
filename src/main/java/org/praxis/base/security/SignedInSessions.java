package org.praxis.base.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import java.time.Instant;
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
    static final String SIGNED_IN_AT_ATTRIBUTE = SignedInSessions.class.getName() + ".signedInAt";

    private final Map<Long, Set<HttpSession>> byMember = new ConcurrentHashMap<>();
    private final Clock clock;

    SignedInSessions(Clock clock) {
        this.clock = clock;
    }

    /** Remembers that this session belongs to the member (from when it is first seen, if not told at sign-in). */
    public void track(long memberId, HttpSession session) {
        if (session.getAttribute(MEMBER_ATTRIBUTE) == null) {
            session.setAttribute(MEMBER_ATTRIBUTE, memberId);
        }
        if (session.getAttribute(SIGNED_IN_AT_ATTRIBUTE) == null) {
            session.setAttribute(SIGNED_IN_AT_ATTRIBUTE, clock.instant());
        }
        byMember.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** The member has just signed in on this session: it is theirs from now on. */
    void signedIn(long memberId, HttpSession session) {
        session.setAttribute(MEMBER_ATTRIBUTE, memberId);
        session.setAttribute(SIGNED_IN_AT_ATTRIBUTE, clock.instant());
        track(memberId, session);
    }

    /** When the session signed in, as far as this node knows; null when never told. */
    static Instant signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT_ATTRIBUTE) instanceof Instant at ? at : null;
    }

    /** Ends this one session. */
    void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile
        }
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
