package org.praxis.search;

import java.time.Instant;

/**
 * One result: what it is, where it opens ({@code path}), its title, a snippet whose only markup
 * is {@code <b>} around the matched words (everything else escaped), where it was said, who said
 * it (null when the name is hidden or there is no author), when, and for a policy analysis the
 * key of the section the snippet comes from (else null).
 */
public record SearchHit(String type, long id, String path, String title, String snippetHtml, float score, long cohortId, String cohort,
        String session, String author, Instant created, String section) {
}
