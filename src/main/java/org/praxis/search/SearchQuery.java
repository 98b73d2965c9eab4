package org.praxis.search;

/**
 * What a reader asks for: the text (empty for recent activity), optional filters on type,
 * cohort, session, author and age, the order, and how many results.
 */
public record SearchQuery(String text, String type, Long cohort, Long session, Long author, Since since, Order order,
        int limit) {

    public static final int PAGE = 20;
    public static final int MAX_LIMIT = 200;

    public enum Since {
        ANY(0), WEEK(7), MONTH(31), YEAR(366);

        final int days;

        Since(int days) {
            this.days = days;
        }
    }

    public enum Order { RELEVANCE, NEWEST }

    public SearchQuery {
        text = text == null ? "" : text;
        since = since == null ? Since.ANY : since;
        order = order == null ? Order.RELEVANCE : order;
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, PAGE);
    }

    public SearchQuery withLimit(int newLimit) {
        return new SearchQuery(text, type, cohort, session, author, since, order, newLimit);
    }
}
