/**
 * Sessions of a cohort and the prompts facilitators open them with. Each prompt has its own
 * conversation thread; members say they will join and facilitators mark attendance. Features
 * that show something on a session's page (analyses, worksheets, commitments) implement
 * {@link org.praxis.session.SessionSection}; the session knows none of them, they call
 * {@link org.praxis.session.SessionService} and {@link org.praxis.session.Sessions}.
 */
@Owns({"session", "session_attendance", "prompt", "session_reminder_choice", "session_reminder_sent"})
package org.praxis.session;

import org.praxis.base.Owns;
