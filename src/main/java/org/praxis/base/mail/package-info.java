/** Sending mail over SMTP when a server is configured; without one, nothing is sent and callers say so. */
package org.praxis.base.mail;
