package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;
import static org.praxis.jooq.Tables.THREAD_FOLLOW;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.security.CurrentUser;
import org.praxis.cohort.CohortAccess;
import org.praxis.member.Members;
import org.praxis.notification.NotificationKind;
import org.praxis.notification.NotificationService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows a thread and who muted it, and the notices of a new reply: to the author of the post
 * it answers ({@link NotificationKind#POST_REPLY}) and to the thread's followers
 * ({@link NotificationKind#THREAD_REPLY}), never to its writer, to someone who muted the thread, or
 * to someone who may not read the reply (the one rule of {@link Posts}: a facilitators-only reply
 * reaches facilitators and those it answers). Posting in a thread follows it, unless muted.
 */
@Service
public class ThreadFollowService implements org.praxis.base.privacy.PersonalData {

    /** Where a person stands with a thread. */
    public enum Follow { FOLLOWING, MUTED, NONE }

    private final DSLContext db;
    private final CohortAccess access;
    private final CurrentUser currentUser;
    private final NotificationService notifications;
    private final Clock clock;

    ThreadFollowService(DSLContext db, CohortAccess access, CurrentUser currentUser, NotificationService notifications,
            Clock clock) {
        this.db = db;
        this.access = access;
        this.currentUser = currentUser;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The signed-in person's stand with the thread; refused outside its cohort. */
    @Transactional(readOnly = true)
    public Follow state(long threadId) {
        long me = requireReader(threadId);
        return db.select(THREAD_FOLLOW.MUTED).from(THREAD_FOLLOW)
                .where(THREAD_FOLLOW.THREAD_ID.eq(threadId)).and(THREAD_FOLLOW.MEMBER_ID.eq(me))
                .fetchOptional(THREAD_FOLLOW.MUTED).map(muted -> muted ? Follow.MUTED : Follow.FOLLOWING)
                .orElse(Follow.NONE);
    }

    /** The signed-in person follows, mutes or leaves the thread; refused outside its cohort. */
    @Transactional
    public void set(long threadId, Follow state) {
        long me = requireReader(threadId);
        if (state == Follow.NONE) {
            db.deleteFrom(THREAD_FOLLOW).where(THREAD_FOLLOW.THREAD_ID.eq(threadId))
                    .and(THREAD_FOLLOW.MEMBER_ID.eq(me)).execute();
            return;
        }
        boolean muted = state == Follow.MUTED;
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(THREAD_FOLLOW).set(THREAD_FOLLOW.THREAD_ID, threadId).set(THREAD_FOLLOW.MEMBER_ID, me)
                .set(THREAD_FOLLOW.MUTED, muted).set(THREAD_FOLLOW.UPDATED_AT, now)
                .onConflict(THREAD_FOLLOW.THREAD_ID, THREAD_FOLLOW.MEMBER_ID).doUpdate()
                .set(THREAD_FOLLOW.MUTED, muted).set(THREAD_FOLLOW.UPDATED_AT, now)
                .execute();
    }

    private long requireReader(long threadId) {
        Long cohort = db.select(THREAD.COHORT_ID).from(THREAD).where(THREAD.ID.eq(threadId)).fetchOne(THREAD.COHORT_ID);
        if (cohort == null) {
            throw new AccessDeniedException("No thread " + threadId);
        }
        access.requireMember(cohort);
        return currentUser.require().id();
    }

    /**
     * In the transaction of a new post: its writer follows the thread (unless they muted it), and
     * those who should hear of it are told. {@code hideName}: the notices do not name the writer.
     */
    void posted(long threadId, long authorId, long postId, boolean hideName) {
        db.insertInto(THREAD_FOLLOW).set(THREAD_FOLLOW.THREAD_ID, threadId).set(THREAD_FOLLOW.MEMBER_ID, authorId)
                .set(THREAD_FOLLOW.UPDATED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing().execute();
        Long actor = hideName ? null : authorId;
        var parent = POST.as("reply_parent");
        var mutedHere = DSL.selectOne().from(THREAD_FOLLOW).where(THREAD_FOLLOW.THREAD_ID.eq(threadId))
                .and(THREAD_FOLLOW.MEMBER_ID.eq(parent.AUTHOR_ID)).and(THREAD_FOLLOW.MUTED.isTrue());
        List<Long> answered = db.select(parent.AUTHOR_ID).from(POST).join(parent).on(parent.ID.eq(POST.PARENT_ID))
                .where(POST.ID.eq(postId)).and(parent.AUTHOR_ID.ne(authorId))
                .and(Members.active(parent.AUTHOR_ID)).andNotExists(mutedHere)
                .and(Posts.visibleTo(parent.AUTHOR_ID))
                .fetch(parent.AUTHOR_ID);
        if (!answered.isEmpty()) {
            notifications.aboutPost(answered, NotificationKind.POST_REPLY, actor, threadId, postId);
        }
        // the author of the post answered hears of it as a reply to theirs, by that choice alone
        var answeredAuthor = DSL.select(parent.AUTHOR_ID).from(parent).where(parent.ID.eq(POST.PARENT_ID))
                .and(parent.AUTHOR_ID.isNotNull());
        List<Long> followers = db.select(THREAD_FOLLOW.MEMBER_ID).from(THREAD_FOLLOW).join(POST).on(POST.ID.eq(postId))
                .where(THREAD_FOLLOW.THREAD_ID.eq(threadId)).and(THREAD_FOLLOW.MUTED.isFalse())
                .and(THREAD_FOLLOW.MEMBER_ID.ne(authorId)).and(THREAD_FOLLOW.MEMBER_ID.notIn(answeredAuthor))
                .and(Members.active(THREAD_FOLLOW.MEMBER_ID))
                .and(Posts.visibleTo(THREAD_FOLLOW.MEMBER_ID))
                .orderBy(THREAD_FOLLOW.MEMBER_ID)
                .fetch(THREAD_FOLLOW.MEMBER_ID);
        if (!followers.isEmpty()) {
            notifications.aboutPost(followers, NotificationKind.THREAD_REPLY, actor, threadId, postId);
        }
    }

    /**
     * Who follows the thread and has not muted it, active and still able to read it, for another
     * feature that tells a thread's participants of something (a consultation's next stage). No
     * rights check: the caller has one.
     */
    @Transactional(readOnly = true)
    public List<Long> followers(long threadId) {
        return db.select(THREAD_FOLLOW.MEMBER_ID).from(THREAD_FOLLOW).join(THREAD).on(THREAD.ID.eq(THREAD_FOLLOW.THREAD_ID))
                .where(THREAD_FOLLOW.THREAD_ID.eq(threadId)).and(THREAD_FOLLOW.MUTED.isFalse())
                .and(Members.active(THREAD_FOLLOW.MEMBER_ID))
                .and(org.praxis.cohort.CohortAccess.memberOf(THREAD.COHORT_ID, THREAD_FOLLOW.MEMBER_ID))
                .orderBy(THREAD_FOLLOW.MEMBER_ID).fetch(THREAD_FOLLOW.MEMBER_ID);
    }

    /** Which threads one follows is about them, not something they wrote. */
    @Override
    public void export(long memberId, org.praxis.base.privacy.PersonalArchive archive) {
    }

    /** The person's follows go with their account. */
    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(THREAD_FOLLOW).where(THREAD_FOLLOW.MEMBER_ID.eq(memberId)).execute();
    }
}
