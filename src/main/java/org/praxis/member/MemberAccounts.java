package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.Accounts;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.organization.Organizations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The member feature's side of {@link AccountDirectory}: accounts for security, audit, cohorts and organisations. */
@Component
class MemberAccounts implements AccountDirectory {

    private final DSLContext db;

    MemberAccounts(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PraxisUser> signInAccount(String email) {
        return db.selectFrom(MEMBER)
                .where(MEMBER.EMAIL.lower().eq(Accounts.key(email)))
                .fetchOptional(r -> new PraxisUser(r.getId(), r.getEmail(), r.getDisplayName(),
                        Role.valueOf(r.getRole()), r.getActive(), r.getPasswordHash()));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isActive(long memberId) {
        return Boolean.TRUE.equals(db.select(MEMBER.ACTIVE).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchOne(MEMBER.ACTIVE));
    }

    @Override
    @Transactional(readOnly = true)
    public SessionState sessionState(long memberId) {
        return db.select(MEMBER.ACTIVE, MEMBER.SESSIONS_ENDED_AT).from(MEMBER).where(MEMBER.ID.eq(memberId))
                .fetchOptional(r -> new SessionState(Boolean.TRUE.equals(r.value1()),
                        r.value2() == null ? null : r.value2().toInstant()))
                .orElse(new SessionState(false, null));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> email(long memberId) {
        return db.select(MEMBER.EMAIL).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchOptional(MEMBER.EMAIL);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Person> people(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.PRONOUNS, MEMBER.TITLE, MEMBER.ORGANIZATION_ID,
                        Organizations.name(MEMBER.ORGANIZATION_ID), Organizations.county(MEMBER.ORGANIZATION_ID),
                        MEMBER.ACTIVE, MEMBER.BIO)
                .from(MEMBER).where(MEMBER.ID.in(Set.copyOf(memberIds)))
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()))
                .stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public int countInOrganization(long organizationId) {
        return db.fetchCount(MEMBER, MEMBER.ORGANIZATION_ID.eq(organizationId));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<Person> activeAccounts() {
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.PRONOUNS, MEMBER.TITLE, MEMBER.ORGANIZATION_ID,
                        Organizations.name(MEMBER.ORGANIZATION_ID), Organizations.county(MEMBER.ORGANIZATION_ID),
                        MEMBER.ACTIVE, MEMBER.BIO)
                .from(MEMBER).where(MEMBER.ACTIVE.isTrue()).and(MEMBER.ERASED_AT.isNull())
                .orderBy(MEMBER.DISPLAY_NAME, MEMBER.ID)
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Role> roleOf(long memberId) {
        return db.select(MEMBER.ROLE).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchOptional(MEMBER.ROLE)
                .map(Role::valueOf);
    }

    @Override
    @Transactional
    public boolean raiseToFacilitator(long memberId) {
        return db.update(MEMBER).set(MEMBER.ROLE, Role.FACILITATOR.name())
                .set(MEMBER.UPDATED_AT, java.time.OffsetDateTime.now())
                .where(MEMBER.ID.eq(memberId)).and(MEMBER.ROLE.eq(Role.MEMBER.name())).execute() == 1;
    }
}
