package org.praxis.organization;

/** A partner organisation; {@code county} and {@code tribalNation} may be empty. */
public record Organization(long id, String name, Sector sector, County county, String tribalNation) {
}
