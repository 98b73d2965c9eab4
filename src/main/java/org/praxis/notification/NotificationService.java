package org.praxis.notification;

import static org.praxis.jooq.Tables.NOTIFICATION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.i18n.Messages;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.CurrentUser;
import org.praxis.member.Members;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications: written by features in their own transaction, read and cleared by their
 * recipient. A deleted account's own notifications go, and others' notices name it no more.
 */
@Service
public class NotificationService implements PersonalData {

    public static final String MENTION = "MENTION";

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final Messages messages;
    private final MentionSources mentions;

    NotificationService(DSLContext db, CurrentUser currentUser, Clock clock, Messages messages, MentionSources mentions) {
        this.mentions = mentions;
        this.messages = messages;
        this.db = db;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Tells each recipient they were mentioned in a post. The caller has checked they may read it. */
    @Transactional
    public void mentioned(Collection<Long> recipients, Long actorId, long threadId, long postId) {
        for (long recipient : recipients) {
            db.insertInto(NOTIFICATION)
                    .set(NOTIFICATION.MEMBER_ID, recipient)
                    .set(NOTIFICATION.KIND, MENTION)
                    .set(NOTIFICATION.ACTOR_ID, actorId)
                    .set(NOTIFICATION.THREAD_ID, threadId)
                    .set(NOTIFICATION.POST_ID, postId)
                    .execute();
        }
    }

    /**
     * The threads a person was mentioned in since then, newest mention first (a thread once per
     * mention): for their digest, built while nobody is signed in.
     */
    @Transactional(readOnly = true)
    public List<Long> mentionThreadsSince(long memberId, java.time.OffsetDateTime since) {
        return db.select(NOTIFICATION.THREAD_ID).from(NOTIFICATION)
                .where(NOTIFICATION.MEMBER_ID.eq(memberId)).and(NOTIFICATION.KIND.eq(MENTION))
                .and(NOTIFICATION.THREAD_ID.isNotNull()).and(NOTIFICATION.CREATED_AT.gt(since))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc()).fetch(NOTIFICATION.THREAD_ID);
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
        db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.MEMBER_ID, recipient)
                .set(NOTIFICATION.KIND, kind)
                .set(NOTIFICATION.PATH, path)
                .set(NOTIFICATION.SUBJECT, subject)
                .set(NOTIFICATION.ACTOR_ID, actorId)
                .execute();
    }

    /** Deletes everyone's notifications that open {@code path}, for something deleted that named a person. */
    @Transactional
    public void forget(String path) {
        db.deleteFrom(NOTIFICATION).where(NOTIFICATION.PATH.eq(path)).execute();
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        long me = currentUser.require().id();
        return db.fetchCount(NOTIFICATION, NOTIFICATION.MEMBER_ID.eq(me).and(NOTIFICATION.READ_AT.isNull()));
    }

    /** The newest notifications of the signed-in person, unread first. */
    @Transactional(readOnly = true)
    public List<NotificationItem> latest(int limit) {
        long me = currentUser.require().id();
        return db.select(NOTIFICATION.ID, NOTIFICATION.KIND, Members.displayName(NOTIFICATION.ACTOR_ID),
                        mentions.nameHidden(NOTIFICATION.POST_ID), NOTIFICATION.THREAD_ID, NOTIFICATION.POST_ID,
                        mentions.threadTitle(NOTIFICATION.THREAD_ID), NOTIFICATION.CREATED_AT,
                        NOTIFICATION.READ_AT, NOTIFICATION.PATH, NOTIFICATION.SUBJECT)
                .from(NOTIFICATION)
                .where(NOTIFICATION.MEMBER_ID.eq(me))
                .orderBy(NOTIFICATION.READ_AT.isNull().desc(), NOTIFICATION.CREATED_AT.desc())
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
        // a notice naming them by their name (help offered) names a former member
        db.update(NOTIFICATION).set(NOTIFICATION.SUBJECT, messages.text("member.former"))
                .where(NOTIFICATION.ACTOR_ID.eq(memberId)).and(NOTIFICATION.SUBJECT.isNotNull()).execute();
    }

    @Transactional
    public void markAllRead() {
        long me = currentUser.require().id();
        db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(NOTIFICATION.MEMBER_ID.eq(me)).and(NOTIFICATION.READ_AT.isNull()).execute();
    }

    @Transactional
    public void markRead(long id) {
        long me = currentUser.require().id();
        db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, OffsetDateTime.now(clock))
                .where(NOTIFICATION.ID.eq(id)).and(NOTIFICATION.MEMBER_ID.eq(me)).and(NOTIFICATION.READ_AT.isNull())
                .execute();
    }
}
