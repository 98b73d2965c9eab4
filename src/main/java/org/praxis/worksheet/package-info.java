/**
 * Guided reflection worksheets: templates that facilitators design (versioned, with starter
 * templates shipped by the project), assignments to a cohort or a session, and members'
 * responses, private by default, filled step by step and revisited in rounds.
 */
@Owns({"worksheet_template", "worksheet_template_version", "worksheet_assignment", "worksheet_response"})
package org.praxis.worksheet;

import org.praxis.base.Owns;
