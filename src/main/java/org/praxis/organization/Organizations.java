package org.praxis.organization;

import static org.praxis.jooq.Tables.ORGANIZATION;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.jooq.tables.Organization;

/**
 * What other features may show of an organisation inside their own queries, as fields correlated
 * on an organisation id they hold ({@code member.organization_id}, {@code analysis.organization_id}):
 * null where the id is null or names no organisation. Partner organisations are public within
 * Praxis, so these hold no rights check.
 */
public final class Organizations {

    private Organizations() {
    }

    /** The organisation's name. */
    public static Field<String> name(Field<Long> organizationId) {
        Organization o = ORGANIZATION.as("organizations_n");
        return DSL.field(DSL.select(o.NAME).from(o).where(o.ID.eq(organizationId)));
    }

    /** The organisation's county, as a {@link County} name (null when not given). */
    public static Field<String> county(Field<Long> organizationId) {
        Organization o = ORGANIZATION.as("organizations_c");
        return DSL.field(DSL.select(o.COUNTY).from(o).where(o.ID.eq(organizationId)));
    }

    /** The organisation's sector, as a {@link Sector} name. */
    public static Field<String> sector(Field<Long> organizationId) {
        Organization o = ORGANIZATION.as("organizations_s");
        return DSL.field(DSL.select(o.SECTOR).from(o).where(o.ID.eq(organizationId)));
    }

    /** True where the id names an organisation. */
    public static Condition exists(Field<Long> organizationId) {
        Organization o = ORGANIZATION.as("organizations_e");
        return DSL.exists(DSL.selectOne().from(o).where(o.ID.eq(organizationId)));
    }
}
