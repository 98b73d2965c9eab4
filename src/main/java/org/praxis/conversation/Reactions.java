package org.praxis.conversation;

import java.util.List;
import java.util.Map;

/** Who reacted how to each post of a thread: post id to kind to names, and what the reader chose. */
public record Reactions(Map<Long, Map<ReactionKind, List<String>>> byPost, Map<Long, List<ReactionKind>> mine) {

    public Map<ReactionKind, List<String>> of(long postId) {
        return byPost.getOrDefault(postId, Map.of());
    }

    public boolean mine(long postId, ReactionKind kind) {
        return mine.getOrDefault(postId, List.of()).contains(kind);
    }
}
