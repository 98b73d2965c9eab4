package org.praxis.demo;

import static org.praxis.jooq.Tables.AGREEMENT;
import static org.praxis.jooq.Tables.AGREEMENT_ACK;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.ORGANIZATION;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.PROMPT;
import static org.praxis.jooq.Tables.SESSION;
import static org.praxis.jooq.Tables.THREAD;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.praxis.base.db.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds "Equity in Leadership — Cohort 1" once, and prints the demo sign-ins at every start.
 * Seeded on the embedded database unless {@code PRAXIS_DEMO=false}; on a configured server only
 * with {@code PRAXIS_DEMO=true}. All people and organisations are fictional.
 */
@Component
public class DemoData implements ApplicationRunner {

    public static final String COHORT_NAME = "Equity in Leadership — Cohort 1";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

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

    private final DSLContext db;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final DatabaseProperties database;
    private final String demo;
    private final String password;
    private final org.praxis.base.text.Markdown markdown;
    private final org.praxis.obstacle.ObstacleService obstacles;

    DemoData(DSLContext db, PasswordEncoder encoder, TransactionTemplate transactions, DatabaseProperties database,
            @Value("${praxis.demo:auto}") String demo, @Value("${praxis.demo-password:equity-in-practice}") String password,
            org.praxis.base.text.Markdown markdown, org.praxis.obstacle.ObstacleService obstacles) {
        this.markdown = markdown;
        this.obstacles = obstacles;
        this.db = db;
        this.encoder = encoder;
        this.transactions = transactions;
        this.database = database;
        this.demo = demo;
        this.password = password;
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
        StringBuilder sb = new StringBuilder("\n\nDemo sign-ins (password for all: ").append(password).append(")\n");
        PEOPLE.forEach(p -> sb.append(String.format("  %-12s %s%n", p.role().toLowerCase(), p.email())));
        log.info(sb.toString());
    }

