package org.praxis.joining.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.AGREEMENT;
import static org.praxis.jooq.Tables.AGREEMENT_ACK;
import static org.praxis.jooq.Tables.APPLICATION;
import static org.praxis.jooq.Tables.COHORT;
import static org.praxis.jooq.Tables.COHORT_MEMBERSHIP;
import static org.praxis.jooq.Tables.MEMBER;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.base.ui.NotFoundView;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.ApplicationStatus;
import org.praxis.joining.Authority;
import org.praxis.joining.Facts;
import org.praxis.joining.RepresentationFacts;
import org.praxis.organization.Sector;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class JoiningViewsTest extends KaribuTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ApplicationService applications;
    @Autowired
    MailWorker mailWorker;

    long cohort;
    String cohortName;
    TestData.Person facilitator;
    TestData.Person member;

    @BeforeEach
    void anOpenCohortWithAgreements() {
        cohort = data.cohort();
        cohortName = data.cohortName(cohort);
        data.db().update(COHORT).set(COHORT.APPLICATIONS_OPEN, true).where(COHORT.ID.eq(cohort)).execute();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        member = data.personIn(cohort, Role.MEMBER);
        data.db().insertInto(AGREEMENT).set(AGREEMENT.COHORT_ID, cohort).set(AGREEMENT.VERSION, 1)
                .set(AGREEMENT.BODY_MARKDOWN, "Stories stay, lessons leave.")
                .set(AGREEMENT.BODY_HTML, "<p>Stories stay, lessons leave.</p>").execute();
    }

    private long applied(String name, String email, RepresentationFacts facts) {
        return applications.apply(new ApplicationForm(cohort, name, email, null, "Clinic of " + name, Sector.HOUSING,
                "Director", Authority.STRUCTURAL, "To learn", "Practice", facts, true, null), TestData.unique("addr"));
    }

    private static <T> void pick(Select<T> select, java.util.function.Predicate<T> which) {
        _setValue(select, select.getListDataView().getItems().filter(which).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private void selectCohort() {
        Select<org.praxis.cohort.CohortChoice> choice = _get(Select.class, spec -> spec.withId("apply-cohort"));
        pick(choice, c -> c.id() == cohort);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_applicant_applies_without_signing_in_sees_problems_in_place_and_is_thanked() {
        navigate("apply");
        selectCohort();
        String email = TestData.unique("ana") + "@example.org";
        _setValue(_get(TextField.class, spec -> spec.withId("apply-name")), "Ana Flores");
        _setValue(_get(EmailField.class, spec -> spec.withId("apply-email")), email);
        ComboBoxKt._fireCustomValueSet(_get(ComboBox.class, spec -> spec.withId("apply-organization")),
                "Skagit Farmworker Clinic");
        _setValue(_get(TextArea.class, spec -> spec.withId("apply-why")), "To bring equity into our intake.");
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));

        Select<Sector> sector = _get(Select.class, spec -> spec.withId("apply-sector"));
        Checkbox consent = _get(Checkbox.class, spec -> spec.withId("apply-consent"));
        assertThat(sector.isInvalid()).isTrue();
        assertThat(consent.isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("apply-name")).getValue()).isEqualTo("Ana Flores");
        assertThat(_get(TextArea.class, spec -> spec.withId("apply-why")).getValue()).isEqualTo("To bring equity into our intake.");
        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.EMAIL.eq(email))).isZero();

        _setValue(sector, Sector.HEALTH_CARE);
        _setValue(_get(TextField.class, spec -> spec.withId("apply-role")), "Clinic director");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("apply-authority")), Authority.BOTH);
        _setValue(_get(TextArea.class, spec -> spec.withId("apply-bring")), "Twenty years with farmworker families.");
        CheckboxGroup<String> race = _get(CheckboxGroup.class, spec -> spec.withId("apply-race"));
        _setValue(race, Set.of("HISPANIC_LATINO", Facts.SELF_DESCRIBE));
        _setValue(_get(TextField.class, spec -> spec.withId("apply-race-self")), "Mestiza");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("apply-county")), "SKAGIT");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("apply-tribal")), Facts.PREFER_NOT);
        _setValue(consent, true);
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));

        assertThat(_get(H1.class, spec -> spec.withId("apply-thanks")).getText()).isEqualTo("Thank you for applying");
        var stored = data.db().selectFrom(APPLICATION).where(APPLICATION.EMAIL.eq(email)).fetchSingle();
        assertThat(stored.getOrganizationName()).isEqualTo("Skagit Farmworker Clinic");
        assertThat(stored.getFacts().data()).contains("Mestiza", "SKAGIT", "PREFER_NOT");
        mailWorker.deliverDue();
        assertThat(mail.getReceivedMessagesForDomain("example.org"))
                .anySatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email));

        // the same email again, with nothing else filled in: the problems of the other fields, never a word about the email
        navigate("login");
        navigate("apply");
        selectCohort();
        _setValue(_get(EmailField.class, spec -> spec.withId("apply-email")), email.toUpperCase());
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));
        assertThat(_get(TextField.class, spec -> spec.withId("apply-name")).isInvalid()).isTrue();
        assertThat(_get(EmailField.class, spec -> spec.withId("apply-email")).isInvalid()).isFalse();
    }

    /** Fills the whole form as a careful applicant would, and sends it; returns the texts of the page shown. */
    @SuppressWarnings("unchecked")
    private List<String> applyWith(String email) {
        navigate("login");
        navigate("apply");
        selectCohort();
        _setValue(_get(TextField.class, spec -> spec.withId("apply-name")), "Sam Prober");
        _setValue(_get(EmailField.class, spec -> spec.withId("apply-email")), email);
        ComboBoxKt._fireCustomValueSet(_get(ComboBox.class, spec -> spec.withId("apply-organization")), "Probe Clinic");
        _setValue(_get(Select.class, spec -> spec.withId("apply-sector")), Sector.OTHER);
        _setValue(_get(TextField.class, spec -> spec.withId("apply-role")), "Director");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("apply-authority")), Authority.BOTH);
        _setValue(_get(TextArea.class, spec -> spec.withId("apply-why")), "To learn.");
        _setValue(_get(TextArea.class, spec -> spec.withId("apply-bring")), "Practice.");
        _setValue(_get(Checkbox.class, spec -> spec.withId("apply-consent")), true);
        _click(_get(Button.class, spec -> spec.withId("apply-submit")));
        // the page as a stranger reads it, with the address they typed taken out
        return com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Main.class,
                        spec -> spec.withId("apply-view")).get(0).getElement().getTextRecursively()
                .lines().map(line -> line.replace(email, "<email>")).toList();
    }

    @Test
    void a_stranger_probing_an_email_of_a_member_or_an_applicant_is_answered_as_for_a_new_one_and_the_owner_is_told()
            throws Exception {
        String applicant = TestData.unique("applicant") + "@example.org";
        applied("Earlier Applicant", applicant, RepresentationFacts.NONE);
        int applications = data.db().fetchCount(APPLICATION, APPLICATION.COHORT_ID.eq(cohort));
        mailWorker.deliverDue();
        mail.purgeEmailFromAllMailboxes();

        List<String> forNew = applyWith(TestData.unique("new") + "@example.org");
        List<String> forApplicant = applyWith(applicant.toUpperCase());
        List<String> forMember = applyWith(member.email());

        assertThat(forNew).isNotEmpty();
        assertThat(forApplicant).isEqualTo(forNew);
        assertThat(forMember).isEqualTo(forNew);
        _assertOne(H1.class, spec -> spec.withId("apply-thanks"));
        // the new address made one application; the others nothing
        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.COHORT_ID.eq(cohort))).isEqualTo(applications + 1);
        assertThat(data.db().fetchCount(APPLICATION, APPLICATION.EMAIL.lower().eq(applicant))).isEqualTo(1);
        // each owner hears of it by mail, in the same words of subject as a first application
        mailWorker.deliverDue();
        assertThat(mail.waitForIncomingEmail(10_000, 3)).isTrue();
        var toApplicant = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(applicant)).toList();
        assertThat(toApplicant).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Your application to " + cohortName);
            assertThat(GreenMailUtil.getBody(m)).contains("We already have an application from this address");
        });
        var toMember = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> recipient(m).equalsIgnoreCase(member.email())).toList();
        assertThat(toMember).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Your application to " + cohortName);
            assertThat(GreenMailUtil.getBody(m)).contains("already belongs to a member of the cohort");
        });
    }

    private static String recipient(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_facilitator_reviews_shortlists_notes_and_declines_with_a_message() throws Exception {
        String email = TestData.unique("dee") + "@example.org";
        long id = applied("Dee", email, new RepresentationFacts(List.of(Facts.SELF_DESCRIBE), "Filipina", "WOMAN", null,
                "SAN_JUAN", null, null, null, "Grew up on Lopez Island", false));
        signInAs(facilitator);
        UI_navigate("applications", "cohort", cohort);
        _assertOne(NativeTableRow.class, spec -> spec.withId("application-" + id));
        navigate("applications/" + id);
        assertThat(_get(DescriptionList.class, spec -> spec.withId("application-facts")).getElement().getTextRecursively())
                .contains("Filipina", "Woman", "San Juan County", "Grew up on Lopez Island", "Not answered");
        _click(_get(Button.class, spec -> spec.withId("application-shortlist")));
        assertThat(_get(Span.class, spec -> spec.withId("application-status")).getText()).isEqualTo("Shortlisted");
        _setValue(_get(TextArea.class, spec -> spec.withId("application-note")), "Brings the islands' view.");
        _click(_get(Button.class, spec -> spec.withId("application-note-add")));
        _click(_get(Button.class, spec -> spec.withId("application-decline")));
        _setValue(_get(TextArea.class, spec -> spec.withId("decision-message")), "We could not offer a place this year.");
        _click(_get(Button.class, spec -> spec.withId("decision-confirm")));
        assertThat(_get(Span.class, spec -> spec.withId("application-status")).getText()).isEqualTo("Declined");
        assertThat(_get(OrderedList.class, spec -> spec.withId("application-events")).getElement().getTextRecursively())
                .contains("Brings the islands' view.", "We could not offer a place this year.", "moved it to “Shortlisted”");
        mailWorker.deliverDue();
        assertThat(mail.getReceivedMessages()).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
            assertThat(GreenMailUtil.getBody(m)).contains("We could not offer a place this year.");
        });
    }

    private static void UI_navigate(String route, String name, Object value) {
        com.vaadin.flow.component.UI.getCurrent().navigate(route,
                com.vaadin.flow.router.QueryParameters.of(name, String.valueOf(value)));
    }

    @Test
    void the_overview_shows_gaps_and_never_a_count_of_one_or_two() {
        signInAs(facilitator);
        for (int i = 0; i < 3; i++) {
            long id = applied("W" + i, TestData.unique("w") + "@example.org", new RepresentationFacts(List.of("WHITE"),
                    null, "MAN", null, "SNOHOMISH", null, "NONE", null, null, false));
            applications.setStatus(id, ApplicationStatus.SHORTLISTED, null);
        }
        long one = applied("B", TestData.unique("b") + "@example.org", new RepresentationFacts(List.of("BLACK"), null,
                "WOMAN", null, "ISLAND", null, "NONE", null, "Lived it", false));
        applications.setStatus(one, ApplicationStatus.SHORTLISTED, null);
        UI_navigate("composition", "cohort", cohort);
        assertThat(_get(Paragraph.class, spec -> spec.withId("composition-size")).getText())
                .startsWith("5 of 15 places: 1 member and 4 shortlisted or invited applicants");
        String race = _get(NativeTable.class, spec -> spec.withId("composition-race")).getElement().getTextRecursively();
        assertThat(race).contains("White3", "Black or African Americanfewer than 3");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("composition-gaps")).getElement().getTextRecursively())
                .contains("No one from San Juan County", "No one from Tribal health");
        assertThat(_get(Paragraph.class, spec -> spec.withId("composition-lived")).getText()).startsWith("Fewer than 3");
    }

    private static String token(String body) {
        Matcher link = Pattern.compile("http://praxis\\.test/join/([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void an_invitation_goes_by_mail_and_its_link_leads_to_a_password_the_agreements_and_a_first_sign_in()
            throws Exception {
        String email = TestData.unique("ina") + "@example.org";
        long id = applied("Ina", email, RepresentationFacts.NONE);
        signInAs(facilitator);
        navigate("applications/" + id);
        _click(_get(Button.class, spec -> spec.withId("application-invite")));
        String shown = _get(TextField.class, spec -> spec.withId("invitation-link")).getValue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-sent")).getText())
                .startsWith("The invitation is queued to be mailed to " + email);
        mailWorker.deliverDue();
        var invitation = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(email))
                .filter(m -> GreenMailUtil.getBody(m).contains("/join/")).reduce((a, b) -> b).orElseThrow();
        assertThat(invitation.getAllRecipients()[0].toString()).isEqualTo(email);
        String token = token(GreenMailUtil.getBody(invitation));
        assertThat(shown).endsWith(token);

        // the invitee, signed out, follows the link from the message
        SecurityContextHolder.clearContext();
        navigate("join/" + token);
        assertThat(_get(H1.class).getText()).isEqualTo("Join " + cohortName);
        assertThat(_get(TextField.class, spec -> spec.withId("join-email")).getValue()).isEqualTo(email);
        _setValue(_get(PasswordField.class, spec -> spec.withId("join-password")), "tidewater marsh 42");
        _setValue(_get(PasswordField.class, spec -> spec.withId("join-repeated")), "tidewater marsh 24");
        _click(_get(Button.class, spec -> spec.withId("join-submit")));
        assertThat(_get(PasswordField.class, spec -> spec.withId("join-repeated")).isInvalid()).isTrue();
        assertThat(_get(Checkbox.class, spec -> spec.withId("join-agreed")).isInvalid()).isTrue();
        _setValue(_get(PasswordField.class, spec -> spec.withId("join-repeated")), "tidewater marsh 42");
        _setValue(_get(Checkbox.class, spec -> spec.withId("join-agreed")), true);
        _setValue(_get(TextField.class, spec -> spec.withId("join-name")), "Ina R.");
        _click(_get(Button.class, spec -> spec.withId("join-submit")));

        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(PraxisUser.class, u -> assertThat(u.email()).isEqualTo(email));
        long memberId = data.db().select(MEMBER.ID).from(MEMBER).where(MEMBER.EMAIL.eq(email)).fetchSingle(MEMBER.ID);
        assertThat(data.db().fetchExists(COHORT_MEMBERSHIP, COHORT_MEMBERSHIP.MEMBER_ID.eq(memberId)
                .and(COHORT_MEMBERSHIP.COHORT_ID.eq(cohort)))).isTrue();
        assertThat(data.db().fetchExists(AGREEMENT_ACK, AGREEMENT_ACK.MEMBER_ID.eq(memberId))).isTrue();

        // the link again: used, with a way to ask for a new one
        SecurityContextHolder.clearContext();
        navigate("join/" + token);
        assertThat(_get(H1.class, spec -> spec.withId("join-refused")).getText()).isEqualTo("This invitation has already been used");
        _click(_get(Button.class, spec -> spec.withId("join-ask-new")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("join-asked")).getText()).startsWith("The facilitators have been told");
    }

    @Test
    void an_expired_link_is_refused() {
        long id = applied("Late", TestData.unique("late") + "@example.org", RepresentationFacts.NONE);
        data.signIn(facilitator);
        String token = invitationsToken(id);
        data.db().update(org.praxis.jooq.Tables.INVITATION)
                .set(org.praxis.jooq.Tables.INVITATION.EXPIRES_AT, java.time.OffsetDateTime.now().minusMinutes(1))
                .where(org.praxis.jooq.Tables.INVITATION.APPLICATION_ID.eq(id)).execute();
        SecurityContextHolder.clearContext();
        navigate("join/" + token);
        assertThat(_get(H1.class, spec -> spec.withId("join-refused")).getText()).isEqualTo("This invitation has expired");
        _assertOne(Button.class, spec -> spec.withId("join-ask-new"));
        navigate("join/nothing-like-a-real-token-here");
        assertThat(_get(H1.class, spec -> spec.withId("join-refused")).getText()).isEqualTo("This invitation link is not valid");
    }

    @Autowired
    org.praxis.joining.InvitationService invitations;

    private String invitationsToken(long applicationId) {
        return invitations.invite(applicationId).url().replaceAll(".*/join/", "");
    }

    @Test
    void members_cannot_see_applications_and_other_facilitators_cannot_open_them() {
        long id = applied("Hidden", TestData.unique("hid") + "@example.org", new RepresentationFacts(List.of("ASIAN"),
                null, null, null, null, null, null, null, null, false));
        signInAs(member);
        navigate("applications");
        _assertOne(AccessDeniedView.class);
        navigate("applications/" + id);
        _assertOne(AccessDeniedView.class);
        UI_navigate("composition", "cohort", cohort);
        _assertOne(AccessDeniedView.class);

        TestData.Person elsewhere = data.personIn(data.cohort(), Role.FACILITATOR);
        signInAs(elsewhere);
        navigate("applications/" + id);
        _assertOne(NotFoundView.class);
        UI_navigate("composition", "cohort", cohort);
        _assertOne(NotFoundView.class);
    }
}
