package org.praxis.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs inside the security filter chain on every request of a signed-in session: registers the
 * session with {@link SignedInSessions}, and ends it when the account has been deactivated, or
 * when the account's sessions were ended after this one signed in (a password reset by link),
 * even if that happened on another app node. The account's state is re-read at most every few
 * seconds.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final AccountDetailsService accounts;
    private final SignedInSessions sessions;
    private final Clock clock;
    private final Map<Long, Checked> checked = new ConcurrentHashMap<>();
    private final SecurityContextHolderStrategy contexts;

    /**
     * {@code contexts}: the holder the security filter chain itself fills (Vaadin's), not whatever
     * {@link SecurityContextHolder} holds globally now; another application context started in the
     * same JVM (as tests do) replaces that global one.
     */
    ActiveAccountFilter(AccountDetailsService accounts, SignedInSessions sessions, Clock clock,
            SecurityContextHolderStrategy contexts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.getPrincipal() instanceof PraxisUser user) {
            sessions.track(user.id(), session);
            AccountDirectory.SessionState state = state(user.id());
            if (!state.active()) {
                sessions.endSessionsOf(user.id());
                contexts.clearContext();
            } else if (!state.allows(SignedInSessions.signedInAt(session))) {
                // this session only: the account signed in again since, elsewhere
                sessions.end(session);
                contexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private record Checked(long atMillis, AccountDirectory.SessionState state) {
    }

    private AccountDirectory.SessionState state(long memberId) {
        long now = clock.millis();
        Checked last = checked.get(memberId);
        if (last != null && now - last.atMillis() < RECHECK.toMillis()) {
            return last.state();
        }
        AccountDirectory.SessionState state = accounts.sessionState(memberId);
        if (state.active()) {
            checked.put(memberId, new Checked(now, state));
        } else {
            checked.remove(memberId);
        }
        return state;
    }
}
