package org.praxis.notification;

import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.NOTIFICATION_PREFERENCE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.base.i18n.Messages;
import org.praxis.base.mail.Mailer;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.member.Members;
import org.praxis.notification.NotificationKind.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications: written by features in their own transaction, read and cleared by their
 * recipient. Each person chooses per kind ({@link NotificationKind}) how they hear of it: in Praxis
 * only, by email at once (queued in the outbox in the same transaction), in their next digest, or
 * not at all (no notice is kept). A notice about a post is shown only while its reader may read
 * the post ({@link PostNotices}), and never names one who hid their name. Open pages of the
 * recipient hear of a new notice after the commit ({@link NotificationEvents}). A deleted
 * account's own notifications go, and others' notices name it no more.
 */
@Service
public class NotificationService implements PersonalData {

    /** @see NotificationKind#MENTION */
    public static final String MENTION = NotificationKind.MENTION.code();

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Messages messages;
    private final MentionSources mentions;
    private final PostNotices posts;
    private final NotificationEvents events;
    private final Mailer mailer;
    private final TransactionTemplate oneMail;

    NotificationService(DSLContext db, CurrentUser currentUser, Clock clock, Messages messages, MentionSources mentions,
            PostNotices posts, NotificationEvents events, Mailer mailer, PlatformTransactionManager transactionManager) {
        this.mentions = mentions;
        this.messages = messages;
        this.db = db;
        this.currentUser = currentUser;
        this.clock = clock;
        this.posts = posts;
        this.events = events;
        this.mailer = mailer;
        // the mail in a savepoint: an address the outbox refuses leaves the notice and what caused it
        this.oneMail = new TransactionTemplate(transactionManager);
        this.oneMail.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // ---- writing

    /** Tells each recipient they were mentioned in a post. The caller has checked they may read it. */
    @Transactional
    public void mentioned(Collection<Long> recipients, Long actorId, long threadId, long postId) {
        for (long recipient : recipients) {
            store(recipient, MENTION, actorId, threadId, postId, null, null, null);
        }
    }

    /**
     * Tells each recipient of a post ({@link NotificationKind#aboutPost} kinds: a reply to theirs, a
     * reply in a thread they follow), except those already told of that post (a mention). The
     * caller has checked they may read it; {@code actorId} is null when the name is hidden.
     */
    @Transactional
    public void aboutPost(Collection<Long> recipients, NotificationKind kind, Long actorId, long threadId, long postId) {
        if (!kind.aboutPost()) {
            throw new IllegalArgumentException(kind + " is not about a post");
        }
        for (long recipient : recipients) {
            boolean told = db.fetchExists(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(recipient)
                    .and(NOTIFICATION.POST_ID.eq(postId)));
            if (!told && (actorId == null || recipient != actorId)) {
                store(recipient, kind.code(), actorId, threadId, postId, null, null, null);
            }
        }
    }

    /**
     * Tells one person something that has a page of its own ({@code path}, {@code subject} to
     * name it), in the caller's transaction. The caller has checked they may open it.
     */
    @Transactional
    public void notify(long recipient, String kind, String path, String subject) {
        notify(recipient, kind, path, subject, null);
    }

    /**
     * As {@link #notify(long, String, String, String)}, for a {@code subject} that is the name of
     * the member {@code actorId}: when that account is deleted, the name goes from the notice.
     */
    @Transactional
    public void notify(long recipient, String kind, String path, String subject, Long actorId) {
        store(recipient, kind, actorId, null, null, path, subject, null);
    }

    /** As {@link #notify(long, String, String, String)}, for a kind of the list. */
    @Transactional
    public void notify(long recipient, NotificationKind kind, String path, String subject) {
        notify(recipient, kind.code(), path, subject, null);
    }

    /**
     * As {@link #notify(long, String, String, String, Long)}, for a kind of the list; for kinds whose
     * subject is not a name (a comment on an analysis names the analysis), {@code actorId} is who did it.
     */
    @Transactional
    public void notify(long recipient, NotificationKind kind, String path, String subject, Long actorId) {
        notify(recipient, kind.code(), path, subject, actorId);
    }

    /**
     * As {@link #notify(long, NotificationKind, String, String)}, once per person and {@code onceKey}
     * however often it is asked (scheduled notices: another node or another run makes none); true
     * when this call made it.
     */
    @Transactional
    public boolean notifyOnce(long recipient, NotificationKind kind, String path, String subject, String onceKey) {
        return store(recipient, kind.code(), null, null, null, path, subject, onceKey);
    }

    private boolean store(long recipient, String kind, Long actorId, Long threadId, Long postId, String path,
            String subject, String onceKey) {
        Delivery delivery = NotificationKind.of(kind).map(k -> deliveryOf(recipient, k)).orElse(Delivery.APP);
        if (delivery == Delivery.OFF) {
            return false;
        }
        Long id = db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.MEMBER_ID, recipient)
                .set(NOTIFICATION.KIND, kind)
                .set(NOTIFICATION.ACTOR_ID, actorId)
                .set(NOTIFICATION.THREAD_ID, threadId)
                .set(NOTIFICATION.POST_ID, postId)
                .set(NOTIFICATION.PATH, path)
                .set(NOTIFICATION.SUBJECT, subject)
                .set(NOTIFICATION.CREATED_AT, OffsetDateTime.now(clock))
                .set(NOTIFICATION.IN_DIGEST, delivery == Delivery.DIGEST)
                .set(NOTIFICATION.ONCE_KEY, onceKey)
                .onConflictDoNothing()
                .returning(NOTIFICATION.ID).fetchOptional(NOTIFICATION.ID).orElse(null);
        if (id == null) {
            return false;
        }
        if (delivery == Delivery.EMAIL) {
            mailAtOnce(recipient, id);
        }
        events.publishAfterCommit(recipient);
        return true;
    }

