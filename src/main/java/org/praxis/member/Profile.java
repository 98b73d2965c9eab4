package org.praxis.member;

/**
 * A person's own profile as the account page shows it. Optional fields are null when empty;
 * {@code organizationName} is the organisation's current name.
 */
public record Profile(long id, String displayName, String email, String pronouns, String title, Long organizationId,
        String organizationName, String bio) {

    /** The form's copy, to edit. */
    public ProfileDraft draft() {
        ProfileDraft d = new ProfileDraft();
        d.setDisplayName(displayName);
        d.setPronouns(pronouns == null ? "" : pronouns);
        d.setTitle(title == null ? "" : title);
        d.setOrganizationId(organizationId);
        d.setBio(bio == null ? "" : bio);
        return d;
    }
}
