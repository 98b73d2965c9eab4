/** The notification bell in the app shell and the list of notifications. */
package org.praxis.notification.ui;
