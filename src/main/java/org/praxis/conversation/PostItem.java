package org.praxis.conversation;

import java.time.OffsetDateTime;

/**
 * One post as the reader may see it. {@code authorName} is already what this reader may know
 * (empty when the name is hidden from them); {@code html} is sanitised and empty unless the
 * reader may read the text; {@code markdown} is given only to the author, for editing and quoting
 * their own words, or when visible.
 */
public record PostItem(long id, Long parentId, int depth, String authorName, boolean nameHidden, boolean mine,
        PostState state, String html, String markdown, String hiddenReason, boolean facilitatorsOnly,
        OffsetDateTime createdAt, OffsetDateTime editedAt) {

    public boolean edited() {
        return editedAt != null;
    }
}
