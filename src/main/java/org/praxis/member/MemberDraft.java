package org.praxis.member;

import org.praxis.base.security.Role;

/**
 * What the people form sends to create or change an account. A mutable bean so a Binder can
 * fill it; the service validates it. {@code cohortId} adds the person to that cohort.
 */
public class MemberDraft {

    private Long id;
    private String displayName = "";
    private String email = "";
    private String pronouns = "";
    private Long organizationId;
    private String title = "";
    private Role role = Role.MEMBER;
    private Long cohortId;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPronouns() {
        return pronouns;
    }

    public void setPronouns(String pronouns) {
        this.pronouns = pronouns;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getCohortId() {
        return cohortId;
    }

    public void setCohortId(Long cohortId) {
        this.cohortId = cohortId;
    }
}
