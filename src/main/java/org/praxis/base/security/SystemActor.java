package org.praxis.base.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs a block of code as an existing account, for work that no one does at a screen: the demo
 * data, which is seeded through the features' own services as the people of the demo would
 * write it (the facilitator opens the session, the member posts), so each service checks rights,
 * validates and writes its search and audit rows exactly as it does for that person.
 *
 * <p>Why this is safe, and no way around a rule: it grants nothing the account does not hold —
 * the account is read afresh from the {@link AccountDirectory} with its stored role, and an
 * unknown or deactivated one is refused; every service then refuses what that person may not do,
 * and the audit trail names them. It only ever acts on the calling thread (the strategy of
 * {@link SecurityContextHolder} is thread-local) and puts back what was there afterwards. And it
 * refuses on a thread where anybody is authenticated, anonymous visitors included, so no request
 * — which always carries a signed-in person or an anonymous one — can change whose it is; it
 * serves start-up work only. {@code ArchitectureTest} holds that the demo is its only user.
 */
@Component
public final class SystemActor {

    private final AccountDirectory accounts;

    SystemActor(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    /** Runs {@code work} as the account with this email address and returns what it returns. */
    public <T> T as(String email, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        if (before.getAuthentication() != null) {
            throw new IllegalStateException("Someone is already authenticated on this thread");
        }
        PraxisUser user = accounts.signInAccount(email).filter(PraxisUser::isEnabled)
                .orElseThrow(() -> new IllegalArgumentException("No active account " + email));
        user.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Runs {@code work} as the account with this email address. */
    public void run(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }
}
