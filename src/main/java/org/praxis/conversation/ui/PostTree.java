package org.praxis.conversation.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.praxis.conversation.PostItem;

/**
 * Which of a thread's posts a page shows, and how deep: the thread's tree and paging rules,
 * apart from any component so they can be tested on their own. Posts come in reading order
 * (each post followed by its replies), as {@code ThreadService.read} gives them.
 */
final class PostTree {

    /** How many posts a page shows at first, and how many more each "show more" adds. */
    static final int PAGE = 30;
    /** Deeper replies are not indented further: they are counted under the deepest shown ancestor. */
    static final int MAX_INDENT = 4;

    /** A post to show, {@code level} steps in from the first listed post. */
    record Shown(PostItem post, int level) {
    }

    /**
     * What to show: up to {@code limit} posts; for each deepest shown post, how many replies
     * below it are left for its own branch view; whether there are more posts to show.
     */
    record Page(List<Shown> posts, Map<Long, Integer> hiddenReplies, boolean more) {
    }

    /** Where to aim at a post: the branch to open (null: the whole thread) and how many posts to show. */
    record Aim(Long branch, int shown) {
    }

    private PostTree() {
    }

    /** The post and all replies below it. */
    static List<PostItem> subtree(List<PostItem> ordered, long rootId) {
        List<PostItem> out = new ArrayList<>();
        int rootDepth = -1;
        for (PostItem p : ordered) {
            if (rootDepth < 0) {
                if (p.id() == rootId) {
                    rootDepth = p.depth();
                    out.add(p);
                }
            } else if (p.depth() > rootDepth) {
                out.add(p);
            } else {
                break;
            }
        }
        return out;
    }

    /** The posts to list: the whole thread, or the branch below {@code branch}. */
    static List<PostItem> listed(List<PostItem> ordered, Long branch) {
        return branch == null ? ordered : subtree(ordered, branch);
    }

    static Page page(List<PostItem> listed, int limit) {
        List<Shown> shown = new ArrayList<>();
        Map<Long, Integer> hiddenReplies = new LinkedHashMap<>();
        if (listed.isEmpty()) {
            return new Page(shown, hiddenReplies, false);
        }
        int base = listed.get(0).depth();
        Long deepAncestor = null;
        for (PostItem p : listed) {
            int level = p.depth() - base;
            if (level > MAX_INDENT) {
                if (deepAncestor != null) {
                    hiddenReplies.merge(deepAncestor, 1, Integer::sum);
                }
                continue;
            }
            if (shown.size() == limit) {
                return new Page(shown, hiddenReplies, true);
            }
            if (level == MAX_INDENT) {
                deepAncestor = p.id();
            }
            shown.add(new Shown(p, level));
        }
        return new Page(shown, hiddenReplies, false);
    }

    /**
     * Makes sure the target post will be on the page: a post deeper than the thread shows opens
     * in the branch of the ancestor it hangs under, and enough pages are shown to reach it. Null
     * when the reader may not see the post (or it is gone): it is simply not aimed at.
     */
    static Aim aim(List<PostItem> ordered, Long branch, long target, int shown) {
        Map<Long, PostItem> byId = new HashMap<>();
        ordered.forEach(p -> byId.put(p.id(), p));
        PostItem post = byId.get(target);
        if (post == null) {
            return null;
        }
        if (branch == null && post.depth() > MAX_INDENT) {
            PostItem ancestor = post;
            while (post.depth() - ancestor.depth() < MAX_INDENT && ancestor.parentId() != null
                    && byId.containsKey(ancestor.parentId())) {
                ancestor = byId.get(ancestor.parentId());
            }
            branch = ancestor.id();
        }
        List<PostItem> listed = listed(ordered, branch);
        if (listed.isEmpty()) {
            return new Aim(branch, shown);
        }
        int base = listed.get(0).depth();
        int index = 0;
        for (PostItem p : listed) {
            if (p.id() == target) {
                break;
            }
            if (p.depth() - base <= MAX_INDENT) {
                index++;
            }
        }
        return new Aim(branch, Math.max(shown, (index / PAGE + 1) * PAGE));
    }
}
