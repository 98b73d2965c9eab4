/**
 * Cohorts and who is in them. A member sees only the cohorts they belong to. The cohort's home
 * says what is next and new for the reader from the sections other features contribute
 * ({@code ui.HomeContribution}), since the last visit kept by {@link org.praxis.cohort.HomeVisits};
 * its People page shows its facilitators and members.
 */
@Owns({"cohort", "cohort_membership", "cohort_preference", "home_visit"})
package org.praxis.cohort;

import org.praxis.base.Owns;
