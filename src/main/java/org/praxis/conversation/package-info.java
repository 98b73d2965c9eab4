/**
 * Brave-conversation spaces: threads opened by prompts or in a cohort's commons, nested replies,
 * revisions, and the safeguards such talk needs — community agreements acknowledged before
 * posting, facilitators-only replies, hidden names, moderation.
 */
package org.praxis.conversation;
