package org.praxis.search;

/**
 * One result: what it is, where it opens ({@code path}), its title, and a snippet whose only
 * markup is {@code <b>} around the matched words (everything else escaped).
 */
public record SearchHit(String type, long id, String path, String title, String snippetHtml, float score) {
}
