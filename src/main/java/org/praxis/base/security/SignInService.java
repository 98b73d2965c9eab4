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
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
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
    private final RequestCache requestCache = new HttpSessionRequestCache();

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
        if (!(stored instanceof String path && !path.isBlank())) {
            // a signed-out visitor who opened a page's address (a link from a mail) was sent here by
            // Spring Security, which kept that request rather than Vaadin
            SavedRequest saved = requestCache.getRequest(request, response);
            requestCache.removeRequest(request, response);
            stored = saved == null ? null : pathOf(saved.getRedirectUrl(), request.getContextPath());
        }
        return stored instanceof String path && !path.isBlank() && !path.startsWith("login") ? path : "";
    }

    /** The path and query of a URL of this app, without its context path or leading slash; never another host. */
    static String pathOf(String url, String contextPath) {
        try {
            java.net.URI uri = new java.net.URI(url);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
                path = path.substring(contextPath.length());
            }
            path = path.replaceFirst("^/+", "");
            if (path.startsWith("VAADIN") || path.startsWith("HEARTBEAT") || uri.getRawQuery() != null
                    && uri.getRawQuery().contains("v-r=")) {
                return "";
            }
            // Spring marks the request it kept with a "continue" parameter the page has no use for
            String query = uri.getRawQuery() == null ? "" : java.util.Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !p.equals("continue") && !p.startsWith("continue="))
                    .collect(java.util.stream.Collectors.joining("&"));
            return query.isEmpty() ? path : path + "?" + query;
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }
}
