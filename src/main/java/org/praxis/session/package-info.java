/**
 * Sessions of a cohort and the prompts facilitators open them with. Each prompt has its own
 * conversation thread; members say they will join and facilitators mark attendance.
 */
@Owns({"session", "session_attendance", "prompt"})
package org.praxis.session;

import org.praxis.base.Owns;
