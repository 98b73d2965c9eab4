/**
 * Sessions of a cohort and the prompts facilitators open them with. Each prompt has its own
 * conversation thread; members say they will join and facilitators mark attendance.
 */
package org.praxis.session;
