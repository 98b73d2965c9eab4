package org.praxis.joining;

import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.APPLICATION_EVENT;
import static org.praxis.jooq.Tables.APPLICATION_NOTE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.i18n.Messages;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.Accounts;
import org.praxis.base.security.PraxisUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.CohortService;
import org.praxis.cohort.Cohorts;
import org.praxis.cohort.Membership;
import org.praxis.member.MemberService;
import org.praxis.member.Members;
import org.praxis.notification.NotificationService;
import org.praxis.organization.County;
import org.praxis.organization.OrganizationService;
import org.praxis.organization.Organizations;
import org.praxis.organization.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications to join a cohort. Anyone may apply to a cohort open for applications (limited per
 * client address, with a honeypot against machines); only the cohort's facilitators read
 * applications, their notes and history, and the representation facts in them, and move them
 * along. Applications not selected are deleted after the retention period, or on request.
 */
@Service
public class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int ORGANIZATION_MAX = 200;
    public static final int ROLE_MAX = 200;
    public static final int TEXT_MAX = 3_000;
    public static final int SELF_MAX = 200;
    public static final int LIVED_MAX = 2_000;
    public static final int NOTE_MAX = 2_000;
    public static final String NEW_APPLICATION = org.praxis.notification.NotificationKind.NEW_APPLICATION.code();

    private final DSLContext db;
    private final CohortAccess access;
    private final Mailer mailer;
    private final NotificationService notifications;
    private final AuditService audit;
    private final JoiningProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final Messages messages;
    private final RateLimiter limits;
    private final TransactionTemplate transaction;
    private final CohortService cohorts;
    private final MemberService members;
    private final OrganizationService organizations;

    ApplicationService(DSLContext db, CohortAccess access, Mailer mailer, NotificationService notifications,
            AuditService audit, JoiningProperties properties, Clock clock, ObjectMapper json, Messages messages,
            RateLimiter limits, TransactionTemplate transaction, CohortService cohorts, MemberService members,
            OrganizationService organizations) {
        this.cohorts = cohorts;
        this.members = members;
        this.organizations = organizations;
        this.messages = messages;
        this.limits = limits;
        this.transaction = transaction;
        this.db = db;
        this.access = access;
        this.mailer = mailer;
        this.notifications = notifications;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    // ---- applying (no sign-in)

    /** The cohorts that take applications now. */
    @Transactional(readOnly = true)
    public List<CohortChoice> openCohorts() {
        return cohorts.takingApplications();
    }

    /** The partner organisations by name, to pick from. */
    @Transactional(readOnly = true)
    public List<OrganizationChoice> organizations() {
        return organizations.names().entrySet().stream().map(e -> new OrganizationChoice(e.getKey(), e.getValue()))
                .toList();
    }

    /** An organisation to pick on the application form. */
    public record OrganizationChoice(long id, String name) {
    }

    /**
     * Files an application; every problem at once, by field. Every submission counts against the
     * client address's limit, refused ones too. A filled honeypot is answered as if all went well
     * and nothing is kept. So is an email that already belongs to the cohort (a member, or an
     * earlier application): the answer never tells a stranger whose address it is; its owner is
     * told by mail instead, and no second application is made. Returns the id, or null when
     * nothing was kept.
     */
    public Long apply(ApplicationForm form, String clientAddress) {
        // counted before the application's own transaction, so a submission it refuses still counts
        try {
            limits.hit("apply", RateLimiter.address(clientAddress), properties.maxApplicationsPerAddress(),
                    properties.applicationWindow());
        } catch (RateLimitedException e) {
            throw InvalidInputException.of("form", "apply.too-many");
        }
        return transaction.execute(status -> file(form, clientAddress));
    }

    private Long file(ApplicationForm form, String clientAddress) {
        if (form.website() != null && !form.website().isBlank()) {
            log.info("Application from {} dropped: honeypot filled", clientAddress);
            return null;
        }
        validate(form);
        String cohort = db.select(Cohorts.name(DSL.val(form.cohortId()))).fetchSingle().value1();
        String email = form.email().strip();
        String key = Accounts.key(email);
        boolean inCohort = members.accountWith(email)
                .flatMap(account -> access.roleOf(form.cohortId(), account)).isPresent();
        if (inCohort || db.fetchExists(APPLICATION, APPLICATION.COHORT_ID.eq(form.cohortId())
                .and(APPLICATION.EMAIL.lower().eq(key)))) {
            mailer.send(email, messages.text("mail.applied.subject", cohort), inCohort
                    ? messages.text("mail.applied-again.member.body", cohort, mailer.link("login"))
                    : messages.text("mail.applied-again.applicant.body", cohort));
            audit.record(null, "application.repeated", "cohort", form.cohortId(), clientAddress, null);
            return null;
        }
        long id = db.insertInto(APPLICATION)
                .set(APPLICATION.COHORT_ID, form.cohortId())
                .set(APPLICATION.NAME, form.name().strip())
                .set(APPLICATION.EMAIL, email)
                .set(APPLICATION.ORGANIZATION_ID, form.organizationId())
                .set(APPLICATION.ORGANIZATION_NAME, form.organizationId() == null ? Validation.clean(form.organizationName()) : null)
                .set(APPLICATION.SECTOR, form.sector().name())
                .set(APPLICATION.ROLE_TITLE, form.roleTitle().strip())
                .set(APPLICATION.AUTHORITY, form.authority().name())
                .set(APPLICATION.WHY, form.why().strip())
                .set(APPLICATION.BRING, form.bring().strip())
                .set(APPLICATION.FACTS, jsonb(clean(form.facts())))
                .returning(APPLICATION.ID).fetchOne(APPLICATION.ID);
        event(id, null, "submitted", ApplicationStatus.NEW, null);
        for (long facilitator : facilitatorsOf(form.cohortId())) {
            notifications.notify(facilitator, NEW_APPLICATION, "applications/" + id, form.name().strip());
        }
        mailer.send(email, messages.text("mail.applied.subject", cohort),
                messages.text("mail.applied.body", form.name().strip(), cohort));
        audit.record(null, "application.submitted", "application", id, clientAddress, null);
        return id;
    }

    private void validate(ApplicationForm f) {
        Validation v = new Validation()
                .required("name", f.name(), NAME_MAX)
                .email("email", f.email())
                .required("roleTitle", f.roleTitle(), ROLE_MAX)
                .required("why", f.why(), TEXT_MAX)
                .required("bring", f.bring(), TEXT_MAX)
                .maxLength("organizationName", f.organizationName(), ORGANIZATION_MAX);
        v.check(f.cohortId() != null && takesApplications(f.cohortId()),
                "cohort", "apply.cohort.closed");
        v.check(f.sector() != null, "sector", "validation.required");
        v.check(f.authority() != null, "authority", "validation.required");
        v.check(f.consent(), "consent", "apply.consent.required");
        if (f.organizationId() != null) {
            v.check(db.fetchExists(DSL.selectOne().where(Organizations.exists(DSL.val(f.organizationId())))), "organization",
                    "validation.required");
        } else {
            v.check(f.organizationName() != null && !f.organizationName().isBlank(), "organization", "validation.required");
        }
        RepresentationFacts facts = f.facts();
        v.check(Facts.RACE_ETHNICITY.containsAll(facts.raceEthnicity()), "raceEthnicity", "apply.choose");
        v.check(facts.gender() == null || Facts.GENDER.contains(facts.gender()), "gender", "apply.choose");
        v.check(facts.county() == null || Facts.COUNTY.contains(facts.county()), "county", "apply.choose");
        v.check(facts.tribal() == null || Facts.TRIBAL.contains(facts.tribal()), "tribal", "apply.choose");
        v.maxLength("raceEthnicitySelf", facts.raceEthnicitySelf(), SELF_MAX)
                .maxLength("genderSelf", facts.genderSelf(), SELF_MAX)
                .maxLength("countySelf", facts.countySelf(), SELF_MAX)
                .maxLength("tribalSelf", facts.tribalSelf(), SELF_MAX)
                .maxLength("livedExperience", facts.livedExperience(), LIVED_MAX);
        v.throwIfInvalid();
    }

    /** Self-descriptions kept only with their choice; the other choices dropped with "prefer not to say". */
    private static RepresentationFacts clean(RepresentationFacts f) {
        List<String> race = f.raceEthnicity().contains(Facts.PREFER_NOT) ? List.of(Facts.PREFER_NOT)
                : f.raceEthnicity().stream().distinct().toList();
        return new RepresentationFacts(race,
                race.contains(Facts.SELF_DESCRIBE) ? Validation.clean(f.raceEthnicitySelf()) : null,
                f.gender(), Facts.SELF_DESCRIBE.equals(f.gender()) ? Validation.clean(f.genderSelf()) : null,
                f.county(), Facts.SELF_DESCRIBE.equals(f.county()) ? Validation.clean(f.countySelf()) : null,
                f.tribal(), Facts.PREFER_NOT.equals(f.tribal()) || "NONE".equals(f.tribal()) ? null
                        : Validation.clean(f.tribalSelf()),
                f.livedExperiencePreferNot() ? null : Validation.clean(f.livedExperience()), f.livedExperiencePreferNot());
    }

    // ---- reviewing (facilitators of the cohort)

    /** Whether the cohort takes applications; for its facilitators. */
    @Transactional(readOnly = true)
    public boolean applicationsOpen(long cohortId) {
        access.requireFacilitator(cohortId);
        return takesApplications(cohortId);
    }

    private boolean takesApplications(long cohortId) {
        return db.fetchExists(DSL.selectOne().where(Cohorts.takesApplications(DSL.val(cohortId))));
    }

    @Transactional
    public void setApplicationsOpen(long cohortId, boolean open) {
        PraxisUser me = access.requireFacilitator(cohortId);
        cohorts.setApplicationsOpen(cohortId, open);
        audit.record(me.id(), open ? "cohort.applications-opened" : "cohort.applications-closed", "cohort", cohortId,
                null, null);
    }

    /** The cohort's applications, newest first, of one status or all. */
    @Transactional(readOnly = true)
    public List<ApplicationSummary> list(long cohortId, ApplicationStatus status) {
        access.requireFacilitator(cohortId);
        var where = APPLICATION.COHORT_ID.eq(cohortId);
        if (status != null) {
            where = where.and(APPLICATION.STATUS.eq(status.name()));
        }
        return db.select(APPLICATION.ID, APPLICATION.NAME, Organizations.name(APPLICATION.ORGANIZATION_ID),
                        APPLICATION.ORGANIZATION_NAME, APPLICATION.SECTOR, APPLICATION.STATUS, APPLICATION.CREATED_AT)
                .from(APPLICATION)
                .where(where).orderBy(APPLICATION.CREATED_AT.desc(), APPLICATION.ID.desc())
                .fetch(r -> new ApplicationSummary(r.value1(), r.value2(), r.value3() != null ? r.value3() : r.value4(),
                        Sector.valueOf(r.value5()), ApplicationStatus.valueOf(r.value6()), r.value7()));
    }

    /** How many applications the cohort has in each status. */
    @Transactional(readOnly = true)
    public Map<ApplicationStatus, Integer> statusCounts(long cohortId) {
        access.requireFacilitator(cohortId);
        Map<ApplicationStatus, Integer> out = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            out.put(s, 0);
        }
        db.select(APPLICATION.STATUS, org.jooq.impl.DSL.count()).from(APPLICATION).where(APPLICATION.COHORT_ID.eq(cohortId))
                .groupBy(APPLICATION.STATUS)
                .forEach(r -> out.put(ApplicationStatus.valueOf(r.value1()), r.value2()));
        return out;
    }

    /** One application, representation facts and all. */
    @Transactional(readOnly = true)
    public ApplicationDetails get(long id) {
        long cohortId = cohortOf(id);
        access.requireFacilitator(cohortId);
        Field<String> cohortName = Cohorts.name(APPLICATION.COHORT_ID).as("cohort_name");
        Field<String> organizationName = Organizations.name(APPLICATION.ORGANIZATION_ID).as("organization_name");
        var r = db.select(APPLICATION.asterisk(), cohortName, organizationName).from(APPLICATION)
                .where(APPLICATION.ID.eq(id)).fetchSingle();
        String organization = r.get(organizationName);
        return new ApplicationDetails(id, cohortId, r.get(cohortName), r.get(APPLICATION.NAME), r.get(APPLICATION.EMAIL),
                r.get(APPLICATION.ORGANIZATION_ID), organization != null ? organization : r.get(APPLICATION.ORGANIZATION_NAME),
                organization == null, Sector.valueOf(r.get(APPLICATION.SECTOR)), r.get(APPLICATION.ROLE_TITLE),
                Authority.valueOf(r.get(APPLICATION.AUTHORITY)), r.get(APPLICATION.WHY), r.get(APPLICATION.BRING),
                facts(r.get(APPLICATION.FACTS)), ApplicationStatus.valueOf(r.get(APPLICATION.STATUS)),
                r.get(APPLICATION.CREATED_AT), r.get(APPLICATION.DECIDED_AT));
    }

    /**
     * Moves an application to review, the shortlist, the waitlist or declined. A message to the
     * applicant (waitlist, decline) is mailed when mail is configured and kept in the history.
     */
    @Transactional
    public void setStatus(long id, ApplicationStatus to, String message) {
        long cohortId = cohortOf(id);
        PraxisUser me = access.requireFacilitator(cohortId);
        access.requireOpen(cohortId);
        if (to == ApplicationStatus.INVITED || to == ApplicationStatus.JOINED || to == ApplicationStatus.NEW) {
            throw new IllegalArgumentException("Not set by hand: " + to);
        }
        ApplicationStatus from = status(id);
        if (from == ApplicationStatus.JOINED) {
            throw new IllegalStateException("Application " + id + " has joined");
        }
        new Validation().maxLength("message", message, TEXT_MAX).throwIfInvalid();
        String text = Validation.clean(message);
        db.update(APPLICATION).set(APPLICATION.STATUS, to.name()).set(APPLICATION.UPDATED_AT, OffsetDateTime.now(clock))
                .set(APPLICATION.DECIDED_AT, to.notSelected() ? OffsetDateTime.now(clock) : null)
                .where(APPLICATION.ID.eq(id)).execute();
        // an invitation already sent stops working: the decision changed
        db.update(org.praxis.jooq.Tables.INVITATION).set(org.praxis.jooq.Tables.INVITATION.EXPIRES_AT, OffsetDateTime.now(clock))
                .where(org.praxis.jooq.Tables.INVITATION.APPLICATION_ID.eq(id))
                .and(org.praxis.jooq.Tables.INVITATION.USED_AT.isNull())
                .and(org.praxis.jooq.Tables.INVITATION.EXPIRES_AT.gt(OffsetDateTime.now(clock))).execute();
        event(id, me.id(), "status", to, text);
        if (to.notSelected() && text != null) {
            var a = db.select(APPLICATION.EMAIL, APPLICATION.NAME, Cohorts.name(APPLICATION.COHORT_ID)).from(APPLICATION)
                    .where(APPLICATION.ID.eq(id)).fetchSingle();
            mailer.send(a.value1(), messages.text("mail.decision.subject", a.value3()),
                    messages.text("mail.decision.body", a.value2(), text));
        }
        audit.record(me.id(), "application.status", "application", id, null, to.name());
    }

    /** A facilitator's note, kept with the application's history. */
    @Transactional
    public void addNote(long id, String body) {
        PraxisUser me = access.requireFacilitator(cohortOf(id));
        access.requireOpen(cohortOf(id));
        new Validation().required("note", body, NOTE_MAX).throwIfInvalid();
        db.insertInto(APPLICATION_NOTE).set(APPLICATION_NOTE.APPLICATION_ID, id).set(APPLICATION_NOTE.AUTHOR_ID, me.id())
                .set(APPLICATION_NOTE.BODY, body.strip()).execute();
        event(id, me.id(), "note", null, body.strip());
    }

    /** What happened to the application, oldest first. */
    @Transactional(readOnly = true)
    public List<ApplicationEvent> history(long id) {
        access.requireFacilitator(cohortOf(id));
        return db.select(APPLICATION_EVENT.KIND, Members.displayName(APPLICATION_EVENT.ACTOR_ID), APPLICATION_EVENT.STATUS,
                        APPLICATION_EVENT.MESSAGE, APPLICATION_EVENT.CREATED_AT)
                .from(APPLICATION_EVENT)
                .where(APPLICATION_EVENT.APPLICATION_ID.eq(id)).orderBy(APPLICATION_EVENT.CREATED_AT, APPLICATION_EVENT.ID)
                .fetch(r -> new ApplicationEvent(r.value1(), r.value2(),
                        r.value3() == null ? null : ApplicationStatus.valueOf(r.value3()), r.value4(), r.value5()));
    }

    /** Deletes an application and everything with it, at the applicant's request. */
    @Transactional
    public void delete(long id) {
        PraxisUser me = access.requireFacilitator(cohortOf(id));
        db.deleteFrom(APPLICATION).where(APPLICATION.ID.eq(id)).execute();
        audit.record(me.id(), "application.deleted-on-request", "application", id, null, null);
    }

    /** Deletes applications not selected whose decision is older than the retention period; returns how many. */
    @Scheduled(fixedDelayString = "${praxis.joining.purge-every:6h}", initialDelayString = "${praxis.scheduling.initial-delay:2m}")
    @Transactional
    public int purgeExpired() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(properties.retention());
        List<Long> gone = db.deleteFrom(APPLICATION)
                .where(APPLICATION.STATUS.in(ApplicationStatus.DECLINED.name(), ApplicationStatus.WAITLISTED.name()))
                .and(APPLICATION.DECIDED_AT.lt(before))
                .returning(APPLICATION.ID).fetch(APPLICATION.ID);
        for (long id : gone) {
            audit.record(null, "application.deleted-after-retention", "application", id, null, null);
        }
        return gone.size();
    }

    // ---- the cohort being composed

    /**
     * The cohort's members and its shortlisted and invited applicants, counted by each
     * representation fact, sector, county, authority and organisation, against its capacity.
     * Facts come from applications; sector and county of members without one from their organisation.
     */
    @Transactional(readOnly = true)
    public RepresentationOverview overview(long cohortId) {
        access.requireFacilitator(cohortId);
        int capacity = db.select(Cohorts.capacity(DSL.val(cohortId))).fetchSingle().value1();
        record Person(String organization, String sector, String county, String authority, RepresentationFacts facts) {
        }
        List<Person> people = new ArrayList<>();
        Set<Long> memberIds = new HashSet<>();
        // members, with what they said when they applied (if they did) and their organisation's sector and county
        var joined = APPLICATION.as("joined");
        List<Long> inCohort = access.roster(cohortId).stream().filter(p -> p.role() == CohortRole.MEMBER)
                .map(Membership.Person::memberId).toList();
        // the cohort's members as a table of ids, their organisation from the member and organisation features;
        // a cohort with no members yet (only its facilitators) has no such table: VALUES needs a row
        var roster = DSL.values(inCohort.isEmpty() ? new org.jooq.Row1[] {DSL.row((Long) null)}
                : inCohort.stream().map(DSL::row).toArray(org.jooq.Row1[]::new)).as("roster", "id");
        Field<Long> member = roster.field("id", Long.class);
        Field<Long> organization = Members.organizationId(member);
        (inCohort.isEmpty() ? List.<org.jooq.Record7<Long, String, String, String, String, JSONB, String>>of()
                : db.select(member, Organizations.name(organization), Organizations.sector(organization),
                        Organizations.county(organization), joined.AUTHORITY, joined.FACTS, joined.SECTOR)
                .from(roster)
                .leftJoin(joined).on(joined.MEMBER_ID.eq(member)).and(joined.COHORT_ID.eq(cohortId))
                .where(Members.active(member))
                .fetch())
                .forEach(r -> {
                    memberIds.add(r.value1());
                    RepresentationFacts f = r.value6() == null ? RepresentationFacts.NONE : facts(r.value6());
                    String county = f.county() != null && !f.county().equals(Facts.PREFER_NOT) ? f.county() : r.value4();
                    people.add(new Person(r.value2(), r.value7() != null ? r.value7() : r.value3(), county, r.value5(), f));
                });
        int members = people.size();
        db.select(Organizations.name(APPLICATION.ORGANIZATION_ID), APPLICATION.ORGANIZATION_NAME, APPLICATION.SECTOR,
                        APPLICATION.AUTHORITY, APPLICATION.FACTS, Organizations.county(APPLICATION.ORGANIZATION_ID))
                .from(APPLICATION)
                .where(APPLICATION.COHORT_ID.eq(cohortId))
                .and(APPLICATION.STATUS.in(ApplicationStatus.SHORTLISTED.name(), ApplicationStatus.INVITED.name()))
                .forEach(r -> {
                    RepresentationFacts f = facts(r.value5());
                    String county = f.county() != null && !f.county().equals(Facts.PREFER_NOT) ? f.county() : r.value6();
                    people.add(new Person(r.value1() != null ? r.value1() : r.value2(), r.value3(), county, r.value4(), f));
                });
        Map<String, Integer> race = counter(Facts.RACE_ETHNICITY);
        Map<String, Integer> gender = counter(Facts.GENDER);
        Map<String, Integer> county = counter(Facts.COUNTY);
        Map<String, Integer> tribal = counter(Facts.TRIBAL);
        Map<String, Integer> sector = counter(java.util.Arrays.stream(Sector.values()).map(Enum::name).toList());
        Map<String, Integer> authority = counter(java.util.Arrays.stream(Authority.values()).map(Enum::name).toList());
        Map<String, Integer> organizations = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int lived = 0;
        for (Person p : people) {
            p.facts().raceEthnicity().forEach(v -> race.merge(v, 1, Integer::sum));
            add(gender, p.facts().gender());
            // an organisation's county outside the five counts as "elsewhere", like a self-described one
            add(county, County.OTHER.name().equals(p.county()) ? Facts.SELF_DESCRIBE : p.county());
            add(tribal, p.facts().tribal());
            add(sector, p.sector());
            add(authority, p.authority());
            if (p.organization() != null) {
                organizations.merge(p.organization(), 1, Integer::sum);
            }
            if (p.facts().livedExperience() != null) {
                lived++;
            }
        }
        List<String> countyGaps = Facts.COUNTY.stream().filter(c -> !c.equals(Facts.SELF_DESCRIBE) && !c.equals(Facts.PREFER_NOT))
                .filter(c -> county.get(c) == 0).toList();
        List<String> sectorGaps = java.util.Arrays.stream(Sector.values()).map(Enum::name)
                .filter(s -> !s.equals(Sector.OTHER.name())).filter(s -> sector.get(s) == 0).toList();
        RepresentationOverview.Count livedCount = RepresentationOverview.Count.of("lived", lived);
        return new RepresentationOverview(capacity, people.size(), members, people.size() - members, counts(race),
                counts(gender), counts(county), counts(tribal), counts(sector), counts(authority), counts(organizations),
                livedCount.count(), livedCount.fewerThanThree(), countyGaps, sectorGaps,
                tribal.get("ENROLLED_OR_DESCENDANT") == 0 && sector.get(Sector.TRIBAL_HEALTH.name()) == 0);
    }

    private static Map<String, Integer> counter(List<String> keys) {
        Map<String, Integer> out = new LinkedHashMap<>();
        keys.forEach(k -> out.put(k, 0));
        return out;
    }

    private static void add(Map<String, Integer> counts, String key) {
        if (key != null) {
            counts.merge(key, 1, Integer::sum);
        }
    }

    private static List<RepresentationOverview.Count> counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> RepresentationOverview.Count.of(e.getKey(), e.getValue())).toList();
    }

    // ---- shared with InvitationService

    long cohortOf(long applicationId) {
        Long cohortId = db.select(APPLICATION.COHORT_ID).from(APPLICATION).where(APPLICATION.ID.eq(applicationId))
                .fetchOne(APPLICATION.COHORT_ID);
        if (cohortId == null) {
            throw new AccessDeniedException("No application " + applicationId);
        }
        return cohortId;
    }

    ApplicationStatus status(long id) {
        return ApplicationStatus.valueOf(db.select(APPLICATION.STATUS).from(APPLICATION).where(APPLICATION.ID.eq(id))
                .fetchSingle(APPLICATION.STATUS));
    }

    void event(long id, Long actor, String kind, ApplicationStatus status, String text) {
        db.insertInto(APPLICATION_EVENT).set(APPLICATION_EVENT.APPLICATION_ID, id).set(APPLICATION_EVENT.ACTOR_ID, actor)
                .set(APPLICATION_EVENT.KIND, kind).set(APPLICATION_EVENT.STATUS, status == null ? null : status.name())
                .set(APPLICATION_EVENT.MESSAGE, text).execute();
    }

    List<Long> facilitatorsOf(long cohortId) {
        return access.roster(cohortId).stream().filter(p -> p.role() == CohortRole.FACILITATOR)
                .map(Membership.Person::memberId).toList();
    }

    RepresentationFacts facts(JSONB stored) {
        try {
            return stored == null ? RepresentationFacts.NONE : json.readValue(stored.data(), RepresentationFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JSONB jsonb(RepresentationFacts facts) {
        try {
            return JSONB.valueOf(json.writeValueAsString(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
