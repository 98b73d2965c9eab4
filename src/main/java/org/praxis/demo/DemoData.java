package org.praxis.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.praxis.accountability.CommitmentDraft;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.Rhythm;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.AnalysisSummary;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.LibraryFilter;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.ShiftableClock;
import org.praxis.base.db.DatabaseProperties;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.Role;
import org.praxis.base.security.SystemActor;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortService;
import org.praxis.conversation.Agreement;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ThreadService;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.ApplicationStatus;
import org.praxis.joining.Authority;
import org.praxis.joining.RepresentationFacts;
import org.praxis.member.MemberDraft;
import org.praxis.member.MemberService;
import org.praxis.obstacle.ObstacleService;
import org.praxis.organization.County;
import org.praxis.organization.Organization;
import org.praxis.organization.OrganizationDraft;
import org.praxis.organization.OrganizationService;
import org.praxis.organization.Sector;
import org.praxis.session.PromptDraft;
import org.praxis.session.SessionDraft;
import org.praxis.session.SessionService;
import org.praxis.session.SessionSummary;
import org.praxis.worksheet.Answer;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.Visibility;
import org.praxis.worksheet.WorksheetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds "Equity in Leadership — Cohort 1" once, and prints the demo sign-ins at every start.
 * Seeded on the embedded database unless {@code PRAXIS_DEMO=false}; on a configured server only
 * with {@code PRAXIS_DEMO=true}. All people and organisations are fictional.
 *
 * <p>Everything is written through the features' public services, as the demo's own people
 * ({@link SystemActor}): the admin sets up organisations and the cohort, the facilitator publishes
 * the agreements and opens the session, members post, analyse, commit and fill worksheets,
 * applicants apply through the public form. So the services' rules, search outbox rows, audit
 * trail and notifications apply to the demo as to anyone, and a change of schema or rule needs no
 * second copy here. The accounts alone are made with no one signed in
 * ({@link MemberService#install}): the admin needs no author, and all share the demo password.
 * Each step runs in one transaction and is skipped when what it seeds is already there.
 */
@Component
public class DemoData implements ApplicationRunner {

    public static final String COHORT_NAME = "Equity in Leadership — Cohort 1";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final String ADMIN = "admin@praxis.example";
    private static final String MARISOL = "marisol@praxis.example";
    private static final String AISHA = "aisha@praxis.example";
    private static final String LEAH = "leah@praxis.example";

    record Org(String key, String name, String sector, String county, String tribalNation) {
    }

    record Person(String email, String name, String pronouns, String title, String org, String role) {
    }

    static final List<Org> ORGANIZATIONS = List.of(
            new Org("network", "Northwest Regional Health Network", "PUBLIC_HEALTH", "SKAGIT", null),
            new Org("bellingham", "Bellingham Community Health Center", "HEALTH_CARE", "WHATCOM", null),
            new Org("salish", "Salish Waters Tribal Health Clinic", "TRIBAL_HEALTH", "WHATCOM",
                    "Salish Waters Tribe (fictional)"),
            new Org("skagit", "Skagit Valley Recovery Services", "BEHAVIORAL_HEALTH", "SKAGIT", null),
            new Org("farmworker", "Skagit Farmworker Health Alliance", "COMMUNITY_BASED", "SKAGIT", null),
            new Org("snofamily", "Snohomish Family Resource Alliance", "SOCIAL_SERVICES", "SNOHOMISH", null),
            new Org("everett", "Everett Regional Medical Center", "HEALTH_CARE", "SNOHOMISH", null),
            new Org("island", "Island County Housing Cooperative", "HOUSING", "ISLAND", null),
            new Org("sanjuan", "San Juan Islands Public Health District", "PUBLIC_HEALTH", "SAN_JUAN", null));

    static final List<Person> PEOPLE = List.of(
            new Person("admin@praxis.example", "Praxis Admin", null, "Platform administrator", "network", "ADMIN"),
            new Person("marisol@praxis.example", "Marisol Reyes-Tanaka", "she/her", "Equity programme lead",
                    "network", "FACILITATOR"),
            new Person("jordan@praxis.example", "Jordan Ellis", "they/them", "Organisational development coach",
                    "network", "FACILITATOR"),
            new Person("aisha@praxis.example", "Aisha Mohamed", "she/her", "Chief operating officer", "bellingham",
                    "MEMBER"),
            new Person("leah@praxis.example", "Leah Jim", "she/her", "Clinic director", "salish", "MEMBER"),
            new Person("tom@praxis.example", "Tom Nakamura", "he/him", "Executive director", "skagit", "MEMBER"),
            new Person("miguel@praxis.example", "Miguel Hernández", "he/him", "Community health worker programme lead",
                    "farmworker", "MEMBER"),
            new Person("rosa@praxis.example", "Rosa Delgado", "she/her", "Director of programmes", "snofamily",
                    "MEMBER"),
            new Person("kai@praxis.example", "Kai Thompson", "they/them", "Peer support manager", "snofamily",
                    "MEMBER"),
            new Person("priya@praxis.example", "Priya Raman", "she/her", "Vice president, patient access", "everett",
                    "MEMBER"),
            new Person("grace@praxis.example", "Grace Whitfield", "she/her", "Housing director", "island", "MEMBER"),
            new Person("sam@praxis.example", "Sam Okafor", "he/him", "Health officer", "sanjuan", "MEMBER"));

    /** The services the demo writes through, as its people. */
    record Services(SystemActor actor, AccountDirectory accounts, OrganizationService organizations,
            CohortService cohorts, MemberService members, AgreementService agreements, SessionService sessions,
            ThreadService threads, AnalysisService analyses, ApplicationService applications,
            CommitmentService commitments, ObstacleService obstacles, TemplateService templates,
            WorksheetService worksheets, org.praxis.consultation.ConsultationService consultations,
            org.praxis.practice.PracticeNoteService notes) {
    }

    private final Services s;
    private final TransactionTemplate transactions;
    private final DatabaseProperties database;
    private final Clock clock;
    private final String demo;
    private final String password;

    DemoData(Services services, TransactionTemplate transactions, DatabaseProperties database, Clock clock,
            @Value("${praxis.demo:auto}") String demo, @Value("${praxis.demo-password:equity-in-practice}") String password) {
        this.s = services;
        this.transactions = transactions;
        this.database = database;
        this.clock = clock;
        this.demo = demo;
        this.password = password;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Wiring {

        @org.springframework.context.annotation.Bean
        Services demoServices(SystemActor actor, AccountDirectory accounts, OrganizationService organizations,
                CohortService cohorts, MemberService members, AgreementService agreements, SessionService sessions,
                ThreadService threads, AnalysisService analyses, ApplicationService applications,
                CommitmentService commitments, ObstacleService obstacles, TemplateService templates,
                WorksheetService worksheets, org.praxis.consultation.ConsultationService consultations,
                org.praxis.practice.PracticeNoteService notes) {
            return new Services(actor, accounts, organizations, cohorts, members, agreements, sessions, threads,
                    analyses, applications, commitments, obstacles, templates, worksheets, consultations, notes);
        }
    }

    boolean enabled() {
        return "true".equalsIgnoreCase(demo) || (database.embedded() && !"false".equalsIgnoreCase(demo));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        if (seed()) {
            log.info("Seeded the demo cohort \"{}\"", COHORT_NAME);
        }
        if (seedConversation()) {
            log.info("Seeded the demo cohort's agreements, a session with prompts and a commons thread");
        }
        if (seedLibrary()) {
            log.info("Seeded a shared policy analysis, with two versions and a comment, in the demo library");
        }
        if (seedApplications()) {
            log.info("Seeded applications to the demo cohort, which takes applications at /apply");
        }
        if (seedAccountability()) {
            log.info("Seeded commitments with check-ins on the demo board, and obstacles named");
        }
        if (seedWorksheets()) {
            log.info("Seeded worksheets: the policy reflection for the session, with Aisha's first round shared with facilitators");
        }
        if (seedConsultation()) {
            log.info("Seeded a peer consultation: Leah's dilemma, in its clarifying questions, with Aisha's question");
        }
        if (seedPracticeNotes()) {
            log.info("Seeded practice notes: Aisha's for the cohort, Leah's published to the network without her name, Miguel's awaiting publishing");
        }
        StringBuilder sb = new StringBuilder("\n\nDemo sign-ins (password for all: ").append(password).append(")\n");
        PEOPLE.forEach(p -> sb.append(String.format("  %-12s %s%n", p.role().toLowerCase(), p.email())));
        log.info(sb.toString());
    }

    private <T> T as(String email, Supplier<T> work) {
        return s.actor().as(email, work);
    }

    private void run(String email, Runnable work) {
        s.actor().run(email, work);
    }

    private boolean step(Supplier<Boolean> work) {
        return Boolean.TRUE.equals(transactions.execute(tx -> work.get()));
    }

    /** The demo cohort, as its admin finds it; empty before the admin and the cohort exist. */
    private Optional<Long> demoCohort() {
        if (s.accounts().signInAccount(ADMIN).isEmpty()) {
            return Optional.empty();
        }
        return as(ADMIN, () -> s.cohorts().assignable().stream().filter(c -> c.name().equals(COHORT_NAME))
                .map(CohortChoice::id).findFirst());
    }

    /**
     * Runs {@code work} as if {@code days} ago, so the seeded story reads as days old (an analysis
     * shared three days ago, a peer's comment the next day), where the clock can be shifted.
     */
    private <T> T daysAgo(int days, Supplier<T> work) {
        return clock instanceof ShiftableClock shiftable ? shiftable.earlier(Duration.ofDays(days), work) : work.get();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * Seeds the organisations, the cohort and its people unless the cohort exists; returns whether
     * it did. People and organisations already there (by email, by name) are reused.
     */
    public boolean seed() {
        return step(() -> {
            Person admin = PEOPLE.get(0);
            Long installed = null;
            if (s.accounts().signInAccount(admin.email()).isEmpty()) {
                installed = s.members().install(List.of(draft(admin, null, null)), password).get(0);
            } else if (demoCohort().isPresent()) {
                return false;
            }
            Long adminId = installed;
            List<MemberDraft> newcomers = new ArrayList<>();
            run(ADMIN, () -> {
                Map<String, Long> orgIds = organizations();
                long cohortId = s.cohorts().create(COHORT_NAME, 15, today().withDayOfMonth(1),
                        today().withDayOfMonth(1).plusMonths(10));
                if (adminId != null) {
                    MemberDraft own = s.members().draftOf(adminId);
                    own.setOrganizationId(orgIds.get(admin.org()));
                    s.members().update(adminId, own);
                }
                Map<String, Long> existing = new HashMap<>();
                s.members().list().forEach(m -> existing.put(m.email().toLowerCase(), m.id()));
                for (Person p : PEOPLE.subList(1, PEOPLE.size())) {
                    Long id = existing.get(p.email().toLowerCase());
                    if (id == null) {
                        newcomers.add(draft(p, orgIds.get(p.org()), cohortId));
                    } else {
                        MemberDraft again = s.members().draftOf(id);
                        again.setCohortId(cohortId);
                        s.members().update(id, again);
                    }
                }
            });
            // one shared password, hashed once: through create() each would get a temporary one to
            // replace, three bcrypt hashes a person, ten seconds at the first start
            s.members().install(newcomers, password);
            return true;
        });
    }

    /** The demo organisations by key, made where no organisation of that name exists. */
    private Map<String, Long> organizations() {
        Map<String, Long> byName = new HashMap<>();
        s.organizations().list().forEach(o -> byName.put(o.name().toLowerCase(), o.id()));
        Map<String, Long> ids = new HashMap<>();
        for (Org o : ORGANIZATIONS) {
            Long id = byName.get(o.name().toLowerCase());
            if (id == null) {
                OrganizationDraft d = new OrganizationDraft();
                d.setName(o.name());
                d.setSector(Sector.valueOf(o.sector()));
                d.setCounty(County.valueOf(o.county()));
                d.setTribalNation(o.tribalNation() == null ? "" : o.tribalNation());
                Organization made = s.organizations().create(d);
                id = made.id();
            }
            ids.put(o.key(), id);
        }
        return ids;
    }

    private static MemberDraft draft(Person p, Long organizationId, Long cohortId) {
        MemberDraft d = new MemberDraft();
        d.setDisplayName(p.name());
        d.setEmail(p.email());
        d.setPronouns(p.pronouns() == null ? "" : p.pronouns());
        d.setTitle(p.title());
        d.setOrganizationId(organizationId);
        d.setRole(Role.valueOf(p.role()));
        d.setCohortId(cohortId);
        return d;
    }

    /**
     * Seeds community agreements, an upcoming session with two prompts and a first reply, and a
     * commons thread with a content note — unless the demo cohort already has agreements.
     */
    public boolean seedConversation() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || as(MARISOL, () -> s.agreements().current(cohort.get()).isPresent())) {
                return false;
            }
            long cohortId = cohort.get();
            String agreements = String.join("\n", "We are here to learn from each other, not to be right.", "",
                    "- **Stories stay, lessons leave.** What someone shares about their life or their organisation stays in this cohort.",
                    "- **Speak from your own experience.** Say “I”, not “they all”.",
                    "- **Expect and accept non-closure.** Equity work is not finished in one conversation.",
                    "- **Notice impact, not only intent.** If something lands hard, say so, and listen when told.",
                    "- **Make space, take space.** Notice who has not spoken yet.");
            String description = "We bring one policy each — hiring, eligibility, language access, hours — and ask: "
                    + "does it treat everyone the same when people need different things?\n\n"
                    + "*Before we meet:* pick the policy and skim it once.";
            String[] questions = {
                "Which policy in your organisation treats everyone the same, and who does that leave out?",
                "What has derailed or detoured equity work in your organisation this year?"};
            long[] made = as(MARISOL, () -> {
                Agreement agreement = s.agreements().publish(cohortId, agreements);
                SessionDraft session = new SessionDraft();
                session.setTitle("Equity versus equality in our own policies");
                session.setTheme("Eligibility and intake");
                session.setStartsAt(today().plusDays(7).atTime(9, 30));
                session.setEndsAt(today().plusDays(7).atTime(11, 30));
                session.setDescription(description);
                // in person with a link for those who join from afar (fictional place, reserved domain)
                session.setPlace("Bellingham Community Hall\n210 Harbor Street, Bellingham, WA");
                session.setRoom("Cedar Room, lower level");
                session.setAccessNotes("Step-free entrance on Elm Street; free parking behind the hall.");
                session.setMeetingUrl("https://meet.example.org/equity-in-leadership");
                long sessionId = s.sessions().create(cohortId, session);
                for (String q : questions) {
                    PromptDraft prompt = new PromptDraft();
                    prompt.setQuestion(q);
                    s.sessions().addPrompt(sessionId, prompt);
                }
                return new long[] {agreement.id(), s.sessions().get(sessionId).prompts().get(0).threadId()};
            });
            String aishaPost = "Our sliding-fee scale asks every patient for the same three documents. "
                    + "People without a fixed address, or paid in cash, **can’t produce them** — so the same rule "
                    + "keeps out the people it was written for.";
            run(AISHA, () -> {
                s.agreements().acknowledge(made[0]);
                s.threads().reply(made[1], null, aishaPost, false, false);
            });
            run(MARISOL, () -> s.threads().openThread(cohortId,
                    "When our own data was used against the people it described",
                    "Mentions racial profiling in health records.", true));
            return true;
        });
    }

    /**
     * Seeds the library: Aisha's analysis of her sliding-fee scale, shared, revised once after a
     * peer's comment — unless the demo cohort already has analyses.
     */
    public boolean seedLibrary() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || !as(AISHA, () -> s.analyses().library(cohort.get(), LibraryFilter.all()).isEmpty())) {
                return false;
            }
            long cohortId = cohort.get();
            Map<Section, String> sections = new EnumMap<>(Section.class);
            sections.put(Section.PURPOSE, "Our sliding-fee scale lowers what a visit costs for people with low incomes. "
                    + "To qualify, every patient brings the same three documents: photo ID, proof of address and "
                    + "two recent pay stubs.");
            sections.put(Section.BURDEN, "It serves salaried patients well. It burdens people without a fixed address, "
                    + "people paid in cash (many farmworkers), and people whose ID is from another country. Last "
                    + "year 41 % of uninsured patients who asked for the scale did not complete it.");
            sections.put(Section.SAMENESS, "Everyone is asked for the *same* papers. Equity would ask what each person can "
                    + "show: a letter from a shelter, an employer’s note, a self-declaration.");
            sections.put(Section.CAUSES, "The rule was written after an audit in 2014 and never revisited.");
            sections.put(Section.VOICES, "We asked our promotoras and six patients who gave up on the form.");
            sections.put(Section.CHANGES, "- Accept a signed self-declaration of income\n- Drop proof of address");
            sections.put(Section.MEASURES, "Share of uninsured patients completing the scale, by language, each quarter. "
                    + "Owner: the revenue cycle director.");
            Map<Section, String> first = new EnumMap<>(sections);
            first.put(Section.CHANGES, "- Accept a signed self-declaration of income");
            String title = "Three documents for the sliding-fee scale";
            Set<Dimension> dimensions = Set.of(Dimension.INCOME_CLASS, Dimension.GEOGRAPHY, Dimension.LANGUAGE);
            List<String> tags = List.of("sliding fee", "documents");
            long id = daysAgo(3, () -> as(AISHA, () -> {
                Long org = s.organizations().list().stream()
                        .filter(o -> o.name().equals("Bellingham Community Health Center")).map(Organization::id)
                        .findFirst().orElse(null);
                long made = s.analyses().create(cohortId,
                        new AnalysisDraft(title, org, PolicyArea.ELIGIBILITY, dimensions, tags, first, Set.of()));
                s.analyses().share(made);
                return made;
            }));
            daysAgo(2, () -> as(LEAH, () -> s.analyses().comment(id, Section.CHANGES,
                    "At our clinic proof of address kept out more people than pay stubs did. Would you drop it too?")));
            daysAgo(1, () -> as(AISHA, () -> {
                var shared = s.analyses().read(id);
                s.analyses().save(id, shared.lockVersion(), new AnalysisDraft(title, shared.organizationId(),
                        PolicyArea.ELIGIBILITY, dimensions, tags, sections, Set.of()));
                return id;
            }));
            return true;
        });
    }

    /**
     * Seeds worksheets: the starter policy reflection given for the demo session (due that day,
     * revisited six weeks later) and the after-action review for the cohort, with Aisha's first
     * round of the reflection submitted and shared with the facilitators, and Leah's in progress
     * — unless the demo cohort already has worksheets.
     */
    public boolean seedWorksheets() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || !as(MARISOL, () -> s.worksheets().assignments(cohort.get()).isEmpty())) {
                return false;
            }
            long cohortId = cohort.get();
            Long policyAssignment = daysAgo(2, () -> as(MARISOL, () -> {
                long policy;
                long afterAction;
                try {
                    policy = s.templates().starter("equity-policy");
                    afterAction = s.templates().starter("after-action");
                } catch (IllegalArgumentException noStarters) {
                    return null;
                }
                Optional<SessionSummary> session = s.sessions().sessionsOf(cohortId).stream()
                        .min(Comparator.comparing(SessionSummary::startsAt));
                LocalDate due = session.map(x -> x.startsAt().withZoneSameInstant(ZONE).toLocalDate())
                        .orElse(today().plusDays(7));
                long id = s.worksheets().assign(policy, cohortId, session.map(SessionSummary::id).orElse(null), due,
                        due.plusWeeks(6));
                s.worksheets().assign(afterAction, cohortId, null, null, null);
                return id;
            }));
            if (policyAssignment == null) {
                return false;
            }
            Map<String, Answer> aishas = new java.util.LinkedHashMap<>();
            aishas.put("policy", Answer.text("Sliding-fee schedule: the three documents"));
            aishas.put("result", Answer.text("Every uninsured patient who qualifies gets the lower fee at their first visit."));
            aishas.put("lens", Answer.pair("Everyone brings the same photo ID, proof of address and pay stubs.",
                    "Farmworkers paid in cash and people without a fixed address need to show income another way."));
            aishas.put("data-story", Answer.text("41 % of uninsured patients who asked for the scale did not complete it."));
            aishas.put("data-broken-down", Answer.yes(false));
            aishas.put("engaged", Answer.choices(List.of("Staff who carry it out", "People who use the service")));
            aishas.put("say", Answer.scale(2));
            aishas.put("benefit-burden", Answer.rows(List.of(
                    new Answer.GroupRow("Salaried patients", "Quick approval", null),
                    new Answer.GroupRow("Farmworkers paid in cash", null, "No pay stubs to show"))));
            aishas.put("barriers", Answer.choices(List.of("Financial", "Managerial")));
            aishas.put("first-change", Answer.text("Accept a signed self-declaration of income."));
            aishas.put("measure", Answer.text("Completion of the scale by language, every quarter, reported to the board."));
            daysAgo(1, () -> as(AISHA, () -> {
                long response = s.worksheets().start(policyAssignment);
                aishas.forEach((key, answer) -> s.worksheets().saveAnswer(response, key, answer));
                s.worksheets().saveStep(response, 5);
                s.worksheets().submit(response);
                s.worksheets().setVisibility(response, Visibility.FACILITATORS);
                s.analyses().library(cohortId, LibraryFilter.all()).stream().findFirst().map(AnalysisSummary::id)
                        .ifPresent(analysis -> s.worksheets().linkAnalysis(response, analysis));
                return response;
            }));
            run(LEAH, () -> {
                long response = s.worksheets().start(policyAssignment);
                s.worksheets().saveAnswer(response, "policy", Answer.text("After-hours intake line"));
            });
            return true;
        });
    }

    /**
     * Seeds practice notes through the service: Aisha's shared with the cohort (found useful by
     * Leah), Leah's published to the network with her name removed, Tom's for the facilitators,
     * Miguel's shared with the network and waiting in the facilitators' queue — unless the demo
     * cohort already has notes.
     */
    public boolean seedPracticeNotes() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || !as(MARISOL, () -> s.notes().cohortNotes(cohort.get(),
                    org.praxis.practice.NoteFilter.all()).isEmpty())) {
                return false;
            }
            long cohortId = cohort.get();
            long aisha = daysAgo(5, () -> as(AISHA, () -> {
                long id = s.notes().create(cohortId, new org.praxis.practice.NoteDraft(
                        "A signed self-declaration of income at the front desk",
                        Map.of(org.praxis.practice.NoteField.TRIED, "For three weeks our front desk accepted a signed "
                                        + "self-declaration of income instead of pay stubs for the sliding-fee scale.",
                                org.praxis.practice.NoteField.CONTEXT, "Bellingham clinic, two front-desk staff, forms in "
                                        + "English and Spanish.",
                                org.praxis.practice.NoteField.HAPPENED, "Nobody was sent home to fetch papers. Two staff "
                                        + "worried about audits until finance confirmed the funder allows it.",
                                org.praxis.practice.NoteField.LEARNED, "**Ask finance first.** The rule we thought the "
                                        + "funder made was our own habit.",
                                org.praxis.practice.NoteField.DIFFERENTLY, "Tell the front desk why, not only what.",
                                org.praxis.practice.NoteField.AFFECTED, "Patients paid in cash or by day labour; front-desk staff."),
                        org.praxis.analysis.PolicyArea.ELIGIBILITY,
                        java.util.Set.of(org.praxis.analysis.Dimension.INCOME_CLASS, org.praxis.analysis.Dimension.LANGUAGE),
                        List.of("sliding-fee", "intake"), org.praxis.practice.NoteVisibility.COHORT, false, true,
                        null, null, null, null, null));
                s.notes().post(id);
                return id;
            }));
            long leah = daysAgo(4, () -> as(LEAH, () -> {
                long id = s.notes().create(cohortId, org.praxis.practice.NoteDraft.of(
                        "A talking circle before the staff meeting",
                        "We opened the monthly staff meeting with a short talking circle, everyone heard once before any agenda item.",
                        "People who never spoke in meetings brought the two ideas we acted on.",
                        org.praxis.analysis.PolicyArea.GOVERNANCE, org.praxis.practice.NoteVisibility.NETWORK)
                        .withVisibility(org.praxis.practice.NoteVisibility.NETWORK, true, false)
                        .withFacts(java.util.Set.of(org.praxis.analysis.Dimension.TRIBAL_SOVEREIGNTY), List.of("meetings")));
                s.notes().post(id);
                return id;
            }));
            run(MARISOL, () -> s.notes().publish(leah));
            run(LEAH, () -> s.notes().markUseful(aisha, true));
            run("tom@praxis.example", () -> s.notes().post(s.notes().create(cohortId, org.praxis.practice.NoteDraft.of(
                    "Pay ranges in every job posting", "We added the pay range to every posting, peer coaches included.",
                    "Applications rose, and two staff asked why their pay sat at the bottom of the range.",
                    org.praxis.analysis.PolicyArea.COMPENSATION, org.praxis.practice.NoteVisibility.FACILITATORS))));
            run("miguel@praxis.example", () -> s.notes().post(s.notes().create(cohortId, org.praxis.practice.NoteDraft.of(
                    "Spanish-first text reminders", "Appointment reminders went out in Spanish first, English second.",
                    "Missed appointments fell among farmworker families; nobody asked for English only.",
                    org.praxis.analysis.PolicyArea.LANGUAGE_ACCESS, org.praxis.practice.NoteVisibility.NETWORK))));
            return true;
        });
    }

    /**
     * Opens the demo cohort for applications and seeds four applicants — two shortlisted, one
     * under review, one new — with self-described facts, so the review and the representation
     * overview have something to show; unless the demo cohort already has applications.
     */
    public boolean seedApplications() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || as(MARISOL, () -> s.applications().statusCounts(cohort.get()).values().stream()
                    .mapToInt(Integer::intValue).sum() > 0)) {
                return false;
            }
            long cohortId = cohort.get();
            run(MARISOL, () -> s.applications().setApplicationsOpen(cohortId, true));
            record Applicant(String name, String email, String organization, Sector sector, String role,
                    Authority authority, ApplicationStatus status, RepresentationFacts facts) {
            }
            List<Applicant> applicants = List.of(
                    new Applicant("Rosa Ibarra", "rosa.ibarra@applicant.example", "Lummi Nation Behavioral Health",
                            Sector.TRIBAL_HEALTH, "Clinical director", Authority.BOTH, ApplicationStatus.SHORTLISTED,
                            new RepresentationFacts(List.of("AMERICAN_INDIAN_ALASKA_NATIVE", "HISPANIC_LATINO"), null,
                                    "WOMAN", null, "WHATCOM", null, "ENROLLED_OR_DESCENDANT", "Lummi Nation",
                                    "Raised by my grandmother on the reservation", false)),
                    new Applicant("Tom Nguyen", "tom.nguyen@applicant.example", "Island County Housing Authority",
                            Sector.HOUSING, "Deputy director", Authority.STRUCTURAL, ApplicationStatus.SHORTLISTED,
                            new RepresentationFacts(List.of("ASIAN"), null, "MAN", null, "ISLAND", null, "NONE", null,
                                    null, false)),
                    new Applicant("Jess Carter", "jess.carter@applicant.example", "San Juan Island Family Resource Center",
                            Sector.COMMUNITY_BASED, "Program manager", Authority.SUPERVISES, ApplicationStatus.UNDER_REVIEW,
                            new RepresentationFacts(List.of("WHITE"), null, "NON_BINARY", null, "SAN_JUAN", null, null,
                                    null, null, true)),
                    new Applicant("Amara Okafor", "amara.okafor@applicant.example", "Snohomish County Public Defender",
                            Sector.GOVERNMENT, "Supervising attorney", Authority.SUPERVISES, ApplicationStatus.NEW,
                            new RepresentationFacts(List.of("PREFER_NOT"), null, "WOMAN", null, "SNOHOMISH", null, null,
                                    null, null, false)));
            for (Applicant a : applicants) {
                // through the public form, as the applicant; each counts against an address of its own,
                // not the one bucket that visitors of unknown address share
                Long id = s.applications().apply(new ApplicationForm(cohortId, a.name(), a.email(), null,
                        a.organization(), a.sector(), a.role(), a.authority(),
                        "To learn with peers how to change the policies I am responsible for.",
                        "The view from my county and my sector, and the people we serve.", a.facts(), true, null),
                        "demo:" + a.email());
                if (id != null && a.status() != ApplicationStatus.NEW) {
                    run(MARISOL, () -> s.applications().setStatus(id, a.status(), null));
                }
            }
            return true;
        });
    }

    /**
     * Seeds accountability: the cohort's obstacle list, Aisha's commitment shared with the cohort
     * (in progress, with Leah's offer of help), Tom's shared with the facilitators and stuck on
     * budget, Miguel's done — unless the demo cohort already has commitments.
     */
    public boolean seedAccountability() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || !as(MARISOL, () -> s.commitments().board(cohort.get()).isEmpty())) {
                return false;
            }
            long cohortId = cohort.get();
            // the cohort's list gets the common obstacles at its first look; the second is the budget
            long budget = as(MARISOL, () -> s.obstacles().list(cohortId, false).get(1).id());
            record Plan(String email, String what, String doneWhen, Sharing sharing, CommitmentStatus status,
                    int dueInDays, String note, String inTheWay) {
            }
            List<Plan> plans = List.of(
                    new Plan(AISHA, "Accept a signed self-declaration of income for the sliding-fee scale",
                            "The form in every clinic asks for it, in English and Spanish", Sharing.COHORT,
                            CommitmentStatus.IN_PROGRESS, 60,
                            "The revenue cycle director agreed; legal is reviewing the wording.", null),
                    new Plan("tom@praxis.example", "Pay peer recovery coaches the same as entry-level counsellors",
                            "The next budget shows the new rate", Sharing.FACILITATORS, CommitmentStatus.STUCK, 90,
                            "The board wants to wait for the state rate review.", "No room in this year's budget"),
                    new Plan("miguel@praxis.example", "Hold community health worker trainings in Spanish",
                            "Two trainings held in Spanish", Sharing.COHORT, CommitmentStatus.DONE, 30,
                            "Both held, 34 people came.", null));
            List<Long> ids = new ArrayList<>();
            for (Plan p : plans) {
                ids.add(as(p.email(), () -> {
                    long id = s.commitments().create(cohortId, new CommitmentDraft(p.what(),
                            today().plusDays(p.dueInDays()), p.doneWhen(), null, null, null, null, null, p.sharing(),
                            Rhythm.BIWEEKLY));
                    s.commitments().checkIn(id, p.status(), p.note(), p.inTheWay(),
                            p.status() == CommitmentStatus.STUCK ? Set.of(budget) : Set.of());
                    return id;
                }));
            }
            run(LEAH, () -> s.commitments().offerHelp(ids.get(0)));
            return true;
        });
    }

    /**
     * Seeds a peer consultation unless the demo cohort has one: Leah brings a dilemma, Marisol
     * runs it over a few days and opened its clarifying questions yesterday, and Aisha asked the
     * first question, which waits for Leah's answer.
     */
    public boolean seedConsultation() {
        return step(() -> {
            Optional<Long> cohort = demoCohort();
            if (cohort.isEmpty() || !as(LEAH, () -> s.consultations().list(cohort.get()).isEmpty())) {
                return false;
            }
            long cohortId = cohort.get();
            long id = daysAgo(2, () -> as(LEAH, () -> s.consultations().bring(cohortId,
                    new org.praxis.consultation.ConsultationDraft("Who decides when the clinic closes early?",
                            "On days with few appointments we close the clinic at three. Elders who come by the tribal"
                                    + " van after three find the door shut, and some do not come back.",
                            "We posted the hours in the van and on the radio, and asked the van to run earlier."
                                    + " It did for a month, then its driver left.",
                            "How do we make a decision about hours that the people it affects take part in?"))));
            daysAgo(1, () -> {
                run(MARISOL, () -> {
                    s.consultations().schedule(id, org.praxis.consultation.Plan.async());
                    s.consultations().move(id, org.praxis.consultation.Stage.SCHEDULED, true);
                });
                return null;
            });
            run(AISHA, () -> s.threads().reply(s.consultations().read(id).threadId(), null,
                    "Who decides today that the clinic closes at three, and who hears of it first?", false, false));
            return true;
        });
    }
}
