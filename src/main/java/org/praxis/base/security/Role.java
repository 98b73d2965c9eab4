package org.praxis.base.security;

/** What an account may do across Praxis. Roles do not nest: each view names every role it admits. */
public enum Role {
    MEMBER,
    FACILITATOR,
    ADMIN;

    /** The name Spring Security sees, as used in {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
