package org.praxis.joining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.AGREEMENT_ACK;
import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.INVITATION;
import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.NOTIFICATION;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.InvalidInputException;
import org.praxis.base.limit.RateLimiter;
import org.praxis.base.security.Role;
import org.praxis.organization.Sector;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.praxis.base.mail.MailWorker;
import org.springframework.security.crypto.password.PasswordEncoder;

class JoiningServiceTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ApplicationService applications;
    @Autowired
    InvitationService invitations;
    @Autowired
    JoiningProperties properties;
    @Autowired
    RateLimiter limits;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    org.praxis.conversation.AgreementService agreements;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    MailWorker mailWorker;

    long cohort;
    TestData.Person facilitator;
    TestData.Person member;

    @BeforeEach
    void anOpenCohort() {
        cohort = data.cohort();
        data.db().update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohort)).execute();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
    }

    static RepresentationFacts facts(String race, String gender, String county, String tribal) {
        return new RepresentationFacts(race == null ? List.of() : List.of(race), null, gender, null, county, null, tribal,
                null, null, false);
    }

    ApplicationForm form(String name, String email, Sector sector, RepresentationFacts facts) {
        return new ApplicationForm(cohort, name, email, null, "Clinic of " + name, sector, "Director", Authority.BOTH,
                "To learn", "Years of practice", facts, true, null);
    }

    long applied(String name, Sector sector, RepresentationFacts facts) {
        return applications.apply(form(name, TestData.unique("applicant") + "@example.org", sector, facts),
                TestData.unique("addr"));
    }

    @Test
    void an_application_is_stored_confirmed_by_mail_and_announced_to_the_facilitators() throws Exception {
        String email = TestData.unique("ana") + "@example.org";
        RepresentationFacts facts = new RepresentationFacts(List.of("HISPANIC_LATINO", "SELF_DESCRIBE"), "Mestiza",
                "WOMAN", null, "SKAGIT", "ignored without its choice", "PREFER_NOT", "ignored", "Farmworker family", false);
        long id = applications.apply(form("Ana", email, Sector.HEALTH_CARE, facts), "203.0.113.7");
        data.signIn(facilitator);
        ApplicationDetails a = applications.get(id);
        assertThat(a.status()).isEqualTo(ApplicationStatus.NEW);
        assertThat(a.organization()).isEqualTo("Clinic of Ana");
        assertThat(a.newOrganization()).isTrue();
        assertThat(a.facts()).isEqualTo(new RepresentationFacts(List.of("HISPANIC_LATINO", "SELF_DESCRIBE"), "Mestiza",
                "WOMAN", null, "SKAGIT", null, "PREFER_NOT", null, "Farmworker family", false));
        assertThat(data.db().fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(facilitator.id())
                .and(NOTIFICATION.KIND.eq(ApplicationService.NEW_APPLICATION)))).isEqualTo(1);
        mailWorker.deliverDue();
        MimeMessage[] received = mail.getReceivedMessagesForDomain("example.org");
        assertThat(received).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
            assertThat(m.getSubject()).startsWith("Your application to");
            assertThat(GreenMailUtil.getBody(m)).contains("Dear Ana");
        });
        assertThat(applications.history(id)).extracting(ApplicationEvent::kind).containsExactly("submitted");
    }

    @Test
    void every_problem_is_reported_at_once_and_nothing_is_stored() {
        int before = data.db().fetchCount(APPLICATION);
        ApplicationForm bad = new ApplicationForm(cohort, " ", "not-an-email", null, null, null, "x".repeat(201), null,
                "", "y".repeat(3001), new RepresentationFacts(List.of("MARTIAN"), null, "ROBOT", null, null, null, null,
                null, "z".repeat(2001), false), false, null);
        assertThatThrownBy(() -> applications.apply(bad, TestData.unique("addr")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().keySet())
                        .contains("name", "email", "organization", "sector", "roleTitle", "authority", "why", "bring",
                                "consent", "raceEthnicity", "gender", "livedExperience"));
        assertThat(data.db().fetchCount(APPLICATION)).isEqualTo(before);
    }

    @Test
    void a_second_application_with_the_same_email_or_from_a_member_keeps_nothing_and_tells_only_the_owner() throws Exception {
        String email = TestData.unique("twice") + "@example.org";
        long first = applications.apply(form("Twice", email, Sector.HOUSING, RepresentationFacts.NONE), TestData.unique("addr"));
        mailWorker.deliverDue();
        mail.purgeEmailFromAllMailboxes();

        // no refusal that would tell a stranger the address is known: the same answer as for a new one
        assertThat(applications.apply(form("Again", email.toUpperCase(), Sector.HOUSING, RepresentationFacts.NONE),
                TestData.unique("addr"))).isNull();
        assertThat(applications.apply(form("Member", member.email(), Sector.HOUSING, RepresentationFacts.NONE),
                TestData.unique("addr"))).isNull();

        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.EMAIL.lower().eq(email))).isEqualTo(1);
        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.EMAIL.lower().eq(member.email().toLowerCase()))).isZero();
        data.signIn(facilitator);
        assertThat(applications.get(first).name()).isEqualTo("Twice");
        assertThat(applications.history(first)).extracting(ApplicationEvent::kind).containsExactly("submitted");
        // only the first application announced itself to the facilitators
        assertThat(data.db().fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(facilitator.id())
                .and(NOTIFICATION.KIND.eq(ApplicationService.NEW_APPLICATION)))).isEqualTo(1);
        mailWorker.deliverDue();
        // (mail other tests queued arrives here too: only these two addresses count)
        assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase(email)
                || to(m).equalsIgnoreCase(member.email()))).hasSize(2).allSatisfy(m -> assertThat(GreenMailUtil.getBody(m))
                .doesNotContain("Again").doesNotContain("Dear Member"));
        assertThat(mail.getReceivedMessages()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email.toUpperCase());
            assertThat(GreenMailUtil.getBody(m)).contains("We already have an application from this address");
        });
        assertThat(mail.getReceivedMessages()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(member.email());
            assertThat(GreenMailUtil.getBody(m)).contains("already belongs to a member of the cohort");
        });
    }

    @Test
    void a_second_application_with_bad_input_gets_the_same_problems_as_a_first() {
        String email = TestData.unique("known") + "@example.org";
        applications.apply(form("Known", email, Sector.HOUSING, RepresentationFacts.NONE), TestData.unique("addr"));
        ApplicationForm known = new ApplicationForm(cohort, "", email, null, "Org", Sector.OTHER, "Role", Authority.BOTH,
                "why", "bring", RepresentationFacts.NONE, true, null);
        ApplicationForm fresh = new ApplicationForm(cohort, "", TestData.unique("fresh") + "@example.org", null, "Org",
                Sector.OTHER, "Role", Authority.BOTH, "why", "bring", RepresentationFacts.NONE, true, null);

        assertThatThrownBy(() -> applications.apply(known, TestData.unique("addr")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().keySet()).containsExactly("name"));
        assertThatThrownBy(() -> applications.apply(fresh, TestData.unique("addr")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().keySet()).containsExactly("name"));
    }

    @Test
    void the_honeypot_keeps_nothing_and_one_address_is_limited() {
        int before = data.db().fetchCount(APPLICATION);
        ApplicationForm bot = new ApplicationForm(cohort, "Bot", TestData.unique("bot") + "@example.org", null, "Spam",
                Sector.OTHER, "Bot", Authority.BOTH, "spam", "spam", null, true, "http://spam.example");
        assertThat(applications.apply(bot, TestData.unique("addr"))).isNull();
        assertThat(data.db().fetchCount(APPLICATION)).isEqualTo(before);

        // all but the last of the address's submissions, counted as apply counts them, with no
        // application filed and no mail sent for each
        String address = TestData.unique("addr");
        for (int i = 0; i < properties.maxApplicationsPerAddress() - 1; i++) {
            limits.hit("apply", RateLimiter.address(address), properties.maxApplicationsPerAddress(),
                    properties.applicationWindow());
        }
        assertThat(applications.apply(form("The last one", TestData.unique("many") + "@example.org", Sector.OTHER,
                RepresentationFacts.NONE), address)).isNotNull();
        assertThatThrownBy(() -> applications.apply(form("One more", TestData.unique("more") + "@example.org",
                Sector.OTHER, RepresentationFacts.NONE), address))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("form"));
    }

    @Test
    void a_closed_cohort_takes_no_applications() {
        data.signIn(facilitator);
        applications.setApplicationsOpen(cohort, false);
        assertThat(applications.openCohorts()).extracting(c -> c.id()).doesNotContain(cohort);
        assertThatThrownBy(() -> applied("Late", Sector.OTHER, RepresentationFacts.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("cohort"));
    }

    @Test
    void members_admins_and_other_facilitators_cannot_read_applications_or_their_facts() {
        long id = applied("Private", Sector.OTHER, facts("WHITE", "MAN", "ISLAND", "NONE"));
        TestData.Person admin = data.person(Role.ADMIN);
        TestData.Person elsewhere = data.personIn(data.cohort(), Role.FACILITATOR);
        for (TestData.Person who : List.of(member, admin, elsewhere)) {
            data.signIn(who);
            assertThatThrownBy(() -> applications.get(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> applications.list(cohort, null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> applications.overview(cohort)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> applications.history(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> applications.setStatus(id, ApplicationStatus.SHORTLISTED, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invitations.invite(id)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> applications.delete(id)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void decisions_notes_and_history_and_a_message_mailed_when_declining() throws Exception {
        String email = TestData.unique("decl") + "@example.org";
        long id = applications.apply(form("Dee", email, Sector.GOVERNMENT, RepresentationFacts.NONE), TestData.unique("a"));
        data.signIn(facilitator);
        applications.setStatus(id, ApplicationStatus.UNDER_REVIEW, null);
        applications.addNote(id, "Strong on data; check the county.");
        assertThatThrownBy(() -> applications.addNote(id, " ")).isInstanceOf(InvalidInputException.class);
        applications.setStatus(id, ApplicationStatus.DECLINED, "Thank you; the cohort is full this year.");
        assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.DECLINED);
        assertThat(applications.get(id).decidedAt()).isNotNull();
        assertThat(applications.history(id)).extracting(ApplicationEvent::kind)
                .containsExactly("submitted", "status", "note", "status");
        assertThat(applications.history(id).get(3).text()).isEqualTo("Thank you; the cohort is full this year.");
        assertThat(applications.statusCounts(cohort).get(ApplicationStatus.DECLINED)).isEqualTo(1);
        mailWorker.deliverDue();
        assertThat(mail.getReceivedMessages()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
            assertThat(GreenMailUtil.getBody(m)).contains("the cohort is full this year");
        });
        assertThatThrownBy(() -> applications.setStatus(id, ApplicationStatus.INVITED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_overview_counts_the_cohort_being_composed_and_never_shows_one_or_two() {
        data.db().update(COHORT).set(COHORT.CAPACITY, 15).where(COHORT.ID.eq(cohort)).execute();
        data.signIn(facilitator);
        for (int i = 0; i < 3; i++) {
            long id = applied("Black " + i, Sector.BEHAVIORAL_HEALTH, facts("BLACK", "WOMAN", "WHATCOM", "NONE"));
            applications.setStatus(id, ApplicationStatus.SHORTLISTED, null);
        }
        long asian = applied("Asian", Sector.HOUSING, facts("ASIAN", "NON_BINARY", "SKAGIT", "NONE"));
        applications.setStatus(asian, ApplicationStatus.SHORTLISTED, null);
        applied("Not yet", Sector.TRIBAL_HEALTH, facts("AMERICAN_INDIAN_ALASKA_NATIVE", "MAN", "SAN_JUAN",
                "ENROLLED_OR_DESCENDANT"));
        RepresentationOverview o = applications.overview(cohort);
        assertThat(o.capacity()).isEqualTo(15);
        assertThat(o.applicants()).isEqualTo(4);
        assertThat(o.members()).isEqualTo(1);
        assertThat(count(o.raceEthnicity(), "BLACK")).isEqualTo(new RepresentationOverview.Count("BLACK", 3, false));
        assertThat(count(o.raceEthnicity(), "ASIAN")).isEqualTo(new RepresentationOverview.Count("ASIAN", 0, true));
        assertThat(count(o.raceEthnicity(), "AMERICAN_INDIAN_ALASKA_NATIVE").count()).isZero();
        assertThat(count(o.gender(), "NON_BINARY").fewerThanThree()).isTrue();
        // three applicants, and the member, whose organisation is in Whatcom County
        assertThat(count(o.county(), "WHATCOM").count()).isEqualTo(4);
        assertThat(count(o.sector(), "HEALTH_CARE").fewerThanThree()).isTrue();
        // the new application is not shortlisted: San Juan and tribal health stay gaps
        assertThat(o.countyGaps()).contains("SAN_JUAN", "SNOHOMISH");
        assertThat(o.sectorGaps()).contains("TRIBAL_HEALTH").doesNotContain("BEHAVIORAL_HEALTH");
        assertThat(o.noTribalAffiliation()).isTrue();
        // one person per organisation: named, never counted exactly
        assertThat(count(o.organizations(), "Clinic of Black 0")).isEqualTo(
                new RepresentationOverview.Count("Clinic of Black 0", 0, true));
    }

    private static RepresentationOverview.Count count(List<RepresentationOverview.Count> counts, String key) {
        return counts.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void applications_not_selected_are_deleted_after_the_retention_period_and_on_request() {
        long old = applied("Old", Sector.OTHER, RepresentationFacts.NONE);
        long recent = applied("Recent", Sector.OTHER, RepresentationFacts.NONE);
        long shortlisted = applied("Kept", Sector.OTHER, RepresentationFacts.NONE);
        long asked = applied("Asked", Sector.OTHER, RepresentationFacts.NONE);
        data.signIn(facilitator);
        applications.setStatus(old, ApplicationStatus.DECLINED, null);
        applications.setStatus(recent, ApplicationStatus.WAITLISTED, null);
        applications.setStatus(shortlisted, ApplicationStatus.SHORTLISTED, null);
        OffsetDateTime longAgo = OffsetDateTime.now().minus(properties.retention()).minusDays(1);
        data.db().update(APPLICATION).set(APPLICATION.DECIDED_AT, longAgo).where(APPLICATION.ID.eq(old)).execute();
        data.db().update(APPLICATION).set(APPLICATION.CREATED_AT, longAgo).where(APPLICATION.ID.eq(shortlisted)).execute();
        assertThat(applications.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(shortlisted)).isTrue();
        applications.delete(asked);
        assertThat(exists(asked)).isFalse();
    }

    private boolean exists(long id) {
        return data.db().fetchExists(APPLICATION, APPLICATION.ID.eq(id));
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(MimeMessage m) {
        Matcher link = Pattern.compile("http://praxis\\.test/join/([A-Za-z0-9_-]+)").matcher(GreenMailUtil.getBody(m));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void an_invitation_is_mailed_works_once_and_makes_a_member_who_acknowledged_the_agreements() throws Exception {
        String email = TestData.unique("invitee") + "@example.org";
        long id = applications.apply(form("Ina", email, Sector.PUBLIC_HEALTH, facts(null, null, "ISLAND", null)),
                TestData.unique("a"));
        data.signIn(facilitator);
        InvitationLink link = invitations.invite(id);
        assertThat(link.mailed()).isTrue();
        mailWorker.deliverDue();
        MimeMessage invitation = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(email))
                .filter(m -> GreenMailUtil.getBody(m).contains("/join/")).reduce((a, b) -> b).orElseThrow();
        String token = token(invitation);
        assertThat(link.url()).isEqualTo("http://praxis.test/join/" + token);
        // only the hash is kept
        assertThat(data.db().fetchExists(INVITATION, INVITATION.TOKEN_HASH.eq(token))).isFalse();
        assertThat(data.db().fetchExists(INVITATION, INVITATION.TOKEN_HASH.eq(org.praxis.base.security.Tokens.hash(token)))).isTrue();
        assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.INVITED);
        assertThat(applications.get(id).newOrganization()).isFalse();

        data.signIn(member); // whoever is signed in does not matter to the invitee's page
        InvitationCheck check = invitations.check(token);
        assertThat(check.state()).isEqualTo(InvitationCheck.State.VALID);
        assertThat(check.email()).isEqualTo(email);
        assertThatThrownBy(() -> invitations.accept(token, "Ina", "short", "short", true))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("password"));
        invitations.accept(token, "Ina R.", "a long enough password", "a long enough password", true);
        var created = data.db().selectFrom(MEMBER).where(MEMBER.EMAIL.eq(email)).fetchSingle();
        assertThat(created.getDisplayName()).isEqualTo("Ina R.");
        assertThat(passwordEncoder.matches("a long enough password", created.getPasswordHash())).isTrue();
        assertThat(data.db().fetchExists(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.MEMBER_ID.eq(created.getId())
                .and(COHORT_MEMBERSHIP.COHORT_ID.eq(cohort)))).isTrue();
        data.signIn(facilitator);
        assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.JOINED);

        assertThat(invitations.check(token).state()).isEqualTo(InvitationCheck.State.USED);
        assertThatThrownBy(() -> invitations.accept(token, "Again", "another long password", "another long password",
                true)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().keySet()).containsExactly("token"));
    }

    @Test
    void an_acceptance_that_fails_after_the_account_is_made_leaves_no_account_membership_or_acknowledgement() {
        String email = TestData.unique("invitee") + "@example.org";
        long id = applications.apply(form("Ola", email, Sector.PUBLIC_HEALTH, facts(null, null, null, null)),
                TestData.unique("a"));
        data.signIn(facilitator);
        long agreement = agreements.publish(cohort, "We listen before we answer.").id();
        String token = invitations.invite(id).url().replaceAll(".*/join/", "");

        // the member, cohort and conversation features write their rows in the invitation's one transaction:
        // whatever fails before it commits takes all of them back, and the link still works
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            invitations.accept(token, "Ola", "a long enough password", "a long enough password", true);
            throw new IllegalStateException("the commit never comes");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(data.membersWithEmail(email)).isZero();
        assertThat(data.db().fetchCount(AGREEMENT_ACK, AGREEMENT_ACK.AGREEMENT_ID.eq(agreement))).isZero();
        assertThat(invitations.check(token).state()).isEqualTo(InvitationCheck.State.VALID);
        invitations.accept(token, "Ola", "a long enough password", "a long enough password", true);
        long joined = data.db().select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.eq(email)).fetchSingle(MEMBER.ID);
        assertThat(data.db().fetchExists(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.MEMBER_ID.eq(joined)
                .and(COHORT_MEMBERSHIP.COHORT_ID.eq(cohort)).and(COHORT_MEMBERSHIP.ROLE.eq("MEMBER")))).isTrue();
        assertThat(data.db().fetchExists(AGREEMENT_ACK, AGREEMENT_ACK.AGREEMENT_ID.eq(agreement)
                .and(AGREEMENT_ACK.MEMBER_ID.eq(joined)))).isTrue();
    }

    @Test
    void an_expired_link_is_refused_and_asking_for_a_new_one_tells_the_facilitators_once() {
        long id = applied("Exp", Sector.OTHER, RepresentationFacts.NONE);
        data.signIn(facilitator);
        String first = invitations.invite(id).url().replaceAll(".*/join/", "");
        String second = invitations.invite(id).url().replaceAll(".*/join/", "");
        // a new invitation makes the older link stop working
        assertThat(invitations.check(first).state()).isEqualTo(InvitationCheck.State.EXPIRED);
        data.db().update(INVITATION).set(INVITATION.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(INVITATION.TOKEN_HASH.eq(org.praxis.base.security.Tokens.hash(second))).execute();
        assertThat(invitations.check(second).state()).isEqualTo(InvitationCheck.State.EXPIRED);
        assertThatThrownBy(() -> invitations.accept(second, "Exp", "a long enough password", "a long enough password",
                true)).isInstanceOf(InvalidInputException.class);
        assertThat(invitations.check("not-a-token-at-all-but-long").state()).isEqualTo(InvitationCheck.State.UNKNOWN);
        assertThat(invitations.requestNew(second, TestData.unique("addr"))).isTrue();
        assertThat(invitations.requestNew(second, TestData.unique("addr"))).isTrue();
        assertThat(data.db().fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(facilitator.id())
                .and(NOTIFICATION.KIND.eq(InvitationService.LINK_REQUESTED)))).isEqualTo(1);
        assertThat(invitations.requestNew("not-a-token-at-all-but-long", TestData.unique("addr"))).isFalse();
    }

    @Test
    void an_invitation_stops_working_when_the_application_is_declined_after_all() {
        long id = applied("Changed", Sector.OTHER, RepresentationFacts.NONE);
        data.signIn(facilitator);
        String token = invitations.invite(id).url().replaceAll(".*/join/", "");
        applications.setStatus(id, ApplicationStatus.DECLINED, null);
        assertThat(invitations.check(token).state()).isEqualTo(InvitationCheck.State.EXPIRED);
        assertThatThrownBy(() -> invitations.accept(token, "Changed", "a long enough password", "a long enough password",
                true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_email_that_already_has_an_account_is_not_invited() {
        TestData.Person elsewhere = data.personIn(data.cohort(), Role.MEMBER);
        long id = applications.apply(form("Known", elsewhere.email(), Sector.OTHER, RepresentationFacts.NONE),
                TestData.unique("a"));
        data.signIn(facilitator);
        assertThatThrownBy(() -> invitations.invite(id)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems().keySet()).containsExactly("invite"));
        assertThat(applications.get(id).status()).isEqualTo(ApplicationStatus.NEW);
    }
}
