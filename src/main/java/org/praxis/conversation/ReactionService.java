package org.praxis.conversation;

import static org.praxis.jooq.Tables.MEMBER;
import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.REACTION;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.praxis.base.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reactions to posts, by the words in {@link ReactionKind}, showing who reacted. */
@Service
public class ReactionService {

    private final DSLContext db;
    private final ThreadService threads;
    private final CurrentUser currentUser;

    ReactionService(DSLContext db, ThreadService threads, CurrentUser currentUser) {
        this.db = db;
        this.threads = threads;
        this.currentUser = currentUser;
    }

    /** Adds the reader's reaction, or takes it back if they had given it. Only on posts they can read. */
    @Transactional
    public void toggle(long postId, ReactionKind kind) {
        Long threadId = db.select(POST.THREAD_ID).from(POST).where(POST.ID.eq(postId)).fetchOne(POST.THREAD_ID);
        if (threadId == null || threads.read(threadId, ThreadService.Sort.OLDEST_FIRST).posts().stream()
                .noneMatch(p -> p.id() == postId && p.state() == PostState.VISIBLE && !p.mine())) {
            // not readable, not shown, or one's own post (a reaction would put a hidden name on it)
            throw new AccessDeniedException("No post " + postId + " to react to");
        }
        long me = currentUser.require().id();
        int removed = db.deleteFrom(REACTION).where(REACTION.POST_ID.eq(postId)).and(REACTION.MEMBER_ID.eq(me))
                .and(REACTION.KIND.eq(kind.name())).execute();
        if (removed == 0) {
            db.insertInto(REACTION).set(REACTION.POST_ID, postId).set(REACTION.MEMBER_ID, me)
                    .set(REACTION.KIND, kind.name()).execute();
        }
    }

    /** All reactions in a thread, in one query, after checking the reader may read it. */
    @Transactional(readOnly = true)
    public Reactions inThread(long threadId) {
        java.util.Set<Long> visible = new java.util.HashSet<>();
        threads.read(threadId, ThreadService.Sort.OLDEST_FIRST).posts().stream()
                .filter(p -> p.state() == PostState.VISIBLE).forEach(p -> visible.add(p.id()));
        long me = currentUser.require().id();
        Map<Long, Map<ReactionKind, List<String>>> byPost = new HashMap<>();
        Map<Long, List<ReactionKind>> mine = new HashMap<>();
        db.select(REACTION.POST_ID, REACTION.KIND, REACTION.MEMBER_ID, MEMBER.DISPLAY_NAME)
                .from(REACTION).join(POST).on(POST.ID.eq(REACTION.POST_ID))
                .join(MEMBER).on(MEMBER.ID.eq(REACTION.MEMBER_ID))
                .where(POST.THREAD_ID.eq(threadId)).and(POST.ID.in(visible))
                .orderBy(REACTION.CREATED_AT)
                .forEach(r -> {
                    ReactionKind kind = ReactionKind.valueOf(r.value2());
                    byPost.computeIfAbsent(r.value1(), k -> new EnumMap<>(ReactionKind.class))
                            .computeIfAbsent(kind, k -> new ArrayList<>()).add(r.value4());
                    if (r.value3() == me) {
                        mine.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(kind);
                    }
                });
        return new Reactions(byPost, mine);
    }
}
