/**
 * Joining a cohort: the public application, the facilitators' review with a representation
 * overview, single-use invitations, and the invitee's first sign-in. Representation facts are
 * read by the cohort's facilitators alone.
 */
@Owns({"application", "application_note", "application_event", "invitation"})
package org.praxis.joining;

import org.praxis.base.Owns;
