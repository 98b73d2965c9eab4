package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Comparator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.security.Accounts;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.CohortService;
import org.praxis.cohort.Cohorts;
import org.praxis.cohort.Membership;
import org.praxis.organization.Organizations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Accounts. Facilitators manage member accounts and place them in cohorts they facilitate;
 * admins manage every account. Nobody deactivates themselves. Every change is audited.
 */
@Service
public class MemberService {

    public static final int DISPLAY_NAME_MAX = 100;
    public static final int PRONOUNS_MAX = 40;
    public static final int TITLE_MAX = 200;
    /** A short bio: a few sentences (the database holds the same limit). */
    public static final int BIO_MAX = 500;
    public static final int PASSWORD_MIN = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut without a word. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final SignedInSessions sessions;
    private final org.praxis.search.SearchOutbox outbox;
    private final CohortAccess cohortAccess;
    private final CohortService cohorts;

    MemberService(DSLContext db, CurrentUser currentUser, PasswordEncoder passwordEncoder, AuditService audit,
            SignedInSessions sessions, org.praxis.search.SearchOutbox outbox, CohortAccess cohortAccess,
            CohortService cohorts) {
        this.outbox = outbox;
        this.cohortAccess = cohortAccess;
        this.cohorts = cohorts;
        this.db = db;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<MemberSummary> list() {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL, MEMBER.PRONOUNS,
                        Organizations.name(MEMBER.ORGANIZATION_ID), MEMBER.TITLE, MEMBER.ROLE, MEMBER.ACTIVE,
                        Cohorts.namesOf(MEMBER.ID))
                .from(MEMBER)
                .where(actor.role() == Role.ADMIN ? org.jooq.impl.DSL.noCondition() : managedBy(actor))
                // a deleted account is no one's any more
                .and(MEMBER.ERASED_AT.isNull())
                .orderBy(MEMBER.DISPLAY_NAME)
                .fetch(r -> new MemberSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        Role.valueOf(r.value7()), r.value8(), r.value9()));
    }

    /**
     * The current display names of these people, by id, in one query, for another feature's
     * service that fetched ids and decided the reader may see them (ids of deleted accounts are
     * left out). Inside a query, {@link Members#displayName} does the same.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.in(Set.copyOf(memberIds)))
                .fetchMap(MEMBER.ID, MEMBER.DISPLAY_NAME);
    }

    /**
     * Like {@link #names}, but only the people whose account is active, in the order of their
     * names (a roster to show: who can read a worksheet response, who has still to fill one).
     */
    @Transactional(readOnly = true)
    public Map<Long, String> activeNamesInOrder(Collection<Long> memberIds) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        if (!memberIds.isEmpty()) {
            db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.in(Set.copyOf(memberIds)))
                    .and(MEMBER.ACTIVE.isTrue()).orderBy(MEMBER.DISPLAY_NAME, MEMBER.ID)
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** A person's choice of email digest, as the accountability feature names it, for that feature. */
    @Transactional(readOnly = true)
    public String digestOf(long memberId) {
        return db.select(MEMBER.DIGEST).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchSingle(MEMBER.DIGEST);
    }

    /** Records a person's choice of email digest (the accountability feature checked who asks). */
    @Transactional
    public void setDigest(long memberId, String frequency) {
        db.update(MEMBER).set(MEMBER.DIGEST, frequency).where(MEMBER.ID.eq(memberId)).execute();
    }

    /** Active people in at least one cohort whose digest choice is not {@code off}: id to choice. */
    @Transactional(readOnly = true)
    public Map<Long, String> digestsToSend(String off) {
        return db.select(MEMBER.ID, MEMBER.DIGEST).from(MEMBER)
                .where(MEMBER.ACTIVE.isTrue()).and(MEMBER.DIGEST.ne(off))
                .and(org.praxis.cohort.CohortAccess.inAnyCohort(MEMBER.ID))
                .fetchMap(MEMBER.ID, MEMBER.DIGEST);
    }

    /**
     * As {@link #names(Collection)}, for active accounts only: who can still be told something
     * (a mention) or be shown among a cohort's people.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> activeNames(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.in(Set.copyOf(memberIds)))
                .and(MEMBER.ACTIVE.isTrue())
                .fetchMap(MEMBER.ID, MEMBER.DISPLAY_NAME);
    }

    /**
     * The active admins, for a feature that must tell them something (a report about a
     * facilitator). No rights are checked; only ids leave.
     */
    @Transactional(readOnly = true)
    public List<Long> activeAdmins() {
        return db.select(MEMBER.ID).from(MEMBER).where(MEMBER.ROLE.eq(Role.ADMIN.name())).and(MEMBER.ACTIVE.isTrue())
                .orderBy(MEMBER.ID).fetch(MEMBER.ID);
    }

    /**
     * The account with this email address (any case), for the joining feature: whether an
     * applicant is already a member, or an invitee already has an account. No rights are checked;
     * only the id leaves.
     */
    @Transactional(readOnly = true)
    public Optional<Long> accountWith(String email) {
        return db.select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.lower().eq(Accounts.key(email)))
                .fetchOptional(MEMBER.ID);
    }

    /**
     * Creates the member account of someone who accepted an invitation, with the password they
     * chose; the joining feature has checked the invitation and calls this in the transaction that
     * uses it up. Refused at {@code field} when the address has an account already.
     */
    @Transactional
    public long createInvited(String email, String displayName, Long organizationId, String title, String password,
            String field) {
        try {
            return db.insertInto(MEMBER)
                    .set(MEMBER.EMAIL, email)
                    .set(MEMBER.DISPLAY_NAME, displayName.strip())
                    .set(MEMBER.ORGANIZATION_ID, organizationId)
                    .set(MEMBER.TITLE, title)
                    .set(MEMBER.ROLE, Role.MEMBER.name())
                    .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(password))
                    .returning(MEMBER.ID).fetchOne(MEMBER.ID);
        } catch (DataIntegrityViolationException e) {
            RuntimeException taken = duplicateOr(e);
            throw taken instanceof InvalidInputException ? InvalidInputException.of(field, "invite.account-exists") : taken;
        }
    }

    @Transactional(readOnly = true)
    public Optional<MemberSummary> find(long id) {
        return list().stream().filter(m -> m.id() == id).findFirst();
    }

    /** The editable fields of one account, ready for the form. */
    @Transactional(readOnly = true)
    public MemberDraft draftOf(long id) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        if (actor.role() != Role.ADMIN && !db.fetchExists(MEMBER, MEMBER.ID.eq(id).and(managedBy(actor)))) {
            throw new AccessDeniedException("Account " + id + " is not in a cohort you facilitate");
        }
        var r = db.selectFrom(MEMBER).where(MEMBER.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("No account " + id));
        MemberDraft draft = new MemberDraft();
        draft.setId(r.getId());
        draft.setDisplayName(r.getDisplayName());
        draft.setEmail(r.getEmail());
        draft.setPronouns(r.getPronouns() == null ? "" : r.getPronouns());
        draft.setOrganizationId(r.getOrganizationId());
        draft.setTitle(r.getTitle() == null ? "" : r.getTitle());
        draft.setRole(Role.valueOf(r.getRole()));
        draft.setCohortId(cohortAccess.membershipsOf(id).stream().min(Comparator.comparing(Membership::joinedAt))
                .map(Membership::cohortId).orElse(null));
        return draft;
    }

    /** Creates an account with a temporary password that must be changed at first sign-in. */
    @Transactional
    public NewAccount create(MemberDraft draft) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        mayAssignRole(actor, null, draft.getRole());
        validate(draft);
        mayPlaceInCohort(actor, draft.getCohortId(), null);
        String temporary = TemporaryPasswords.next();
        long id;
        try {
            id = db.insertInto(MEMBER)
                    .set(values(draft))
                    .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(temporary))
                    .set(MEMBER.PASSWORD_MUST_CHANGE, true)
                    .returning(MEMBER.ID)
                    .fetchOne(MEMBER.ID);
        } catch (DataIntegrityViolationException e) {
            throw duplicateOr(e);
        }
        joinCohort(id, draft);
        audit.record(actor.id(), "member.created", "member", id, null, draft.getRole().name());
        return new NewAccount(find(id).orElseThrow(), temporary);
    }

    /**
     * Makes accounts, as the drafts say (role, organisation, cohort), that all sign in with one
     * chosen password, where no one is signed in: how the demo data gets its people — first its
     * admin, whom it then seeds everything else as (through {@code SystemActor}), then the rest.
     * Refused on any thread where someone is authenticated, so no person's request reaches it, and
     * {@code ArchitectureTest} holds that only the demo calls it. The password follows the rules
     * of a chosen one and is hashed once for all (a bcrypt hash takes about a fifth of a second).
     * Returns the accounts' ids, in the drafts' order.
     */
    @Transactional
    public List<Long> install(List<MemberDraft> drafts, String password) {
        if (org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() != null) {
            throw new AccessDeniedException("Accounts are installed with no one signed in");
        }
        Validation v = new Validation();
        drafts.forEach(d -> Passwords.check(v, "password", "password", password, password, d.getEmail(), null));
        v.throwIfInvalid();
        String hash = drafts.isEmpty() ? null : passwordEncoder.encode(password);
        List<Long> ids = new java.util.ArrayList<>();
        for (MemberDraft draft : drafts) {
            validate(draft);
            if (draft.getCohortId() != null && !db.fetchExists(DSL.selectOne().where(Cohorts.exists(DSL.val(draft.getCohortId()))))) {
                throw InvalidInputException.of("cohortId", "member.cohort.unknown");
            }
            long id = db.insertInto(MEMBER).set(values(draft)).set(MEMBER.PASSWORD_HASH, hash)
                    .returning(MEMBER.ID).fetchOne(MEMBER.ID);
            joinCohort(id, draft);
            audit.record(null, "member.installed", "member", id, null, draft.getRole().name());
            ids.add(id);
        }
        return ids;
    }

    @Transactional
    public MemberSummary update(long id, MemberDraft draft) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        mayManage(actor, id);
        Role stored = Role.valueOf(db.select(MEMBER.ROLE).from(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle(MEMBER.ROLE));
        mayAssignRole(actor, stored, draft.getRole());
        if (actor.id() == id && draft.getRole() != actor.role()) {
            throw InvalidInputException.of("role", "member.role.not-own");
        }
        draft.setId(id);
        validate(draft);
        mayPlaceInCohort(actor, draft.getCohortId(), id);
        followRename(id, draft.getDisplayName().strip());
        try {
            db.update(MEMBER)
                    .set(values(draft))
                    .set(MEMBER.UPDATED_AT, OffsetDateTime.now())
                    .where(MEMBER.ID.eq(id))
                    .execute();
        } catch (DataIntegrityViolationException e) {
            throw duplicateOr(e);
        }
        joinCohort(id, draft);
        audit.record(actor.id(), "member.updated", "member", id, null, draft.getRole().name());
        if (draft.getRole() != stored) {
            // rights in a cohort follow the account's role
            cohorts.setRoleEverywhere(id, cohortRole(draft.getRole()));
            // the role is carried in their sessions: sign them in again with the new one
            afterCommit(() -> sessions.endSessionsOf(id));
        }
        return find(id).orElseThrow();
    }

    /** Deactivates an account: it can no longer sign in, and its open sessions end after commit. */
    @Transactional
    public void deactivate(long id) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        if (actor.id() == id) {
            throw InvalidInputException.of("active", "member.deactivate.self");
        }
        mayManage(actor, id);
        db.update(MEMBER)
                .set(MEMBER.ACTIVE, false)
                .set(MEMBER.DEACTIVATED_AT, OffsetDateTime.now())
                .set(MEMBER.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER.ID.eq(id))
                .execute();
        audit.record(actor.id(), "member.deactivated", "member", id, null, null);
        afterCommit(() -> sessions.endSessionsOf(id));
    }

    @Transactional
    public void reactivate(long id) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        mayManage(actor, id);
        db.update(MEMBER)
                .set(MEMBER.ACTIVE, true)
                .setNull(MEMBER.DEACTIVATED_AT)
                .set(MEMBER.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER.ID.eq(id))
                .execute();
        audit.record(actor.id(), "member.reactivated", "member", id, null, null);
    }

    /** Replaces the password with a temporary one, to be changed at the next sign-in. */
    @Transactional
    public String resetPassword(long id) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        if (actor.id() == id) {
            throw new AccessDeniedException("Use the account page to change your own password");
        }
        mayManage(actor, id);
        String temporary = TemporaryPasswords.next();
        db.update(MEMBER)
                .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(temporary))
                .set(MEMBER.PASSWORD_MUST_CHANGE, true)
                .set(MEMBER.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER.ID.eq(id))
                .execute();
        audit.record(actor.id(), "member.password-reset", "member", id, null, null);
        afterCommit(() -> sessions.endSessionsOf(id));
        return temporary;
    }

    /** Whether the signed-in user still has to replace a temporary password. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        PraxisUser me = currentUser.require();
        return Boolean.TRUE.equals(db.select(MEMBER.PASSWORD_MUST_CHANGE).from(MEMBER).where(MEMBER.ID.eq(me.id()))
                .fetchOne(MEMBER.PASSWORD_MUST_CHANGE));
    }

    /** The signed-in user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String current, String next, String repeated) {
        PraxisUser me = currentUser.require();
        String hash = db.select(MEMBER.PASSWORD_HASH).from(MEMBER).where(MEMBER.ID.eq(me.id()))
                .fetchSingle(MEMBER.PASSWORD_HASH);
        Validation v = new Validation();
        if (current == null || current.isEmpty()) {
            v.reject("current", "validation.required");
        } else if (!passwordEncoder.matches(current, hash)) {
            v.reject("current", "account.password.current-wrong");
        }
        Passwords.check(v, "next", "repeated", next, repeated, me.email(), current);
        v.throwIfInvalid();
        db.update(MEMBER)
                .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(next))
                .set(MEMBER.PASSWORD_MUST_CHANGE, false)
                .set(MEMBER.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER.ID.eq(me.id()))
                .execute();
        audit.record(me.id(), "member.password-changed", "member", me.id(), null, null);
    }

    /**
     * A person's own profile, for their account page. Nobody reads another's here, admins neither:
     * they edit other accounts on the people page.
     */
    @Transactional(readOnly = true)
    public Profile profileOf(long id) {
        own(id);
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.EMAIL, MEMBER.PRONOUNS, MEMBER.TITLE,
                        MEMBER.ORGANIZATION_ID, Organizations.name(MEMBER.ORGANIZATION_ID), MEMBER.BIO)
                .from(MEMBER).where(MEMBER.ID.eq(id))
                .fetchSingle(r -> new Profile(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    /**
     * The signed-in person changes how others see them, on their own account only. A new name
     * reaches search (every node indexes what they wrote again, as after an admin's rename) and,
     * after the commit, this session's principal, so the shell and every service that reads the
     * signed-in person use it at once; pages read names from the table. Audited.
     */
    @Transactional
    public Profile updateProfile(long id, ProfileDraft draft) {
        PraxisUser me = own(id);
        Validation v = new Validation()
                .required("displayName", draft.getDisplayName(), DISPLAY_NAME_MAX)
                .maxLength("pronouns", draft.getPronouns(), PRONOUNS_MAX)
                .maxLength("title", draft.getTitle(), TITLE_MAX)
                .storable("bio", draft.getBio());
        String bio = v.hasError("bio") ? null : Validation.clean(draft.getBio());
        if (bio != null && bio.codePointCount(0, bio.length()) > BIO_MAX) {
            v.reject("bio", "account.profile.bio.too-long", BIO_MAX, bio.codePointCount(0, bio.length()));
        }
        if (draft.getOrganizationId() != null) {
            v.check(db.fetchExists(DSL.selectOne().where(Organizations.exists(DSL.val(draft.getOrganizationId())))),
                    "organizationId", "member.organization.unknown");
        }
        v.throwIfInvalid();
        String name = draft.getDisplayName().strip();
        followRename(id, name);
        db.update(MEMBER)
                .set(MEMBER.DISPLAY_NAME, name)
                .set(MEMBER.PRONOUNS, Validation.clean(draft.getPronouns()))
                .set(MEMBER.TITLE, Validation.clean(draft.getTitle()))
                .set(MEMBER.ORGANIZATION_ID, draft.getOrganizationId())
                .set(MEMBER.BIO, bio)
                .set(MEMBER.UPDATED_AT, OffsetDateTime.now())
                .where(MEMBER.ID.eq(id))
                .execute();
        audit.record(me.id(), "member.profile-updated", "member", id, null, null);
        Profile saved = profileOf(id);
        afterCommit(() -> currentUser.refresh(saved.email(), saved.displayName()));
        return saved;
    }

    /** The signed-in person, when the account is theirs; refused otherwise. */
    private PraxisUser own(long id) {
        PraxisUser me = currentUser.require();
        if (me.id() != id) {
            throw new AccessDeniedException("People edit their own profile only; account " + id + " is not theirs");
        }
        return me;
    }

    /** Before a rename is written: what they wrote is found by their name, so every node indexes it again under the new one. */
    private void followRename(long id, String newName) {
        String oldName = db.select(MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle(MEMBER.DISPLAY_NAME);
        if (!oldName.equals(newName)) {
            outbox.everythingBy(id);
        }
    }

    /** The columns a draft sets, the same for a new account and an edited one. */
    private static java.util.Map<org.jooq.Field<?>, Object> values(MemberDraft draft) {
        java.util.Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(MEMBER.DISPLAY_NAME, draft.getDisplayName().strip());
        values.put(MEMBER.EMAIL, draft.getEmail().strip());
        values.put(MEMBER.PRONOUNS, Validation.clean(draft.getPronouns()));
        values.put(MEMBER.ORGANIZATION_ID, draft.getOrganizationId());
        values.put(MEMBER.TITLE, Validation.clean(draft.getTitle()));
        values.put(MEMBER.ROLE, draft.getRole().name());
        return values;
    }

    private void validate(MemberDraft draft) {
        Validation v = new Validation()
                .required("displayName", draft.getDisplayName(), DISPLAY_NAME_MAX)
                .email("email", draft.getEmail())
                .maxLength("pronouns", draft.getPronouns(), PRONOUNS_MAX)
                .maxLength("title", draft.getTitle(), TITLE_MAX)
                .check(draft.getRole() != null, "role", "validation.required");
        if (!v.hasError("email")) {
            Long existing = db.select(MEMBER.ID).from(MEMBER)
                    .where(MEMBER.EMAIL.lower().eq(Accounts.key(draft.getEmail())))
                    .fetchOne(MEMBER.ID);
            v.check(existing == null || existing.equals(draft.getId()), "email", "member.email.taken");
        }
        if (draft.getOrganizationId() != null) {
            v.check(db.fetchExists(DSL.selectOne().where(Organizations.exists(DSL.val(draft.getOrganizationId())))),
                    "organizationId",
                    "member.organization.unknown");
        }
        v.throwIfInvalid();
    }

    /**
     * Facilitators manage member accounts of the cohorts they facilitate (and accounts not yet in
     * any cohort); admins manage any account.
     */
    private void mayManage(PraxisUser actor, long id) {
        String role = db.select(MEMBER.ROLE).from(MEMBER).where(MEMBER.ID.eq(id)).fetchOne(MEMBER.ROLE);
        if (role == null) {
            throw new AccessDeniedException("No account " + id);
        }
        if (actor.role() == Role.ADMIN || actor.id() == id) {
            return;
        }
        if (!Role.MEMBER.name().equals(role)) {
            throw new AccessDeniedException("Facilitators manage member accounts only");
        }
        if (!db.fetchExists(MEMBER, MEMBER.ID.eq(id).and(managedBy(actor)))) {
            throw new AccessDeniedException("Account " + id + " is not in a cohort you facilitate");
        }
    }

    /** The accounts a facilitator may see: their cohorts' people, and member accounts in no cohort yet. */
    private static org.jooq.Condition managedBy(PraxisUser actor) {
        return MEMBER.ID.eq(actor.id())
                .or(MEMBER.ROLE.eq(Role.MEMBER.name()).andNot(CohortAccess.inAnyCohort(MEMBER.ID)))
                .or(CohortAccess.inCohortFacilitatedBy(MEMBER.ID, DSL.val(actor.id())));
    }

    /** Only admins give or change roles; facilitators create members and keep roles as they are. */
    private static void mayAssignRole(PraxisUser actor, Role stored, Role role) {
        if (role == null || actor.role() == Role.ADMIN || role == stored) {
            return;
        }
        if (role != Role.MEMBER || stored != null) {
            throw InvalidInputException.of("role", "member.role.not-allowed");
        }
    }

    /** Facilitators place people only in cohorts they facilitate; nobody new joins a closed cohort. */
    private void mayPlaceInCohort(PraxisUser actor, Long cohortId, Long memberId) {
        if (cohortId == null) {
            return;
        }
        if (!db.fetchExists(DSL.selectOne().where(Cohorts.exists(DSL.val(cohortId))))) {
            throw InvalidInputException.of("cohortId", "member.cohort.unknown");
        }
        if (actor.role() != Role.ADMIN
                && cohortAccess.roleOf(cohortId, actor.id()).orElse(null) != CohortRole.FACILITATOR) {
            throw InvalidInputException.of("cohortId", "member.cohort.not-yours");
        }
        if (cohortAccess.closedAt(cohortId).isPresent()
                && (memberId == null || cohortAccess.roleOf(cohortId, memberId).isEmpty())) {
            throw InvalidInputException.of("cohortId", "member.cohort.closed");
        }
    }

    private void joinCohort(long memberId, MemberDraft draft) {
        if (draft.getCohortId() == null) {
            return;
        }
        cohorts.place(draft.getCohortId(), memberId, cohortRole(draft.getRole()));
    }

    /** A facilitator's account facilitates the cohorts it is in; any other account is a member there. */
    private static CohortRole cohortRole(Role role) {
        return role == Role.FACILITATOR ? CohortRole.FACILITATOR : CohortRole.MEMBER;
    }

    private static RuntimeException duplicateOr(DataIntegrityViolationException e) {
        if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("member_email_key")) {
            return InvalidInputException.of("email", "member.email.taken");
        }
        return e;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
