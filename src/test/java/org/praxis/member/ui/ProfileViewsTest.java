package org.praxis.member.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.accountability.DigestFrequency;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadService;
import org.praxis.organization.Organization;
import org.praxis.search.Indexer;
import org.praxis.support.KaribuTest;
import org.praxis.support.SignInAttempts;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.context.SecurityContextHolder;

class ProfileViewsTest extends KaribuTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ThreadService threads;
    @Autowired
    Indexer indexer;
    @Autowired
    MailWorker mailWorker;
    @Autowired
    AuthenticationManager authenticationManager;

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static TextArea bio() {
        return _get(TextArea.class, spec -> spec.withId("profile-bio"));
    }

    private static String shell() {
        return _get(Span.class, spec -> spec.withId("signed-in-user")).getText();
    }

    private String stored(long id, org.jooq.Field<String> field) {
        return data.db().select(field).from(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle(field);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_member_edits_their_profile_and_the_new_name_shows_in_the_shell_and_in_search_at_once() throws Exception {
        long cohort = data.cohort();
        long org = data.organization();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        data.signIn(me);
        long post = threads.reply(thread, null, "what I wrote under my old name " + word, false, false);
        indexer.catchUp();

        signInAs(me);
        navigate("account");
        assertThat(shell()).startsWith(me.name());
        assertThat(text("profile-display-name").getValue()).isEqualTo(me.name());
        String newName = "Renamed" + word;
        _setValue(text("profile-display-name"), newName);
        _setValue(text("profile-pronouns"), "they/them");
        _setValue(text("profile-title"), "Programme lead");
        ComboBox<Organization> organization = _get(ComboBox.class, spec -> spec.withId("profile-organization"));
        _setValue(organization, organization.getListDataView().getItems().filter(o -> o.id() == org).findFirst()
                .orElseThrow());
        _setValue(bio(), "I coordinate interpreters across three counties.");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));

        NotificationsKt.expectNotifications("Your profile has been saved.");
        assertThat(shell()).isEqualTo(newName + " (Member)");
        assertThat(stored(me.id(), MEMBER.DISPLAY_NAME)).isEqualTo(newName);
        assertThat(stored(me.id(), MEMBER.BIO)).isEqualTo("I coordinate interpreters across three counties.");
        // a fresh page keeps it: the session's principal follows too
        navigate("");
        assertThat(shell()).isEqualTo(newName + " (Member)");
        navigate("account");
        assertThat(bio().getValue()).isEqualTo("I coordinate interpreters across three counties.");
        assertThat(bio().getHelperText()).contains("48 of 500 used");

        // the peer finds the post under the new name once the indexer has caught up
        indexer.catchUp();
        signInAs(peer);
        com.vaadin.flow.component.UI.getCurrent().navigate("search",
                com.vaadin.flow.router.QueryParameters.of("q", "author:" + newName + " " + word));
        _assertOne(ListItem.class, spec -> spec.withId("result-post-" + post));
    }

    @Test
    void the_bio_shows_to_the_cohort_on_its_home_page() {
        long cohort = data.cohort();
        TestData.Person me = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        signInAs(me);
        navigate("account");
        _setValue(bio(), "Twenty years in rural clinics; ask me about interpreters.");
        _click(_get(Button.class, spec -> spec.withId("profile-save")));
        NotificationsKt.expectNotifications("Your profile has been saved.");
        assertThat(stored(me.id(), MEMBER.BIO)).isEqualTo("Twenty years in rural clinics; ask me about interpreters.");

        signInAs(peer);
        navigate("cohort-people");
        ListItem card = _get(ListItem.class, spec -> spec.withId("person-" + me.id()));
        assertThat(_get(card, Paragraph.class).getText()).isEqualTo("Twenty years in rural clinics; ask me about interpreters.");
        _assertNone(_get(ListItem.class, spec -> spec.withId("person-" + peer.id())), Paragraph.class);
    }

    @Test
    void bad_input_is_named_in_place_the_typed_text_stays_and_nothing_is_saved() {
        TestData.Person me = data.personIn(data.cohort(), Role.MEMBER);
        signInAs(me);
        navigate("account");
        _setValue(text("profile-display-name"), "   ");
        String longBio = "A".repeat(510);
        _setValue(bio(), longBio);
        _click(_get(Button.class, spec -> spec.withId("profile-save")));

        assertThat(text("profile-display-name").isInvalid()).isTrue();
        assertThat(text("profile-display-name").getErrorMessage()).isEqualTo("Please fill this in.");
        assertThat(bio().isInvalid()).isTrue();
        assertThat(bio().getErrorMessage()).isEqualTo("Please keep your bio to 500 characters or fewer; it has 510 now.");
        assertThat(bio().getValue()).isEqualTo(longBio);
        assertThat(stored(me.id(), MEMBER.DISPLAY_NAME)).isEqualTo(me.name());
        assertThat(stored(me.id(), MEMBER.BIO)).isNull();
        NotificationsKt.expectNoNotifications();

        // undo puts back what is saved
        _click(_get(Button.class, spec -> spec.withId("profile-undo")));
        assertThat(text("profile-display-name").getValue()).isEqualTo(me.name());
        assertThat(bio().getValue()).isEmpty();
    }

    @Test
    void the_digest_choice_is_among_the_notifications() {
        TestData.Person me = data.personIn(data.cohort(), Role.MEMBER);
        signInAs(me);
        navigate("account");
        Div notifications = _get(Div.class, spec -> spec.withId("notification-digest"));
        assertThat(_get(notifications, H3.class).getText()).isEqualTo("Email digest");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<DigestFrequency> digest = _get(RadioButtonGroup.class, spec -> spec.withId("account-digest"));
        assertThat(digest.getValue()).isEqualTo(DigestFrequency.WEEKLY);
        _setValue(digest, DigestFrequency.DAILY);
        assertThat(stored(me.id(), MEMBER.DIGEST)).isEqualTo("DAILY");
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-digest-saved")).getText()).isEqualTo("Saved.");
    }

    private List<MimeMessage> mailTo(String address) {
        mailWorker.deliverDue();
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The decoded text (a long link is wrapped in the raw quoted-printable body). */
    private static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requestChange(String address, String password) {
        _setValue(_get(EmailField.class, spec -> spec.withId("email-new")), address);
        _setValue(_get(PasswordField.class, spec -> spec.withId("email-password")), password);
        _click(_get(Button.class, spec -> spec.withId("email-request")));
    }

    @Test
    void a_member_changes_their_email_by_the_link_mailed_to_the_new_address_and_signs_in_with_it() throws Exception {
        TestData.Person me = data.personIn(data.cohort(), Role.MEMBER);
        TestData.Person other = data.person(Role.MEMBER);
        String newEmail = TestData.unique("moved") + "@example.org";
        signInAs(me);
        navigate("account");
        assertThat(_get(Paragraph.class, spec -> spec.withId("email-current")).getText()).contains(me.email());

        // refused in place, what was typed stays
        requestChange(other.email(), TestData.PASSWORD);
        EmailField field = _get(EmailField.class, spec -> spec.withId("email-new"));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("There is already an account with this email address.");
        assertThat(field.getValue()).isEqualTo(other.email());
        requestChange(newEmail, "not my password");
        assertThat(_get(PasswordField.class, spec -> spec.withId("email-password")).getErrorMessage())
                .isEqualTo("This is not your current password.");
        assertThat(_get(EmailField.class, spec -> spec.withId("email-new")).getValue()).isEqualTo(newEmail);

        requestChange(newEmail, TestData.PASSWORD);
        assertThat(_get(Div.class, spec -> spec.withId("email-pending")).getElement().getTextRecursively())
                .startsWith("Waiting for confirmation of " + newEmail);
        _assertNone(EmailField.class, spec -> spec.withId("email-new"));
        navigate("account");
        assertThat(_get(Div.class, spec -> spec.withId("email-pending")).getElement().getTextRecursively()).contains(newEmail, me.email());

        MimeMessage message = mailTo(newEmail).get(0);
        assertThat(message.getSubject()).isEqualTo("Confirm your new email address for Praxis");
        Matcher link = Pattern.compile("http://praxis\\.test/(account/email/[A-Za-z0-9_-]+)")
                .matcher(text(message));
        assertThat(link.find()).isTrue();

        navigate(link.group(1));
        assertThat(_get(H1.class, spec -> spec.withId("email-confirm-title")).getText())
                .isEqualTo("Confirm your new email address");
        // opening the link changes nothing by itself
        assertThat(stored(me.id(), MEMBER.EMAIL)).isEqualTo(me.email());
        _click(_get(Button.class, spec -> spec.withId("email-confirm")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("email-confirmed-text")).getText())
                .isEqualTo("You now sign in with " + newEmail + ".");
        assertThat(stored(me.id(), MEMBER.EMAIL)).isEqualTo(newEmail);
        assertThat(mailTo(me.email())).singleElement()
                .satisfies(m -> assertThat(text(m)).contains("changed from " + me.email() + " to " + newEmail));

        navigate("account");
        assertThat(_get(Paragraph.class, spec -> spec.withId("email-current")).getText()).contains(newEmail);
        _assertNone(Div.class, spec -> spec.withId("email-pending"));

        // the link again: used
        navigate(link.group(1));
        assertThat(_get(Paragraph.class, spec -> spec.withId("email-refused-reason")).getText())
                .isEqualTo("This link has been used already.");

        SecurityContextHolder.clearContext();
        assertThat(new SignInAttempts(authenticationManager).attempt(newEmail, TestData.PASSWORD).getPrincipal())
                .isInstanceOfSatisfying(PraxisUser.class, u -> assertThat(u.id()).isEqualTo(me.id()));
    }

    @Test
    void a_waiting_change_can_be_cancelled_and_its_link_then_says_so() throws Exception {
        TestData.Person me = data.personIn(data.cohort(), Role.MEMBER);
        String newEmail = TestData.unique("cancel") + "@example.org";
        signInAs(me);
        navigate("account");
        requestChange(newEmail, TestData.PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("email-cancel")));
        _assertNone(Div.class, spec -> spec.withId("email-pending"));
        _assertOne(EmailField.class, spec -> spec.withId("email-new"));

        Matcher link = Pattern.compile("http://praxis\\.test/(account/email/[A-Za-z0-9_-]+)")
                .matcher(text(mailTo(newEmail).get(0)));
        assertThat(link.find()).isTrue();
        navigate(link.group(1));
        assertThat(_get(H1.class, spec -> spec.withId("email-refused")).getText())
                .isEqualTo("This link cannot change your email address");
        _assertNone(Button.class, spec -> spec.withId("email-confirm"));
        assertThat(stored(me.id(), MEMBER.EMAIL)).isEqualTo(me.email());
    }
}
