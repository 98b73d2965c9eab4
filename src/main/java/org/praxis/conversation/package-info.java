/**
 * Brave-conversation spaces: threads opened by prompts or in a cohort's commons, nested replies,
 * revisions, and the safeguards such talk needs — community agreements acknowledged before
 * posting, facilitators-only replies, hidden names, moderation.
 */
@Owns({"thread", "post", "post_revision", "reaction", "post_report", "post_draft", "agreement", "agreement_ack", "post_obstacle"})
package org.praxis.conversation;

import org.praxis.base.Owns;
