/**
 * Brave-conversation spaces: threads opened by prompts or in a cohort's commons, nested replies,
 * revisions, and the safeguards such talk needs — community agreements acknowledged before
 * posting, facilitators-only replies, hidden names, moderation. Other features open, rename and
 * remove the threads about what they own through {@code ThreadService} (which keeps search in
 * step) and read threads in their queries through {@code Threads}; what a header shows of a
 * session and prompt comes through {@code ThreadOrigins}, which the session feature implements.
 */
@Owns({"thread", "post", "post_revision", "reaction", "post_report", "post_draft", "agreement", "agreement_ack", "post_obstacle",
        "thread_follow", "thread_read"})
package org.praxis.conversation;

import org.praxis.base.Owns;
