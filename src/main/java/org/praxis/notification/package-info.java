/** In-app notifications (mentions for now), the bell with the unread count, and their list. */
package org.praxis.notification;
