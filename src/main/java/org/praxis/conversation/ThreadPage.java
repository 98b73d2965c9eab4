package org.praxis.conversation;

import java.util.List;

/**
 * A thread, the posts its reader may see in reading order (parents before their replies), and
 * the reactions to those posts.
 */
public record ThreadPage(ThreadHeader header, List<PostItem> posts, Reactions reactions) {

    public ThreadPage {
        posts = List.copyOf(posts);
    }
}
