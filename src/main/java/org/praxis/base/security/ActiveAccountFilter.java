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
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs inside the security filter chain on every request of a signed-in session: registers the
 * session with {@link SignedInSessions}, and ends it when the account has been deactivated, even
 * if that happened on another app node. The account's state is re-read at most every few seconds.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final AccountDetailsService accounts;
    private final SignedInSessions sessions;
    private final Clock clock;
    private final SecurityContextHolderStrategy securityContexts;
    private final Map<Long, Long> checkedAtMillis = new ConcurrentHashMap<>();

    /**
     * @param securityContexts the holder the rest of the filter chain uses (not the static one: with a second
     *                         application in the JVM, as in tests, that may belong to the other one)
     */
    ActiveAccountFilter(AccountDetailsService accounts, SignedInSessions sessions, Clock clock,
            SecurityContextHolderStrategy securityContexts) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
        this.securityContexts = securityContexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = securityContexts.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session != null && authentication != null && authentication.getPrincipal() instanceof PraxisUser user) {
            sessions.track(user.id(), session);
            if (!stillActive(user.id())) {
                sessions.endSessionsOf(user.id());
                securityContexts.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillActive(long memberId) {
        long now = clock.millis();
        Long last = checkedAtMillis.get(memberId);
        if (last != null && now - last < RECHECK.toMillis()) {
            return true;
        }
        boolean active = accounts.isActive(memberId);
        if (active) {
            checkedAtMillis.put(memberId, now);
        } else {
            checkedAtMillis.remove(memberId);
        }
        return active;
    }
}
