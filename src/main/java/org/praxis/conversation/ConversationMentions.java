package org.praxis.conversation;

import static org.praxis.jooq.Tables.POST;
import static org.praxis.jooq.Tables.THREAD;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.praxis.jooq.tables.Post;
import org.praxis.jooq.tables.Thread;
import org.praxis.notification.MentionSources;
import org.springframework.stereotype.Component;

/** The conversation feature's side of {@link MentionSources}: a mention names its thread and keeps a hidden name hidden. */
@Component
class ConversationMentions implements MentionSources {

    @Override
    public Field<String> threadTitle(Field<Long> threadId) {
        Thread t = THREAD.as("mentions_t");
        return DSL.field(DSL.select(t.TITLE).from(t).where(t.ID.eq(threadId)));
    }

    @Override
    public Field<Boolean> nameHidden(Field<Long> postId) {
        Post p = POST.as("mentions_p");
        return DSL.field(DSL.select(p.NAME_HIDDEN).from(p).where(p.ID.eq(postId)));
    }
}
