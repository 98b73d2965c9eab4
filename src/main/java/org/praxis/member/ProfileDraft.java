package org.praxis.member;

/**
 * What a person changes of their own profile on the account page: how others see them. A mutable
 * bean so a Binder can fill it; the service validates it. The email address changes elsewhere
 * ({@link EmailChangeService}), only through a link mailed to the new one.
 */
public class ProfileDraft {

    private String displayName = "";
    private String pronouns = "";
    private String title = "";
    private Long organizationId;
    private String bio = "";

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPronouns() {
        return pronouns;
    }

    public void setPronouns(String pronouns) {
        this.pronouns = pronouns;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }
}
