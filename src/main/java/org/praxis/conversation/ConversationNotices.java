package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.notification.PostNotices;
import org.springframework.stereotype.Component;

/**
 * The conversation feature's side of {@link PostNotices}: a notice about a post is shown while the
 * post is neither hidden nor removed and its reader may read it by the one rule of {@link Posts}
 * (in the thread's cohort; a facilitators-only post to the facilitators and those it answers).
 */
@Component
class ConversationNotices implements PostNotices {

    @Override
    public Condition readable(Field<Long> postId, Field<Long> readerId) {
        return DSL.exists(DSL.selectOne().from(POST).where(POST.ID.eq(postId))
                .and(POST.HIDDEN_AT.isNull()).and(POST.DELETED_AT.isNull())
                .and(Posts.visibleTo(readerId)));
    }
}
