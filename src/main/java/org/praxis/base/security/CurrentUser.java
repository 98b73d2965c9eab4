package org.praxis.base.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
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
}
