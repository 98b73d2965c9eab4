/** In-app notifications (mentions for now), the bell with the unread count, and their list. */
@Owns({"notification"})
package org.praxis.notification;

import org.praxis.base.Owns;
