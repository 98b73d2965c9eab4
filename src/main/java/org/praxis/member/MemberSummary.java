package org.praxis.member;

import java.util.List;
import org.praxis.base.security.Role;

/** One account as listed in the people view. */
public record MemberSummary(long id, String displayName, String email, String pronouns, String organizationName,
        String title, Role role, boolean active, List<String> cohorts) {

    public MemberSummary {
        cohorts = List.copyOf(cohorts);
    }
}
