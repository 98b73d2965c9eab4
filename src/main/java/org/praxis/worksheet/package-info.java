/**
 * Guided reflection worksheets: templates that facilitators design (versioned, with starter
 * templates shipped by the project), assignments to a cohort or a session, and members'
 * responses, private by default, filled step by step and revisited in rounds.
 */
package org.praxis.worksheet;
