/**
 * In-app notifications (mentions for now), the bell with the unread count, and their list. What a
 * mention shows of its thread and post comes through {@code MentionSources}, which the
 * conversation feature implements (it depends on this one).
 */
@Owns({"notification", "notification_preference"})
package org.praxis.notification;

import org.praxis.base.Owns;
