package org.praxis.organization;

/** The field an organisation works in. Text comes from the bundle as {@code sector.<NAME>}. */
public enum Sector {
    HEALTH_CARE,
    BEHAVIORAL_HEALTH,
    SOCIAL_SERVICES,
    HOUSING,
    PUBLIC_HEALTH,
    TRIBAL_HEALTH,
    COMMUNITY_BASED,
    GOVERNMENT,
    OTHER;

    public String messageKey() {
        return "sector." + name();
    }
}
