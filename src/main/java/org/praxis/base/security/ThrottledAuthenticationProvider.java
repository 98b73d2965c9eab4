package org.praxis.base.security;

import java.time.Duration;
import java.util.Optional;
import org.praxis.base.AuditTrail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a password against the account, refusing while the account or the client address is
 * throttled, and records every outcome as a sign-in attempt and an audit event. A deactivated
 * account is refused only after its password was right, so the refusal tells a stranger nothing.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    ThrottledAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder, SignInThrottle throttle,
            AuditTrail audit, TransactionTemplate transaction) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(activeAccountCheck());
        this.throttle = throttle;
        this.audit = audit;
        this.transaction = transaction;
    }

    private static UserDetailsChecker activeAccountCheck() {
        return (UserDetails user) -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account deactivated");
            }
        };
    }

    /** The result of one attempt, carried out of the transaction so a refusal does not roll back its record. */
    private record Outcome(Authentication result, AuthenticationException refusal) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Outcome outcome = transaction.execute(status -> attempt(authentication));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.result();
    }

    private Outcome attempt(Authentication authentication) {
        String accountKey = Accounts.key(authentication.getName());
        String address = clientAddress(authentication);
        throttle.lock(accountKey, address);
        Optional<Duration> wait = throttle.retryAfter(accountKey, address);
        if (wait.isPresent()) {
            audit.record(null, "sign-in.throttled", "account", null, address, accountKey);
            return new Outcome(null, new SignInThrottledException(wait.get()));
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            PraxisUser user = (PraxisUser) result.getPrincipal();
            throttle.record(accountKey, address, true);
            audit.record(user.id(), "sign-in.succeeded", "member", user.id(), address, null);
            return new Outcome(result, null);
        } catch (DisabledException e) {
            throttle.record(accountKey, address, false);
            audit.record(null, "sign-in.refused-deactivated", "account", null, address, accountKey);
            return new Outcome(null, e);
        } catch (AuthenticationException e) {
            throttle.record(accountKey, address, false);
            audit.record(null, "sign-in.failed", "account", null, address, accountKey);
            return new Outcome(null, e);
        }
    }

    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
