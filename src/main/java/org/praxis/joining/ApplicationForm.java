package org.praxis.joining;

import org.praxis.organization.Sector;

/**
 * What the public application form sends. {@code organizationId} picks a known organisation;
 * otherwise {@code organizationName} adds one. {@code website} is the honeypot: people never
 * see it, so anything in it was typed by a machine.
 */
public record ApplicationForm(Long cohortId, String name, String email, Long organizationId, String organizationName,
        Sector sector, String roleTitle, Authority authority, String why, String bring, RepresentationFacts facts,
        boolean consent, String website) {

    public ApplicationForm {
        facts = facts == null ? RepresentationFacts.NONE : facts;
    }
}
