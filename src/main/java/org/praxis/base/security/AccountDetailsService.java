package org.praxis.base.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for Spring Security by email, case-insensitively, from the member feature. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final AccountDirectory accounts;

    AccountDetailsService(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public PraxisUser loadUserByUsername(String email) {
        return accounts.signInAccount(email).orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    /** Whether the account exists and is active; used on every request of a signed-in session. */
    boolean isActive(long memberId) {
        return accounts.isActive(memberId);
    }

    /** Whether the account is active and when its sessions were last ended; read by the same filter. */
    AccountDirectory.SessionState sessionState(long memberId) {
        return accounts.sessionState(memberId);
    }
}
