/** For admins: the outgoing mail that waits or failed, and sending a failed message again. */
package org.praxis.base.mail.ui;
