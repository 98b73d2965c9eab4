package org.praxis.base.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the packages below the member feature need of accounts: sign-in and the check that an
 * account is still active (security), the email address a person's traces are filed under (audit
 * and sign-in history, when an account is erased), and people's names for the cohort and
 * organisation features, which the member feature itself depends on. The member feature, which
 * owns the {@code member} table, implements it; {@code base} depends on no feature. Features above
 * the member feature use its service and published fields ({@code org.praxis.member.Members}).
 */
public interface AccountDirectory {

    /** A person as others see them; organisation fields are null when unknown. */
    record Person(long id, String displayName, String pronouns, String title, Long organizationId,
            String organizationName, String county, boolean active, String bio) {
    }

    /** The account with this email address (any case), with its password hash, for signing in. */
    Optional<PraxisUser> signInAccount(String email);

    /** Whether the account exists and is active. */
    boolean isActive(long memberId);

    /**
     * What an open session of the account must know on each request: whether the account is
     * active, and when all its sessions were last ended (a password reset by link; null: never),
     * so a session signed in before then ends on whichever node it lives.
     */
    record SessionState(boolean active, java.time.Instant sessionsEndedAt) {

        /** Whether a session signed in at {@code signedInAt} (null: unknown, taken as valid) may go on. */
        public boolean allows(java.time.Instant signedInAt) {
            return active && (sessionsEndedAt == null || signedInAt == null || !signedInAt.isBefore(sessionsEndedAt));
        }
    }

    /** The account's {@link SessionState}; an unknown account is inactive. */
    SessionState sessionState(long memberId);

    /** The account's email address, while the account exists. */
    Optional<String> email(long memberId);

    /** These people by id; ids of no account are left out. No rights are checked: the caller has decided. */
    Map<Long, Person> people(Collection<Long> memberIds);

    /** How many accounts belong to the organisation. */
    int countInOrganization(long organizationId);

    /** Every active account, by name, for an admin choosing whom to add to a cohort. No rights are checked. */
    java.util.List<Person> activeAccounts();

    /** The account's role, while the account exists. */
    Optional<Role> roleOf(long memberId);

    /**
     * Makes a member account a facilitator's, as an admin does on the people page, when the
     * cohort feature gives the person the facilitator role in a cohort (the caller has checked
     * it may). Facilitator and admin accounts keep their role. Returns whether the role changed.
     */
    boolean raiseToFacilitator(long memberId);
}
