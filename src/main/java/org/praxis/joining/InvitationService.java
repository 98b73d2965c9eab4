package org.praxis.joining;

import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.APPLICATION_EVENT;
import static org.praxis.jooq.Tables.INVITATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.i18n.Messages;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Tokens;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.CohortService;
import org.praxis.cohort.Cohorts;
import org.praxis.conversation.Agreement;
import org.praxis.conversation.AgreementService;
import org.praxis.member.MemberService;
import org.praxis.member.Passwords;
import org.praxis.notification.NotificationService;
import org.praxis.organization.County;
import org.praxis.organization.Organization;
import org.praxis.organization.OrganizationDraft;
import org.praxis.organization.OrganizationService;
import org.praxis.organization.Sector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations. A facilitator accepts an application with a single-use link that expires; only
 * the SHA-256 of its token is stored, so the link cannot be read back from the database. The
 * invitee sets a password, acknowledges the cohort's agreements, and becomes a member of it. An
 * expired or used link is refused, with a way to ask the facilitators for a new one.
 */
@Service
public class InvitationService {

    public static final String LINK_REQUESTED = org.praxis.notification.NotificationKind.INVITATION_REQUESTED.code();

    private final DSLContext db;
    private final ApplicationService applications;
    private final CohortAccess access;
    private final OrganizationService organizations;
    private final Mailer mailer;
    private final NotificationService notifications;
    private final MemberService members;
    private final CohortService cohorts;
    private final AgreementService agreements;
    private final AuditService audit;
    private final JoiningProperties properties;
    private final Messages messages;
    private final Clock clock;
    private final RateLimiter limits;