    /**
     * Seeds community agreements, an upcoming session with two prompts and a first reply, and a
     * commons thread with a content note — unless the demo cohort already has agreements.
     */
    public boolean seedConversation() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Long cohortId = db.select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(COHORT_NAME)).fetchOne(COHORT.ID);
            if (cohortId == null || db.fetchExists(AGREEMENT, AGREEMENT.COHORT_ID.eq(cohortId))) {
                return false;
            }
            Long marisol = memberId("marisol@praxis.example");
            Long aisha = memberId("aisha@praxis.example");
            String agreements = String.join("\n", "We are here to learn from each other, not to be right.", "",
                    "- **Stories stay, lessons leave.** What someone shares about their life or their organisation stays in this cohort.",
                    "- **Speak from your own experience.** Say “I”, not “they all”.",
                    "- **Expect and accept non-closure.** Equity work is not finished in one conversation.",
                    "- **Notice impact, not only intent.** If something lands hard, say so, and listen when told.",
                    "- **Make space, take space.** Notice who has not spoken yet.");
            long agreementId = db.insertInto(AGREEMENT).set(AGREEMENT.COHORT_ID, cohortId).set(AGREEMENT.VERSION, 1)
                    .set(AGREEMENT.BODY_MARKDOWN, agreements).set(AGREEMENT.BODY_HTML, markdown.toSafeHtml(agreements))
                    .set(AGREEMENT.CREATED_BY, marisol).returning(AGREEMENT.ID).fetchOne(AGREEMENT.ID);
            java.time.ZoneId zone = java.time.ZoneId.of("America/Los_Angeles");
            java.time.ZonedDateTime start = java.time.LocalDate.now(zone).plusDays(7).atTime(9, 30).atZone(zone);
            String description = "We bring one policy each — hiring, eligibility, language access, hours — and ask: "
                    + "does it treat everyone the same when people need different things?\n\n"
                    + "*Before we meet:* pick the policy and skim it once.";
            long sessionId = db.insertInto(SESSION).set(SESSION.COHORT_ID, cohortId)
                    .set(SESSION.TITLE, "Equity versus equality in our own policies")
                    .set(SESSION.THEME, "Eligibility and intake")
                    .set(SESSION.STARTS_AT, start.toOffsetDateTime())
                    .set(SESSION.ENDS_AT, start.plusHours(2).toOffsetDateTime())
                    .set(SESSION.DESCRIPTION_MARKDOWN, description)
                    .set(SESSION.DESCRIPTION_HTML, markdown.toSafeHtml(description))
                    .set(SESSION.CREATED_BY, marisol).returning(SESSION.ID).fetchOne(SESSION.ID);
            String[] questions = {
                "Which policy in your organisation treats everyone the same, and who does that leave out?",
                "What has derailed or detoured equity work in your organisation this year?"};
            long firstThread = 0;
            for (int i = 0; i < questions.length; i++) {
                long promptId = db.insertInto(PROMPT).set(PROMPT.SESSION_ID, sessionId).set(PROMPT.AUTHOR_ID, marisol)
                        .set(PROMPT.QUESTION, questions[i]).set(PROMPT.POSITION, i + 1)
                        .returning(PROMPT.ID).fetchOne(PROMPT.ID);
                long threadId = db.insertInto(THREAD).set(THREAD.COHORT_ID, cohortId).set(THREAD.SESSION_ID, sessionId)
                        .set(THREAD.PROMPT_ID, promptId).set(THREAD.TITLE, questions[i]).set(THREAD.CREATED_BY, marisol)
                        .returning(THREAD.ID).fetchOne(THREAD.ID);
                if (i == 0) {
                    firstThread = threadId;
                }
            }
            db.insertInto(AGREEMENT_ACK).set(AGREEMENT_ACK.AGREEMENT_ID, agreementId).set(AGREEMENT_ACK.MEMBER_ID, aisha)
                    .execute();
            String aishaPost = "Our sliding-fee scale asks every patient for the same three documents. "
                    + "People without a fixed address, or paid in cash, **can’t produce them** — so the same rule "
                    + "keeps out the people it was written for.";
            long post = db.insertInto(POST).set(POST.THREAD_ID, firstThread).set(POST.AUTHOR_ID, aisha)
                    .set(POST.BODY_MARKDOWN, aishaPost).set(POST.BODY_HTML, markdown.toSafeHtml(aishaPost))
                    .returning(POST.ID).fetchOne(POST.ID);
            db.update(THREAD).set(THREAD.LAST_POST_AT, java.time.OffsetDateTime.now()).where(THREAD.ID.eq(firstThread))
                    .execute();
            db.insertInto(THREAD).set(THREAD.COHORT_ID, cohortId)
                    .set(THREAD.TITLE, "When our own data was used against the people it described")
                    .set(THREAD.CONTENT_NOTE, "Mentions racial profiling in health records.")
                    .set(THREAD.NAMES_HIDEABLE, true).set(THREAD.CREATED_BY, marisol).execute();
            // everything seeded is searchable, as if written through the services
            outbox("SESSION", List.of(sessionId));
            outbox("PROMPT", db.select(PROMPT.ID).from(PROMPT).where(PROMPT.SESSION_ID.eq(sessionId)).fetch(PROMPT.ID));
            outbox("THREAD", db.select(THREAD.ID).from(THREAD).where(THREAD.COHORT_ID.eq(cohortId)).fetch(THREAD.ID));
            outbox("POST", List.of(post));
            return true;
        }));
    }

    /**
     * Seeds the library: Aisha's analysis of her sliding-fee scale, shared, revised once after a
     * peer's comment — unless the demo cohort already has analyses.
     */
    public boolean seedLibrary() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Long cohortId = db.select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(COHORT_NAME)).fetchOne(COHORT.ID);
            var analysis = org.praxis.jooq.Tables.ANALYSIS;
            if (cohortId == null || db.fetchExists(analysis, analysis.COHORT_ID.eq(cohortId))) {
                return false;
            }
            Long aisha = memberId("aisha@praxis.example");
            Long leah = memberId("leah@praxis.example");
            Long aishaOrg = db.select(MEMBER.ORGANIZATION_ID).from(MEMBER).where(MEMBER.ID.eq(aisha)).fetchOne(MEMBER.ORGANIZATION_ID);
            Map<String, String> sections = new java.util.LinkedHashMap<>();
            sections.put("purpose", "Our sliding-fee scale lowers what a visit costs for people with low incomes. "
                    + "To qualify, every patient brings the same three documents: photo ID, proof of address and "
                    + "two recent pay stubs.");
            sections.put("burden", "It serves salaried patients well. It burdens people without a fixed address, "
                    + "people paid in cash (many farmworkers), and people whose ID is from another country. Last "
                    + "year 41 % of uninsured patients who asked for the scale did not complete it.");
            sections.put("sameness", "Everyone is asked for the *same* papers. Equity would ask what each person can "
                    + "show: a letter from a shelter, an employer’s note, a self-declaration.");
            sections.put("causes", "The rule was written after an audit in 2014 and never revisited.");
            sections.put("voices", "We asked our promotoras and six patients who gave up on the form.");
            sections.put("changes", "- Accept a signed self-declaration of income\n- Drop proof of address");
            sections.put("measures", "Share of uninsured patients completing the scale, by language, each quarter. "
                    + "Owner: the revenue cycle director.");
            java.util.function.Function<Map<String, String>, org.jooq.JSONB> json = m -> {
                try {
                    return org.jooq.JSONB.valueOf(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            };
            String title = "Three documents for the sliding-fee scale";
            long threadId = db.insertInto(THREAD).set(THREAD.COHORT_ID, cohortId).set(THREAD.TITLE, title)
                    .set(THREAD.CREATED_BY, aisha).returning(THREAD.ID).fetchOne(THREAD.ID);
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            Map<String, String> first = new java.util.LinkedHashMap<>(sections);
            first.put("changes", "- Accept a signed self-declaration of income");
            long id = db.insertInto(analysis).set(analysis.COHORT_ID, cohortId).set(analysis.TITLE, title)
                    .set(analysis.ORGANIZATION_ID, aishaOrg).set(analysis.POLICY_AREA, "ELIGIBILITY")
                    .set(analysis.STATUS, "REVISED").set(analysis.TAGS, new String[] {"sliding fee", "documents"})
                    .set(analysis.SECTIONS, json.apply(sections)).set(analysis.THREAD_ID, threadId)
                    .set(analysis.CREATED_BY, aisha).set(analysis.SHARED_AT, now.minusDays(3))
                    .returning(analysis.ID).fetchOne(analysis.ID);
            var author = org.praxis.jooq.Tables.ANALYSIS_AUTHOR;
            db.insertInto(author).set(author.ANALYSIS_ID, id).set(author.MEMBER_ID, aisha).execute();
            var dimension = org.praxis.jooq.Tables.ANALYSIS_DIMENSION;
            for (String d : List.of("INCOME_CLASS", "GEOGRAPHY", "LANGUAGE")) {
                db.insertInto(dimension).set(dimension.ANALYSIS_ID, id).set(dimension.DIMENSION, d).execute();
            }
            var version = org.praxis.jooq.Tables.ANALYSIS_VERSION;
            db.insertInto(version).set(version.ANALYSIS_ID, id).set(version.NUMBER, 1).set(version.TITLE, title)
                    .set(version.SECTIONS, json.apply(first)).set(version.SAVED_BY, aisha)
                    .set(version.SAVED_AT, now.minusDays(3)).execute();
            db.insertInto(version).set(version.ANALYSIS_ID, id).set(version.NUMBER, 2).set(version.TITLE, title)
                    .set(version.SECTIONS, json.apply(sections)).set(version.SAVED_BY, aisha)
                    .set(version.SAVED_AT, now.minusDays(1)).execute();
            var comment = org.praxis.jooq.Tables.ANALYSIS_COMMENT;
            String text = "At our clinic proof of address kept out more people than pay stubs did. Would you drop it too?";
            db.insertInto(comment).set(comment.ANALYSIS_ID, id).set(comment.VERSION_NUMBER, 1).set(comment.SECTION, "changes")
                    .set(comment.AUTHOR_ID, leah).set(comment.BODY_MARKDOWN, text).set(comment.BODY_HTML, markdown.toSafeHtml(text))
                    .set(comment.CREATED_AT, now.minusDays(2)).execute();
            outbox("THREAD", List.of(threadId));
            outbox("ANALYSIS", List.of(id));
            return true;
        }));
    }

    /**
     * Seeds worksheets: the starter policy reflection given for the demo session (due that day,
     * revisited six weeks later) and the after-action review for the cohort, with Aisha's first
     * round of the reflection submitted and shared with the facilitators, and Leah's in progress
     * — unless the demo cohort already has worksheets.
     */
    public boolean seedWorksheets() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Long cohortId = db.select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(COHORT_NAME)).fetchOne(COHORT.ID);
            var assignment = org.praxis.jooq.Tables.WORKSHEET_ASSIGNMENT;
            var template = org.praxis.jooq.Tables.WORKSHEET_TEMPLATE;
            var version = org.praxis.jooq.Tables.WORKSHEET_TEMPLATE_VERSION;
            var response = org.praxis.jooq.Tables.WORKSHEET_RESPONSE;
            if (cohortId == null || db.fetchExists(assignment, assignment.COHORT_ID.eq(cohortId))) {
                return false;
            }
            Long policy = db.select(template.ID).from(template).where(template.STARTER_KEY.eq("equity-policy"))
                    .fetchOne(template.ID);
            Long afterAction = db.select(template.ID).from(template).where(template.STARTER_KEY.eq("after-action"))
                    .fetchOne(template.ID);
            if (policy == null || afterAction == null) {
                return false;
            }
            Long marisol = memberId("marisol@praxis.example");
            Long aisha = memberId("aisha@praxis.example");
            Long leah = memberId("leah@praxis.example");
            var session = db.select(SESSION.ID, SESSION.STARTS_AT).from(SESSION).where(SESSION.COHORT_ID.eq(cohortId))
                    .orderBy(SESSION.STARTS_AT).limit(1).fetchOne();
            java.time.LocalDate due = session == null ? java.time.LocalDate.now().plusDays(7)
                    : session.value2().atZoneSameInstant(java.time.ZoneId.of("America/Los_Angeles")).toLocalDate();
            long policyAssignment = db.insertInto(assignment).set(assignment.COHORT_ID, cohortId)
                    .set(assignment.SESSION_ID, session == null ? null : session.value1())
                    .set(assignment.TEMPLATE_ID, policy).set(assignment.DUE_ON, due).set(assignment.REVIEW_ON, due.plusWeeks(6))
                    .set(assignment.CREATED_BY, marisol).returning(assignment.ID).fetchOne(assignment.ID);
            db.insertInto(assignment).set(assignment.COHORT_ID, cohortId).set(assignment.TEMPLATE_ID, afterAction)
                    .set(assignment.CREATED_BY, marisol).execute();
            long versionId = db.select(version.ID).from(version).where(version.TEMPLATE_ID.eq(policy))
                    .orderBy(version.NUMBER.desc()).limit(1).fetchSingle(version.ID);
            Long analysisId = db.select(org.praxis.jooq.Tables.ANALYSIS.ID).from(org.praxis.jooq.Tables.ANALYSIS)
                    .where(org.praxis.jooq.Tables.ANALYSIS.COHORT_ID.eq(cohortId)).limit(1)
                    .fetchOne(org.praxis.jooq.Tables.ANALYSIS.ID);
            String aishas = "{"
                    + "\"policy\": {\"text\": \"Sliding-fee schedule: the three documents\"},"
                    + "\"result\": {\"text\": \"Every uninsured patient who qualifies gets the lower fee at their first visit.\"},"
                    + "\"lens\": {\"equality\": \"Everyone brings the same photo ID, proof of address and pay stubs.\","
                    + " \"equity\": \"Farmworkers paid in cash and people without a fixed address need to show income another way.\"},"
                    + "\"data-story\": {\"text\": \"41 % of uninsured patients who asked for the scale did not complete it.\"},"
                    + "\"data-broken-down\": {\"yes\": false},"
                    + "\"engaged\": {\"choices\": [\"Staff who carry it out\", \"People who use the service\"]},"
                    + "\"say\": {\"scale\": 2},"
                    + "\"benefit-burden\": {\"rows\": [{\"group\": \"Salaried patients\", \"benefits\": \"Quick approval\"},"
                    + " {\"group\": \"Farmworkers paid in cash\", \"burdens\": \"No pay stubs to show\"}]},"
                    + "\"barriers\": {\"choices\": [\"Financial\", \"Managerial\"]},"
                    + "\"first-change\": {\"text\": \"Accept a signed self-declaration of income.\"},"
                    + "\"measure\": {\"text\": \"Completion of the scale by language, every quarter, reported to the board.\"}"
                    + "}";
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            long aishaResponse = db.insertInto(response).set(response.ASSIGNMENT_ID, policyAssignment)
                    .set(response.MEMBER_ID, aisha).set(response.TEMPLATE_VERSION_ID, versionId)
                    .set(response.ANSWERS, org.jooq.JSONB.valueOf(aishas)).set(response.CURRENT_STEP, 5)
                    .set(response.STATUS, "SUBMITTED").set(response.VISIBILITY, "FACILITATORS")
                    .set(response.ANALYSIS_ID, analysisId).set(response.SUBMITTED_AT, now.minusDays(1))
                    .returning(response.ID).fetchOne(response.ID);
            long leahResponse = db.insertInto(response).set(response.ASSIGNMENT_ID, policyAssignment)
                    .set(response.MEMBER_ID, leah).set(response.TEMPLATE_VERSION_ID, versionId)
                    .set(response.ANSWERS, org.jooq.JSONB.valueOf(
                            "{\"policy\": {\"text\": \"After-hours intake line\"}}"))
                    .returning(response.ID).fetchOne(response.ID);
            outbox("RESPONSE", List.of(aishaResponse, leahResponse));
            return true;
        }));
    }

    /**
     * Opens the demo cohort for applications and seeds four applicants — two shortlisted, one
     * under review, one new — with self-described facts, so the review and the representation
     * overview have something to show; unless the demo cohort already has applications.
     */
    public boolean seedApplications() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Long cohortId = db.select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(COHORT_NAME)).fetchOne(COHORT.ID);
            var application = org.praxis.jooq.Tables.APPLICATION;
            var event = org.praxis.jooq.Tables.APPLICATION_EVENT;
            if (cohortId == null || db.fetchExists(application, application.COHORT_ID.eq(cohortId))) {
                return false;
            }
            db.update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohortId)).execute();
            record Applicant(String name, String email, String organization, String sector, String role, String authority,
                    String status, String facts) {
            }
            List<Applicant> applicants = List.of(
                    new Applicant("Rosa Ibarra", "rosa.ibarra@applicant.example", "Lummi Nation Behavioral Health",
                            "TRIBAL_HEALTH", "Clinical director", "BOTH", "SHORTLISTED",
                            "{\"raceEthnicity\": [\"AMERICAN_INDIAN_ALASKA_NATIVE\", \"HISPANIC_LATINO\"], \"gender\": \"WOMAN\","
                                    + " \"county\": \"WHATCOM\", \"tribal\": \"ENROLLED_OR_DESCENDANT\","
                                    + " \"tribalSelf\": \"Lummi Nation\", \"livedExperience\": \"Raised by my grandmother on the reservation\"}"),
                    new Applicant("Tom Nguyen", "tom.nguyen@applicant.example", "Island County Housing Authority",
                            "HOUSING", "Deputy director", "STRUCTURAL", "SHORTLISTED",
                            "{\"raceEthnicity\": [\"ASIAN\"], \"gender\": \"MAN\", \"county\": \"ISLAND\", \"tribal\": \"NONE\"}"),
                    new Applicant("Jess Carter", "jess.carter@applicant.example", "San Juan Island Family Resource Center",
                            "COMMUNITY_BASED", "Program manager", "SUPERVISES", "UNDER_REVIEW",
                            "{\"raceEthnicity\": [\"WHITE\"], \"gender\": \"NON_BINARY\", \"county\": \"SAN_JUAN\","
                                    + " \"livedExperiencePreferNot\": true}"),
                    new Applicant("Amara Okafor", "amara.okafor@applicant.example", "Snohomish County Public Defender",
                            "GOVERNMENT", "Supervising attorney", "SUPERVISES", "NEW",
                            "{\"raceEthnicity\": [\"PREFER_NOT\"], \"gender\": \"WOMAN\", \"county\": \"SNOHOMISH\"}"));
            for (Applicant a : applicants) {
                long id = db.insertInto(application).set(application.COHORT_ID, cohortId).set(application.NAME, a.name())
                        .set(application.EMAIL, a.email()).set(application.ORGANIZATION_NAME, a.organization())
                        .set(application.SECTOR, a.sector()).set(application.ROLE_TITLE, a.role())
                        .set(application.AUTHORITY, a.authority())
                        .set(application.WHY, "To learn with peers how to change the policies I am responsible for.")
                        .set(application.BRING, "The view from my county and my sector, and the people we serve.")
                        .set(application.FACTS, org.jooq.JSONB.valueOf(a.facts())).set(application.STATUS, a.status())
                        .returning(application.ID).fetchOne(application.ID);
                db.insertInto(event).set(event.APPLICATION_ID, id).set(event.KIND, "submitted").set(event.STATUS, "NEW")
                        .execute();
                if (!a.status().equals("NEW")) {
                    db.insertInto(event).set(event.APPLICATION_ID, id).set(event.KIND, "status").set(event.STATUS, a.status())
                            .set(event.ACTOR_ID, memberId("marisol@praxis.example")).execute();
                }
            }
            return true;
        }));
    }

    /**
     * Seeds accountability: the cohort's obstacle list, Aisha's commitment shared with the cohort
     * (in progress, with Leah's offer of help), Tom's shared with the facilitators and stuck on
     * budget, Miguel's done — unless the demo cohort already has commitments.
     */
    public boolean seedAccountability() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            Long cohortId = db.select(COHORT.ID).from(COHORT).where(COHORT.NAME.eq(COHORT_NAME)).fetchOne(COHORT.ID);
            var commitment = org.praxis.jooq.Tables.COMMITMENT;
            var checkIn = org.praxis.jooq.Tables.CHECK_IN;
            var obstacle = org.praxis.jooq.Tables.OBSTACLE;
            if (cohortId == null || db.fetchExists(commitment, commitment.COHORT_ID.eq(cohortId))) {
                return false;
            }
            obstacles.installDefaults(cohortId);
            long budget = db.select(obstacle.ID).from(obstacle).where(obstacle.COHORT_ID.eq(cohortId))
                    .and(obstacle.POSITION.eq(2)).fetchSingle(obstacle.ID);
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Los_Angeles"));
            record Plan(String email, String what, String doneWhen, String sharing, String status, int dueInDays,
                    String note, String inTheWay) {
            }
            List<Plan> plans = List.of(
                    new Plan("aisha@praxis.example", "Accept a signed self-declaration of income for the sliding-fee scale",
                            "The form in every clinic asks for it, in English and Spanish", "COHORT", "IN_PROGRESS", 60,
                            "The revenue cycle director agreed; legal is reviewing the wording.", null),
                    new Plan("tom@praxis.example", "Pay peer recovery coaches the same as entry-level counsellors",
                            "The next budget shows the new rate", "FACILITATORS", "STUCK", 90,
                            "The board wants to wait for the state rate review.", "No room in this year's budget"),
                    new Plan("miguel@praxis.example", "Hold community health worker trainings in Spanish",
                            "Two trainings held in Spanish", "COHORT", "DONE", 30, "Both held, 34 people came.", null));
            List<Long> ids = new java.util.ArrayList<>();
            for (Plan p : plans) {
                long member = memberId(p.email());
                long id = db.insertInto(commitment).set(commitment.COHORT_ID, cohortId).set(commitment.MEMBER_ID, member)
                        .set(commitment.WHAT, p.what()).set(commitment.DONE_WHEN, p.doneWhen())
                        .set(commitment.DUE_ON, today.plusDays(p.dueInDays())).set(commitment.VISIBILITY, p.sharing())
                        .set(commitment.RHYTHM, "BIWEEKLY").set(commitment.STATUS, p.status())
                        .set(commitment.NEXT_CHECK_IN, p.status().equals("DONE") ? null : today.plusDays(5))
                        .returning(commitment.ID).fetchOne(commitment.ID);
                long check = db.insertInto(checkIn).set(checkIn.COMMITMENT_ID, id).set(checkIn.STATUS, p.status())
                        .set(checkIn.NOTE, p.note()).set(checkIn.IN_THE_WAY, p.inTheWay())
                        .returning(checkIn.ID).fetchOne(checkIn.ID);
                if (p.status().equals("STUCK")) {
                    db.insertInto(org.praxis.jooq.Tables.CHECK_IN_OBSTACLE)
                            .set(org.praxis.jooq.Tables.CHECK_IN_OBSTACLE.CHECK_IN_ID, check)
                            .set(org.praxis.jooq.Tables.CHECK_IN_OBSTACLE.OBSTACLE_ID, budget).execute();
                }
                ids.add(id);
            }
            db.insertInto(org.praxis.jooq.Tables.COMMITMENT_HELP)
                    .set(org.praxis.jooq.Tables.COMMITMENT_HELP.COMMITMENT_ID, ids.get(0))
                    .set(org.praxis.jooq.Tables.COMMITMENT_HELP.MEMBER_ID, memberId("leah@praxis.example")).execute();
            outbox("COMMITMENT", ids);
            return true;
        }));
    }

    private void outbox(String type, List<Long> ids) {
        for (long id : ids) {
            db.insertInto(org.praxis.jooq.Tables.SEARCH_OUTBOX)
                    .set(org.praxis.jooq.Tables.SEARCH_OUTBOX.ENTITY_TYPE, type)
                    .set(org.praxis.jooq.Tables.SEARCH_OUTBOX.ENTITY_ID, id)
                    .set(org.praxis.jooq.Tables.SEARCH_OUTBOX.OPERATION, "UPSERT")
                    .execute();
        }
    }

    private Long memberId(String email) {
        return db.select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.lower().eq(email)).fetchOne(MEMBER.ID);
    }

    /** Seeds the cohort unless it exists; returns whether it did. */
    public boolean seed() {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (db.fetchExists(COHORT, COHORT.NAME.eq(COHORT_NAME))) {
                return false;
            }
            Map<String, Long> orgIds = new HashMap<>();
            for (Org o : ORGANIZATIONS) {
                Long id = db.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.NAME.lower().eq(o.name().toLowerCase()))
                        .fetchOne(ORGANIZATION.ID);
                if (id == null) {
                    id = db.insertInto(ORGANIZATION)
                            .set(ORGANIZATION.NAME, o.name())
                            .set(ORGANIZATION.SECTOR, o.sector())
                            .set(ORGANIZATION.COUNTY, o.county())
                            .set(ORGANIZATION.TRIBAL_NATION, o.tribalNation())
                            .returning(ORGANIZATION.ID).fetchOne(ORGANIZATION.ID);
                }
                orgIds.put(o.key(), id);
            }
            LocalDate start = LocalDate.now().withDayOfMonth(1);
            long cohortId = db.insertInto(COHORT)
                    .set(COHORT.NAME, COHORT_NAME)
                    .set(COHORT.CAPACITY, 15)
                    .set(COHORT.STARTS_ON, start)
                    .set(COHORT.ENDS_ON, start.plusMonths(10))
                    .returning(COHORT.ID).fetchOne(COHORT.ID);
            String hash = encoder.encode(password);
            for (Person p : PEOPLE) {
                Long id = db.select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.lower().eq(p.email().toLowerCase())).fetchOne(MEMBER.ID);
                if (id == null) {
                    id = db.insertInto(MEMBER)
                            .set(MEMBER.EMAIL, p.email())
                            .set(MEMBER.DISPLAY_NAME, p.name())
                            .set(MEMBER.PRONOUNS, p.pronouns())
                            .set(MEMBER.TITLE, p.title())
                            .set(MEMBER.ORGANIZATION_ID, orgIds.get(p.org()))
                            .set(MEMBER.ROLE, p.role())
                            .set(MEMBER.PASSWORD_HASH, hash)
                            .returning(MEMBER.ID).fetchOne(MEMBER.ID);
                }
                if (!"ADMIN".equals(p.role())) {
                    db.insertInto(COHORT_MEMBERSHIP)
                            .set(COHORT_MEMBERSHIP.COHORT_ID, cohortId)
                            .set(COHORT_MEMBERSHIP.MEMBER_ID, id)
                            .set(COHORT_MEMBERSHIP.ROLE, "FACILITATOR".equals(p.role()) ? "FACILITATOR" : "MEMBER")
                            .execute();
                }
            }
            return true;
        }));
    }
}
