package org.praxis.notification;

import org.jooq.Field;

/**
 * What a notice of a mention shows of the thread and post it points to, as fields correlated on
 * the ids the notice holds. The conversation feature, which owns threads and posts, implements
 * it; it depends on this feature (it tells people they were mentioned), so this feature cannot
 * ask it directly.
 */
public interface MentionSources {

    /** The thread's title; null where there is no such thread. */
    Field<String> threadTitle(Field<Long> threadId);

    /** Whether the post was written with its author's name hidden; null where there is no such post. */
    Field<Boolean> nameHidden(Field<Long> postId);
}