    InvitationService(DSLContext db, ApplicationService applications, CohortAccess access,
            OrganizationService organizations, Mailer mailer, NotificationService notifications,
            AuditService audit, JoiningProperties properties, Messages messages, Clock clock, RateLimiter limits,
            MemberService members, CohortService cohorts, AgreementService agreements) {
        this.members = members;
        this.cohorts = cohorts;
        this.agreements = agreements;
        this.limits = limits;
        this.db = db;
        this.applications = applications;
        this.access = access;
        this.organizations = organizations;
        this.mailer = mailer;
        this.notifications = notifications;
        this.audit = audit;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * A facilitator of the cohort accepts the application: a new link (any earlier one stops
     * working), mailed when mail is configured; its address is returned to show once. An
     * organisation the applicant typed in is added to the partner organisations.
     */
    @Transactional
    public InvitationLink invite(long applicationId) {
        long cohortId = applications.cohortOf(applicationId);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        ApplicationDetails a = applications.get(applicationId);
        if (a.status() == ApplicationStatus.JOINED) {
            throw new IllegalStateException("Application " + applicationId + " has joined");
        }
        if (members.accountWith(a.email()).isPresent()) {
            throw InvalidInputException.of("invite", "invite.account-exists");
        }
        if (a.newOrganization() && a.organization() != null) {
            long organizationId = organizations.list().stream().filter(o -> o.name().equalsIgnoreCase(a.organization()))
                    .findFirst().map(Organization::id).orElseGet(() -> organizations.create(draft(a)).id());
            db.update(APPLICATION).set(APPLICATION.ORGANIZATION_ID, organizationId)
                    .set(APPLICATION.ORGANIZATION_NAME, (String) null).where(APPLICATION.ID.eq(applicationId)).execute();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.update(INVITATION).set(INVITATION.EXPIRES_AT, now).where(INVITATION.APPLICATION_ID.eq(applicationId))
                .and(INVITATION.USED_AT.isNull()).and(INVITATION.EXPIRES_AT.gt(now)).execute();
        String token = Tokens.random();
        OffsetDateTime expires = now.plus(properties.invitationTtl());
        db.insertInto(INVITATION).set(INVITATION.APPLICATION_ID, applicationId).set(INVITATION.TOKEN_HASH, Tokens.hash(token))
                .set(INVITATION.EXPIRES_AT, expires).set(INVITATION.CREATED_BY, me.id()).execute();
        db.update(APPLICATION).set(APPLICATION.STATUS, ApplicationStatus.INVITED.name())
                .set(APPLICATION.UPDATED_AT, now).set(APPLICATION.DECIDED_AT, (OffsetDateTime) null)
                .where(APPLICATION.ID.eq(applicationId)).execute();
        applications.event(applicationId, me.id(), "invited", ApplicationStatus.INVITED, null);
        String url = mailer.link("join/" + token);
        boolean mailed = mailer.send(a.email(), messages.text("mail.invited.subject", a.cohortName()),
                messages.text("mail.invited.body", a.name(), a.cohortName(), url, properties.invitationTtl().toDays()));
        audit.record(me.id(), "application.invited", "application", applicationId, null, null);
        return new InvitationLink(url, expires, mailed);
    }

    private static OrganizationDraft draft(ApplicationDetails a) {
        OrganizationDraft d = new OrganizationDraft();
        d.setName(a.organization());
        d.setSector(a.sector());
        String county = a.facts().county();
        d.setCounty(county == null ? null : java.util.Arrays.stream(County.values()).filter(c -> c.name().equals(county))
                .findFirst().orElse(null));
        if (a.sector() == Sector.TRIBAL_HEALTH && a.facts().tribalSelf() != null) {
            d.setTribalNation(a.facts().tribalSelf());
        }
        return d;
    }

    /** What the link is worth, for the page it opens. Nobody needs to be signed in. */
    @Transactional(readOnly = true)
    public InvitationCheck check(String token) {
        var r = row(token);
        if (r == null) {
            return InvitationCheck.of(InvitationCheck.State.UNKNOWN);
        }
        if (r.get(INVITATION.USED_AT) != null) {
            return InvitationCheck.of(InvitationCheck.State.USED);
        }
        if (!r.get(INVITATION.EXPIRES_AT).isAfter(OffsetDateTime.now(clock))
                || !ApplicationStatus.INVITED.name().equals(r.get(APPLICATION.STATUS))) {
            return InvitationCheck.of(InvitationCheck.State.EXPIRED);
        }
        String agreed = agreements.currentForJoining(r.get(APPLICATION.COHORT_ID)).map(Agreement::html).orElse(null);
        return new InvitationCheck(InvitationCheck.State.VALID, r.get(APPLICATION.NAME), r.get(APPLICATION.EMAIL),
                r.get(COHORT_NAME), agreed);
    }

    /**
     * The invitee joins: their name, a password typed twice, and the agreements acknowledged.
     * The link works once; every problem is reported at once by field. The account, its place in
     * the cohort and the acknowledgement are made by their owners' services in this one
     * transaction, so a refusal at any step leaves none of them, and the link unused.
     */
    @Transactional
    public String accept(String token, String displayName, String password, String repeated, boolean agreed) {
        var r = row(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (r == null || r.get(INVITATION.USED_AT) != null || !r.get(INVITATION.EXPIRES_AT).isAfter(now)
                || !ApplicationStatus.INVITED.name().equals(r.get(APPLICATION.STATUS))) {
            throw InvalidInputException.of("token", "join.link-invalid");
        }
        String email = r.get(APPLICATION.EMAIL);
        long cohortId = r.get(APPLICATION.COHORT_ID);
        Long agreementId = agreements.currentForJoining(cohortId).map(Agreement::id).orElse(null);
        Validation v = new Validation().required("displayName", displayName, MemberService.DISPLAY_NAME_MAX);
        Passwords.check(v, "password", "repeated", password, repeated, email, null);
        v.check(agreed || agreementId == null, "agreed", "join.agreements.required");
        v.check(members.accountWith(email).isEmpty(), "token", "invite.account-exists");
        v.throwIfInvalid();
        // an invitation sent before the cohort closed no longer lets anyone in
        access.requireOpen(cohortId);
        // single use, even against two tabs racing: only one update finds it unused
        int claimed = db.update(INVITATION).set(INVITATION.USED_AT, now).where(INVITATION.ID.eq(r.get(INVITATION.ID)))
                .and(INVITATION.USED_AT.isNull()).and(INVITATION.EXPIRES_AT.gt(now)).execute();
        if (claimed == 0) {
            throw InvalidInputException.of("token", "join.link-invalid");
        }
        long memberId = members.createInvited(email, displayName, r.get(APPLICATION.ORGANIZATION_ID),
                r.get(APPLICATION.ROLE_TITLE), password, "token");
        cohorts.place(cohortId, memberId, CohortRole.MEMBER);
        if (agreementId != null) {
            agreements.acknowledgedOnJoining(agreementId, memberId);
        }
        long applicationId = r.get(APPLICATION.ID);
        db.update(APPLICATION).set(APPLICATION.STATUS, ApplicationStatus.JOINED.name()).set(APPLICATION.MEMBER_ID, memberId)
                .set(APPLICATION.UPDATED_AT, now).where(APPLICATION.ID.eq(applicationId)).execute();
        applications.event(applicationId, memberId, "joined", ApplicationStatus.JOINED, null);
        audit.record(memberId, "member.joined-by-invitation", "member", memberId, null, null);
        return email;
    }

    /**
     * Someone with an expired or used link asks for a new one: the facilitators are told, once an
     * hour at most. True when the link was one of ours. Asking is limited per client address
     * (refused with {@link org.praxis.base.limit.RateLimitedException}), whatever the link.
     */
    @Transactional
    public boolean requestNew(String token, String clientAddress) {
        limits.hit(RateLimiter.Action.INVITATION_REQUEST, RateLimiter.address(clientAddress));
        var r = row(token);
        if (r == null) {
            return false;
        }
        long applicationId = r.get(APPLICATION.ID);
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean recent = db.fetchExists(APPLICATION_EVENT, APPLICATION_EVENT.APPLICATION_ID.eq(applicationId)
                .and(APPLICATION_EVENT.KIND.eq("link-requested")).and(APPLICATION_EVENT.CREATED_AT.gt(now.minusHours(1))));
        if (!recent) {
            applications.event(applicationId, null, "link-requested", null, null);
            for (long facilitator : applications.facilitatorsOf(r.get(APPLICATION.COHORT_ID))) {
                notifications.notify(facilitator, LINK_REQUESTED, "applications/" + applicationId, r.get(APPLICATION.NAME));
            }
        }
        return true;
    }

    private static final Field<String> COHORT_NAME = Cohorts.name(APPLICATION.COHORT_ID).as("cohort_name");

    private org.jooq.Record row(String token) {
        if (!Tokens.plausible(token)) {
            return null;
        }
        return db.select(INVITATION.ID, INVITATION.USED_AT, INVITATION.EXPIRES_AT, APPLICATION.ID, APPLICATION.NAME,
                        APPLICATION.STATUS,
                        APPLICATION.EMAIL, APPLICATION.COHORT_ID, APPLICATION.ORGANIZATION_ID, APPLICATION.ROLE_TITLE,
                        COHORT_NAME)
                .from(INVITATION).join(APPLICATION).on(APPLICATION.ID.eq(INVITATION.APPLICATION_ID))
                .where(INVITATION.TOKEN_HASH.eq(Tokens.hash(token))).fetchOne();
    }

}
