package org.praxis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.praxis.jooq.Tables.MAIL_OUTBOX;
import static org.praxis.jooq.Tables.NOTIFICATION;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.praxis.base.mail.MailWorker;
import org.praxis.base.security.Role;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadFollowService;
import org.praxis.conversation.ThreadFollowService.Follow;
import org.praxis.conversation.ThreadService;
import org.praxis.notification.NotificationKind.Delivery;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.praxis.support.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Notices of replies (to one's post, in a thread one follows), follow and mute, the choices per
 * kind (app, email at once through the outbox, digest, off), what a notice shows at the moment it
 * is read, and pruning.
 */
class NotificationKindsTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(TestSmtp.SETUP);

    @Autowired
    ThreadService threads;
    @Autowired
    ThreadFollowService follows;
    @Autowired
    ModerationService moderation;
    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationPruning pruning;
    @Autowired
    MailWorker mailWorker;
    @Autowired
    org.praxis.base.i18n.Messages messages;
    @Autowired
    org.praxis.accountability.DigestService digests;

    private List<NotificationItem> noticesOf(TestData.Person p) {
        data.signIn(p);
        return notifications.latest(50);
    }

    private int rowsOf(TestData.Person p) {
        return data.db().fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(p.id()));
    }

    @Test
    void a_reply_to_a_post_tells_its_author_and_opens_the_reply_itself_and_never_tells_the_writer() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "Our intake form is English only.", false, false);
        data.signIn(peer);
        long reply = threads.reply(thread, post, "Ours too, until last year.", false, false);

        assertThat(noticesOf(author)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("POST_REPLY");
            assertThat(n.actorName()).isEqualTo(peer.name());
            assertThat(n.link()).isEqualTo("threads/" + thread + "?post=" + reply);
            assertThat(notifications.text(n)).startsWith(peer.name() + " replied to your post in “");
        });
        assertThat(rowsOf(peer)).isZero();
        // replying to one's own post tells nobody but the thread's followers
        data.signIn(author);
        threads.reply(thread, post, "Adding a detail.", false, false);
        assertThat(rowsOf(author)).isEqualTo(1);
        assertThat(rowsOf(peer)).isEqualTo(1).as("the peer follows the thread now");
    }

    @Test
    void followers_hear_of_replies_and_a_muted_thread_tells_nothing_even_of_a_reply_to_ones_post() {
        long cohort = data.cohort();
        TestData.Person first = data.personIn(cohort, Role.MEMBER);
        TestData.Person second = data.personIn(cohort, Role.MEMBER);
        TestData.Person writer = data.personIn(cohort, Role.MEMBER);
        TestData.Person reader = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(first);
        long firstPost = threads.reply(thread, null, "Starting here.", false, false);
        data.signIn(second);
        threads.reply(thread, null, "Me too.", false, false);
        data.signIn(reader);
        follows.set(thread, Follow.FOLLOWING);
        assertThat(follows.state(thread)).isEqualTo(Follow.FOLLOWING);
        data.signIn(writer);
        threads.reply(thread, null, "A third voice.", false, false);

        // the first heard of the second's post and of the writer's; the reader, who follows, of the writer's
        assertThat(noticesOf(first)).hasSize(2).allSatisfy(n -> assertThat(n.kind()).isEqualTo("THREAD_REPLY"));
        assertThat(noticesOf(reader)).singleElement().satisfies(n -> assertThat(n.kind()).isEqualTo("THREAD_REPLY"));
        assertThat(noticesOf(second)).hasSize(1);

        data.signIn(first);
        follows.set(thread, Follow.MUTED);
        // posting again in a muted thread does not follow it again
        threads.reply(thread, null, "Quietly.", false, false);
        assertThat(follows.state(thread)).isEqualTo(Follow.MUTED);
        data.signIn(second);
        follows.set(thread, Follow.NONE);
        data.signIn(writer);
        threads.reply(thread, firstPost, "Answering you directly.", false, false);
        assertThat(rowsOf(first)).as("muted: not even of the reply to their post").isEqualTo(2);
        assertThat(rowsOf(second)).as("told of \"Quietly\", not after leaving").isEqualTo(2);
        assertThat(rowsOf(reader)).isEqualTo(3);
    }

    @Test
    void a_facilitators_only_reply_reaches_only_the_facilitators_and_the_one_it_answers() {
        long cohort = data.cohort();
        TestData.Person asker = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        long thread = data.thread(cohort);
        data.signIn(peer);
        threads.reply(thread, null, "Open to all.", false, false);
        data.signIn(facilitator);
        threads.reply(thread, null, "Welcome.", false, false);
        data.signIn(asker);
        long question = threads.reply(thread, null, "Privately: can I talk about my board?", true, false);

        assertThat(rowsOf(peer)).as("of the facilitator's open post only").isEqualTo(1);
        assertThat(noticesOf(facilitator)).singleElement().satisfies(n -> assertThat(n.postId()).isEqualTo(question));

        data.signIn(facilitator);
        long answer = threads.reply(thread, question, "Yes, of course.", false, false);
        assertThat(noticesOf(asker)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("POST_REPLY");
            assertThat(n.postId()).isEqualTo(answer);
        });
        assertThat(rowsOf(peer)).isEqualTo(1);
    }

    @Test
    void a_notice_of_a_post_hidden_or_removed_after_it_was_made_is_no_longer_shown_and_a_hidden_name_stays_hidden() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        long thread = data.thread(cohort, null, true);
        data.signIn(author);
        long post = threads.reply(thread, null, "Has this happened to you?", false, false);
        data.signIn(peer);
        long reply = threads.reply(thread, post, "Yes, and I name nobody.", false, true);

        assertThat(noticesOf(author)).singleElement().satisfies(n -> {
            assertThat(n.actorName()).isNull();
            assertThat(notifications.text(n)).doesNotContain(peer.name()).startsWith(messages.text("post.name-hidden"));
        });
        assertThat(notifications.unreadCount()).isEqualTo(1);

        data.signIn(facilitator);
        moderation.hide(reply, "Names a patient");
        assertThat(noticesOf(author)).isEmpty();
        assertThat(notifications.unreadCount(author.id())).isZero();
        assertThat(rowsOf(author)).as("kept, and shown again if the post comes back").isEqualTo(1);
    }

    @Test
    void off_keeps_no_notice_email_at_once_goes_through_the_outbox_and_digest_puts_it_in_the_digest() throws Exception {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "Where do we start?", false, false);
        assertThat(notifications.choices()).containsEntry(NotificationKind.POST_REPLY, Delivery.EMAIL)
                .doesNotContainKey(NotificationKind.REPORT_NEW).doesNotContainKey(NotificationKind.SESSION_REINSTATED);

        notifications.choose(NotificationKind.POST_REPLY, Delivery.OFF);
        data.signIn(peer);
        threads.reply(thread, post, "With the intake form.", false, false);
        assertThat(rowsOf(author)).isZero();

        data.signIn(author);
        notifications.choose(NotificationKind.POST_REPLY, Delivery.EMAIL);
        data.signIn(peer);
        long second = threads.reply(thread, post, "And the signage.", false, false);
        assertThat(rowsOf(author)).isEqualTo(1);
        assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(author.email()))).isEqualTo(1);
        mailWorker.deliverDue();
        var received = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(author.email());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).contains(peer.name() + " replied to your post");
        assertThat(GreenMailUtil.getBody(received.get(0)).replace("=\r\n", ""))
                .contains("threads/" + thread + "?post=3D" + second);

        data.signIn(author);
        notifications.choose(NotificationKind.POST_REPLY, Delivery.DIGEST);
        OffsetDateTime since = OffsetDateTime.now().minusMinutes(1);
        data.signIn(peer);
        threads.reply(thread, post, "And the phone line.", false, false);
        assertThat(data.db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(author.email()))).isEqualTo(1);
        var digest = digestOf(author, since);
        assertThat(digest.notices()).singleElement().asString().startsWith(peer.name() + " replied to your post");
    }

    private org.praxis.accountability.Digest digestOf(TestData.Person p, OffsetDateTime since) {
        try {
            var compose = org.praxis.accountability.DigestService.class.getDeclaredMethod("compose", long.class,
                    OffsetDateTime.class, OffsetDateTime.class, java.time.ZoneId.class);
            compose.setAccessible(true);
            return (org.praxis.accountability.Digest) compose.invoke(digests, p.id(), since, OffsetDateTime.now().plusMinutes(1),
                    ZoneOffset.UTC);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nobody_marks_anothers_notice_read_chooses_a_facilitators_kind_as_a_member_or_follows_a_thread_elsewhere() {
        long cohort = data.cohort();
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person peer = data.personIn(cohort, Role.MEMBER);
        TestData.Person outsider = data.personIn(data.cohort(), Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, "Mine.", false, false);
        data.signIn(peer);
        threads.reply(thread, post, "Yours.", false, false);
        long notice = noticesOf(author).get(0).id();

        data.signIn(peer);
        notifications.markRead(notice);
        notifications.markAllRead();
        assertThat(notifications.unreadCount(author.id())).isEqualTo(1);
        assertThatThrownBy(() -> notifications.choose(NotificationKind.REPORT_NEW, Delivery.APP))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notifications.choose(NotificationKind.SESSION_REMINDER, Delivery.EMAIL))
                .isInstanceOf(AccessDeniedException.class);

        data.signIn(outsider);
        assertThatThrownBy(() -> follows.set(thread, Follow.FOLLOWING)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> follows.state(thread)).isInstanceOf(AccessDeniedException.class);
        assertThat(notifications.latest(50)).noneMatch(n -> n.id() == notice);

        data.signIn(author);
        notifications.markRead(notice);
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void notices_older_than_the_retention_are_pruned_and_newer_ones_stay() {
        long cohort = data.cohort();
        TestData.Person person = data.personIn(cohort, Role.MEMBER);
        notifications.notify(person.id(), NotificationKind.WORKSHEET_ASSIGNED, "worksheets", "Old one");
        notifications.notify(person.id(), NotificationKind.WORKSHEET_ASSIGNED, "worksheets", "New one");
        data.db().update(NOTIFICATION).set(NOTIFICATION.CREATED_AT, OffsetDateTime.now().minusDays(91))
                .where(NOTIFICATION.MEMBER_ID.eq(person.id())).and(NOTIFICATION.SUBJECT.eq("Old one")).execute();

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(1);
        assertThat(data.db().select(NOTIFICATION.SUBJECT).from(NOTIFICATION).where(NOTIFICATION.MEMBER_ID.eq(person.id()))
                .fetch(NOTIFICATION.SUBJECT)).containsExactly("New one");
    }

    @Test
    void a_notice_made_once_is_made_once_and_a_kind_given_as_text_keeps_working() {
        long cohort = data.cohort();
        TestData.Person person = data.personIn(cohort, Role.FACILITATOR);
        assertThat(notifications.notifyOnce(person.id(), NotificationKind.WORKSHEET_DUE, "worksheets", "Due", "k1")).isTrue();
        assertThat(notifications.notifyOnce(person.id(), NotificationKind.WORKSHEET_DUE, "worksheets", "Due", "k1")).isFalse();
        notifications.notify(person.id(), "REPORT_NEW", "reports", "A post in “Intake”");
        data.signIn(person);
        assertThat(notifications.latest(10)).extracting(NotificationItem::kind).containsExactlyInAnyOrder("WORKSHEET_DUE",
                "REPORT_NEW");
        assertThat(notifications.choices()).containsKeys(NotificationKind.REPORT_NEW, NotificationKind.NEW_APPLICATION);
    }

    @Test
    void every_kind_has_its_texts() throws Exception {
        Properties bundle = new Properties();
        try (var in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(bundle).containsKey(kind.textKey());
            if (kind.chosen()) {
                assertThat(bundle).containsKey(kind.labelKey());
            }
        }
    }
}
