package org.praxis.notification;

import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.NOTIFICATION;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.praxis.base.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notifications: written by features in their own transaction, read and cleared by their recipient. */
@Service
public class NotificationService {

    public static final String MENTION = "MENTION";

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final Clock clock;

    NotificationService(DSLContext db, CurrentUser currentUser, Clock clock) {
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
     * Tells one person something that has a page of its own ({@code path}, {@code subject} to
     * name it), in the caller's transaction. The caller has checked they may open it.
     */
    @Transactional
    public void notify(long recipient, String kind, String path, String subject) {
        db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.MEMBER_ID, recipient)
                .set(NOTIFICATION.KIND, kind)
                .set(NOTIFICATION.PATH, path)
                .set(NOTIFICATION.SUBJECT, subject)
                .execute();
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
        return db.select(NOTIFICATION.ID, NOTIFICATION.KIND, MEMBER.DISPLAY_NAME, POST.NAME_HIDDEN,
                        NOTIFICATION.THREAD_ID, NOTIFICATION.POST_ID, THREAD.TITLE, NOTIFICATION.CREATED_AT,
                        NOTIFICATION.READ_AT, NOTIFICATION.PATH, NOTIFICATION.SUBJECT)
                .from(NOTIFICATION)
                .leftJoin(MEMBER).on(MEMBER.ID.eq(NOTIFICATION.ACTOR_ID))
                .leftJoin(POST).on(POST.ID.eq(NOTIFICATION.POST_ID))
                .leftJoin(THREAD).on(THREAD.ID.eq(NOTIFICATION.THREAD_ID))
                .where(NOTIFICATION.MEMBER_ID.eq(me))
                .orderBy(NOTIFICATION.READ_AT.isNull().desc(), NOTIFICATION.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> new NotificationItem(r.value1(), r.value2(),
                        Boolean.TRUE.equals(r.value4()) ? null : r.value3(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9() != null, r.value10(), r.value11()));
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