    /** Queues the notice's mail, as its recipient may read it, in a savepoint of the caller's transaction. */
    private void mailAtOnce(long recipient, long id) {
        if (!mailer.configured()) {
            return;
        }
        var to = db.select(Members.email(DSL.val(recipient)), Members.displayName(DSL.val(recipient)))
                .where(Members.active(DSL.val(recipient))).fetchOne();
        List<NotificationItem> items = items(recipient, NOTIFICATION.ID.eq(id), 1);
        if (to == null || to.value1() == null || items.isEmpty()) {
            return;
        }
        NotificationItem item = items.get(0);
        String text = text(item);
        String body = messages.text("notifications.mail.greeting", to.value2()) + "\n\n" + text + "\n\n"
                + messages.text("notifications.mail.open", mailer.link(item.link())) + "\n\n"
                + messages.text("notifications.mail.why", mailer.link("account")) + "\n";
        try {
            oneMail.executeWithoutResult(tx -> mailer.send(to.value1(), messages.text("notifications.mail.subject", text), body));
        } catch (RuntimeException e) {
            log.warn("Mail of notification {} not queued: {}", id, e.getMessage());
        }
    }

    /** The notice's text in the bundle's language, for a mail or a digest. */
    public String text(NotificationItem item) {
        return messages.text(item.textKey(), item.textParameters(messages.text("post.name-hidden")));
    }

    /** Deletes everyone's notifications that open {@code path}, for something deleted that named a person. */
    @Transactional
    public void forget(String path) {
        db.deleteFrom(NOTIFICATION).where(NOTIFICATION.PATH.eq(path)).execute();
    }

    // ---- choices

    /** How the person hears of the kind: their choice, else the kind's default. */
    Delivery deliveryOf(long memberId, NotificationKind kind) {
        NotificationKind chosen = kind.choice();
        return db.select(NOTIFICATION_PREFERENCE.DELIVERY).from(NOTIFICATION_PREFERENCE)
                .where(NOTIFICATION_PREFERENCE.MEMBER_ID.eq(memberId))
                .and(NOTIFICATION_PREFERENCE.KIND.eq(chosen.code()))
                .fetchOptional(NOTIFICATION_PREFERENCE.DELIVERY).map(Delivery::valueOf)
                .filter(chosen.offered()::contains).orElse(chosen.defaultDelivery());
    }

