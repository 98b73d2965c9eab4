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

    /** The account's email address, while the account exists. */
    Optional<String> email(long memberId);

    /** These people by id; ids of no account are left out. No rights are checked: the caller has decided. */
    Map<Long, Person> people(Collection<Long> memberIds);

    /** How many accounts belong to the organisation. */
    int countInOrganization(long organizationId);
}
