package org.praxis.notification;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * Whether a notice about a post may still be shown to its reader, as a condition correlated on the
 * ids the notice holds: the post is there, neither hidden nor removed, and the reader may read it
 * now (by the conversation's one rule). The conversation feature, which owns posts, implements it;
 * it depends on this feature, so this feature cannot ask it directly.
 */
public interface PostNotices {

    Condition readable(Field<Long> postId, Field<Long> readerId);
}
