package org.praxis.base.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user, for services that check rights again behind the views. */
@Component
public class CurrentUser {

    public Optional<PraxisUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof PraxisUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The signed-in user; refuses when nobody is signed in. */
    public PraxisUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The signed-in user if they hold one of the roles; refuses otherwise. */
    public PraxisUser requireRole(Role... roles) {
        PraxisUser user = require();
        if (!user.hasRole(roles)) {
            throw new AccessDeniedException("Role " + user.role() + " may not do this");
        }
        return user;
    }

    /**
     * The signed-in person changed their own name or email address: from now on this session's
     * principal says so too (the shell, and services that read the signed-in person), without
     * signing in again. The session's security context is changed in place, and stored again in
     * the HTTP session so that a session store that copies attributes sees it.
     */
    public void refresh(String email, String displayName) {
        PraxisUser user = require();
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication before = context.getAuthentication();
        PraxisUser updated = new PraxisUser(user.id(), email, displayName, user.role(), user.isEnabled(), null);
        AbstractAuthenticationToken after = UsernamePasswordAuthenticationToken.authenticated(updated, null,
                before.getAuthorities());
        after.setDetails(before.getDetails());
        context.setAuthentication(after);
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(
                    org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    context);
        }
    }
}
