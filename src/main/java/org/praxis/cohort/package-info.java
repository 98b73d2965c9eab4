/**
 * Cohorts and who is in them. A member sees only the cohorts they belong to; the home view shows
 * each with its facilitators and members.
 */
@Owns({"cohort", "cohort_membership", "cohort_preference"})
package org.praxis.cohort;

import org.praxis.base.Owns;
