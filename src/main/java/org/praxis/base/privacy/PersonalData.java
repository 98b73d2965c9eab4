package org.praxis.base.privacy;

/**
 * One feature's part of a person's data, for its own tables only. The member feature collects
 * every implementation: to build the archive a member downloads, and to delete an account on
 * request, all in one transaction (so either everything is erased or nothing is).
 */
public interface PersonalData {

    /** Writes what the member wrote, from this feature's tables, into the archive. */
    void export(long memberId, PersonalArchive archive);

    /**
     * Deletes what is private to the member (drafts, private answers and commitments,
     * notifications, feeds…) and anything else that names them. With {@code keepContributions}
     * what they shared stays, shown as by "a former member"; without, it is removed too (a post
     * keeps its place as "removed", so replies to it stay readable). Anything searchable that
     * changes goes through the search outbox. Called before the account itself is anonymised, so
     * the member's row can still be read.
     */
    void erase(long memberId, boolean keepContributions);
}
