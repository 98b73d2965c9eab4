package org.praxis.conversation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.PostState;

/** The thread's tree and paging rules, on posts in reading order, with no page around them. */
class PostTreeTest {

    private static PostItem post(long id, Long parent, int depth) {
        return new PostItem(id, parent, depth, "Ana", false, false, PostState.VISIBLE, "<p>text</p>", null, null,
                false, null, null);
    }

    /** A chain: post 1 at depth 0, 2 replying to it at depth 1, ... n at depth n-1. */
    private static List<PostItem> chain(int n) {
        List<PostItem> posts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            posts.add(post(i, i == 1 ? null : (long) i - 1, i - 1));
        }
        return posts;
    }

    private static List<Long> ids(PostTree.Page page) {
        return page.posts().stream().map(s -> s.post().id()).toList();
    }

    @Test
    void a_subtree_is_the_post_and_everything_below_it_up_to_its_next_sibling() {
        List<PostItem> posts = List.of(post(1, null, 0), post(2, 1L, 1), post(3, 2L, 2), post(4, 1L, 1), post(5, null, 0));
        assertThat(PostTree.subtree(posts, 2)).extracting(PostItem::id).containsExactly(2L, 3L);
        assertThat(PostTree.subtree(posts, 1)).extracting(PostItem::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(PostTree.subtree(posts, 99)).isEmpty();
        assertThat(PostTree.listed(posts, null)).isSameAs(posts);
    }

    @Test
    void replies_deeper_than_the_indent_are_counted_under_the_deepest_shown_ancestor() {
        PostTree.Page page = PostTree.page(chain(8), PostTree.PAGE);
        assertThat(ids(page)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(page.posts()).extracting(PostTree.Shown::level).containsExactly(0, 1, 2, 3, 4);
        assertThat(page.hiddenReplies()).containsExactly(java.util.Map.entry(5L, 3));
        assertThat(page.more()).isFalse();
    }

    @Test
    void a_branch_is_indented_from_its_own_root() {
        List<PostItem> branch = PostTree.listed(chain(8), 4L);
        PostTree.Page page = PostTree.page(branch, PostTree.PAGE);
        assertThat(ids(page)).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(page.hiddenReplies()).isEmpty();
    }

    @Test
    void a_page_stops_at_its_limit_and_says_there_is_more() {
        List<PostItem> posts = new ArrayList<>();
        for (long i = 1; i <= 31; i++) {
            posts.add(post(i, null, 0));
        }
        PostTree.Page page = PostTree.page(posts, PostTree.PAGE);
        assertThat(page.posts()).hasSize(30);
        assertThat(page.more()).isTrue();
        assertThat(PostTree.page(posts, 60).more()).isFalse();
        assertThat(PostTree.page(List.of(), 30).posts()).isEmpty();
    }

    @Test
    void aiming_at_a_deep_post_opens_the_branch_it_hangs_under_and_enough_pages() {
        PostTree.Aim deep = PostTree.aim(chain(8), null, 8, PostTree.PAGE);
        // 8 is at depth 7: the branch from 4 (depth 3) shows it at the last indent
        assertThat(deep).isEqualTo(new PostTree.Aim(4L, PostTree.PAGE));

        List<PostItem> many = new ArrayList<>();
        for (long i = 1; i <= 75; i++) {
            many.add(post(i, null, 0));
        }
        assertThat(PostTree.aim(many, null, 61, PostTree.PAGE)).isEqualTo(new PostTree.Aim(null, 90));
        assertThat(PostTree.aim(many, null, 5, 60)).isEqualTo(new PostTree.Aim(null, 60));
    }

    @Test
    void a_post_the_reader_cannot_see_is_not_aimed_at() {
        assertThat(PostTree.aim(chain(3), null, 42, PostTree.PAGE)).isNull();
    }
}
