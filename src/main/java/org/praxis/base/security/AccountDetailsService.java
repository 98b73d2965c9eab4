package org.praxis.base.security;

import static org.praxis.jooq.Tables.MEMBER;

import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for Spring Security by email, case-insensitively. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final DSLContext db;

    AccountDetailsService(DSLContext db) {
        this.db = db;
    }

    @Override
    public PraxisUser loadUserByUsername(String email) {
        String key = Accounts.key(email);
        return db.selectFrom(MEMBER)
                .where(MEMBER.EMAIL.lower().eq(key))
                .fetchOptional(r -> new PraxisUser(r.getId(), r.getEmail(), r.getDisplayName(),
                        Role.valueOf(r.getRole()), r.getActive(), r.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    /** Whether the account exists and is active; used on every request of a signed-in session. */
    boolean isActive(long memberId) {
        return Boolean.TRUE.equals(db.select(MEMBER.ACTIVE).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchOne(MEMBER.ACTIVE));
    }
}