    /** The kinds the signed-in person chooses for (facilitators' kinds to those who facilitate), with their choice. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Delivery> choices() {
        PraxisUser me = currentUser.require();
        Map<NotificationKind, Delivery> out = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.chosen() && offeredTo(me, kind)) {
                out.put(kind, deliveryOf(me.id(), kind));
            }
        }
        return out;
    }

    /** The signed-in person chooses how they hear of a kind; refused for a kind or way not offered to them. */
    @Transactional
    public void choose(NotificationKind kind, Delivery delivery) {
        PraxisUser me = currentUser.require();
        if (!kind.chosen() || !offeredTo(me, kind) || !kind.offered().contains(delivery)) {
            throw new AccessDeniedException("No choice " + delivery + " for " + kind);
        }
        db.insertInto(NOTIFICATION_PREFERENCE)
                .set(NOTIFICATION_PREFERENCE.MEMBER_ID, me.id())
                .set(NOTIFICATION_PREFERENCE.KIND, kind.code())
                .set(NOTIFICATION_PREFERENCE.DELIVERY, delivery.name())
                .set(NOTIFICATION_PREFERENCE.UPDATED_AT, OffsetDateTime.now(clock))
                .onConflict(NOTIFICATION_PREFERENCE.MEMBER_ID, NOTIFICATION_PREFERENCE.KIND).doUpdate()
                .set(NOTIFICATION_PREFERENCE.DELIVERY, delivery.name())
                .set(NOTIFICATION_PREFERENCE.UPDATED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    private static boolean offeredTo(PraxisUser me, NotificationKind kind) {
        return kind.audience() == NotificationKind.Audience.EVERYONE || me.hasRole(Role.FACILITATOR, Role.ADMIN);
    }

    // ---- reading

    /** Notices their reader may see now: one about a post while they may read the post. */
    private Condition shown() {
        return NOTIFICATION.POST_ID.isNull().or(posts.readable(NOTIFICATION.POST_ID, NOTIFICATION.MEMBER_ID));
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return unreadCount(currentUser.require().id());
    }

    /**
     * The unread count of the reader's own bell, known when their page opened (a count pushed to an
     * open page is read on another thread, where nobody is signed in).
     */
    @Transactional(readOnly = true)
    public int unreadCount(long readerId) {
        return db.fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(readerId).and(NOTIFICATION.READ_AT.isNull())
                .and(shown()));
    }

    /** The newest notifications of the signed-in person, unread first. */
    @Transactional(readOnly = true)
    public List<NotificationItem> latest(int limit) {
        long me = currentUser.require().id();
        return items(me, DSL.noCondition(), limit);
    }

    /**
     * The notices the person chose to get in their digest, made since then, as they may read them
     * now, newest first: for their digest, built while nobody is signed in.
     */
    @Transactional(readOnly = true)
    public List<NotificationItem> digestSince(long memberId, OffsetDateTime since, int limit) {
        return items(memberId, NOTIFICATION.IN_DIGEST.isTrue().and(NOTIFICATION.CREATED_AT.gt(since)), limit);
    }

    private List<NotificationItem> items(long memberId, Condition which, int limit) {
        Field<Boolean> hidden = mentions.nameHidden(NOTIFICATION.POST_ID);
        return db.select(NOTIFICATION.ID, NOTIFICATION.KIND, Members.displayName(NOTIFICATION.ACTOR_ID),
                        hidden, NOTIFICATION.THREAD_ID, NOTIFICATION.POST_ID,
                        mentions.threadTitle(NOTIFICATION.THREAD_ID), NOTIFICATION.CREATED_AT,
                        NOTIFICATION.READ_AT, NOTIFICATION.PATH, NOTIFICATION.SUBJECT)
                .from(NOTIFICATION)
                .where(NOTIFICATION.MEMBER_ID.eq(memberId)).and(which).and(shown())
                .orderBy(NOTIFICATION.READ_AT.isNull().desc(), NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(limit)
                .fetch(r -> new NotificationItem(r.value1(), r.value2(),
                        Boolean.TRUE.equals(r.value4()) ? null : r.value3(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9() != null, r.value10(), r.value11()));
    }

    /** What others did, not what the member wrote. */
    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(NOTIFICATION).where(NOTIFICATION.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(NOTIFICATION_PREFERENCE).where(NOTIFICATION_PREFERENCE.MEMBER_ID.eq(memberId)).execute();
        // a notice naming them by their name (help offered) names a former member
        List<String> notNames = java.util.Arrays.stream(NotificationKind.values()).filter(k -> !k.subjectNamesActor())
                .map(NotificationKind::code).toList();
        db.update(NOTIFICATION).set(NOTIFICATION.SUBJECT, messages.text("member.former"))
                .where(NOTIFICATION.ACTOR_ID.eq(memberId)).and(NOTIFICATION.SUBJECT.isNotNull())
                .and(NOTIFICATION.KIND.notIn(notNames)).execute();
    }

    @Transactional
    public void markAllRead() {
        long me = currentUser.require().id();
        db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(NOTIFICATION.MEMBER_ID.eq(me)).and(NOTIFICATION.READ_AT.isNull()).execute();
        events.publishAfterCommit(me);
    }

    /** Marks one of the signed-in person's notices read; someone else's stays as it is. */
    @Transactional
    public void markRead(long id) {
        long me = currentUser.require().id();
        int marked = db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(NOTIFICATION.ID.eq(id)).and(NOTIFICATION.MEMBER_ID.eq(me)).and(NOTIFICATION.READ_AT.isNull())
                .execute();
        if (marked > 0) {
            events.publishAfterCommit(me);
        }
    }

    /** Deletes notices made before then (everyone's); returns how many. The caller holds the job's lock. */
    @Transactional
    public int deleteOlderThan(OffsetDateTime before) {
        return db.deleteFrom(NOTIFICATION).where(NOTIFICATION.CREATED_AT.lt(before)).execute();
    }
}
