package org.praxis.base.security;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Signs a user in from the login view: checks the password through the same throttled
 * authentication manager as the form-login endpoint, renews the session id against session
 * fixation, and stores the security context in the session.
 */
@Service
public class SignInService {

    private final AuthenticationManager authenticationManager;
    private final SignedInSessions sessions;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SignInService(AuthenticationManager authenticationManager, SignedInSessions sessions) {
        this.authenticationManager = authenticationManager;
        this.sessions = sessions;
    }

    /**
     * Signs in, or throws the {@link AuthenticationException} saying why not: bad credentials,
     * a deactivated account ({@code DisabledException}), or {@link SignInThrottledException}.
     *
     * @return where to go next: the page the user first asked for, or the home page
     */
    public String signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                email == null ? "" : email.strip(), password == null ? "" : password);
        HttpSession before = request.getSession(false);
        attempt.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), before == null ? null : before.getId()));
        Authentication authentication = authenticationManager.authenticate(attempt);

        HttpSession session = request.getSession(true);
        request.changeSessionId();
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        repository.saveContext(context, request, response);
        sessions.signedIn(((PraxisUser) authentication.getPrincipal()).id(), session);

        Object stored = session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
        return stored instanceof String path && !path.isBlank() && !path.startsWith("login") ? path : "";
    }
}
