package org.praxis.conversation;

import java.util.List;

/** A thread and the posts its reader may see, in reading order (parents before their replies). */
public record ThreadPage(ThreadHeader header, List<PostItem> posts) {

    public ThreadPage {
        posts = List.copyOf(posts);
    }
}
