package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.jooq.tables.Member;

/**
 * What other features may show of a person inside their own queries, as fields correlated on a
 * person id they hold ({@code POST.AUTHOR_ID}, {@code COMMITMENT.MEMBER_ID}): always the person's
 * current name, so a renamed person is shown by their new name everywhere. Null where the id is
 * null or names no account (a deleted one). These hold no rights check: the query they go into
 * decides who may read the row, and whether a name is hidden there is that feature's rule.
 * For names of ids already fetched, {@link MemberService#names(java.util.Collection)}.
 */
public final class Members {

    private Members() {
    }

    /** The person's display name as they chose it. */
    public static Field<String> displayName(Field<Long> memberId) {
        Member m = MEMBER.as("members_n");
        return DSL.field(DSL.select(m.DISPLAY_NAME).from(m).where(m.ID.eq(memberId)));
    }

    /** The address the person's mail goes to. */
    public static Field<String> email(Field<Long> memberId) {
        Member m = MEMBER.as("members_e");
        return DSL.field(DSL.select(m.EMAIL).from(m).where(m.ID.eq(memberId)));
    }

    /** The person's pronouns, null when they gave none. */
    public static Field<String> pronouns(Field<Long> memberId) {
        Member m = MEMBER.as("members_p");
        return DSL.field(DSL.select(m.PRONOUNS).from(m).where(m.ID.eq(memberId)));
    }

    /** The organisation the person belongs to, null when none. */
    public static Field<Long> organizationId(Field<Long> memberId) {
        Member m = MEMBER.as("members_o");
        return DSL.field(DSL.select(m.ORGANIZATION_ID).from(m).where(m.ID.eq(memberId)));
    }

    /** True where the person's account is active (not deactivated, not deleted). */
    public static Condition active(Field<Long> memberId) {
        Member m = MEMBER.as("members_a");
        return DSL.exists(DSL.selectOne().from(m).where(m.ID.eq(memberId)).and(m.ACTIVE.isTrue()));
    }
}
