/**
 * What gets in the way of equity work: a list of obstacles each cohort's facilitators keep,
 * named on check-ins and posts, and counted by month for the facilitators, never below three.
 */
@Owns({"obstacle"})
package org.praxis.obstacle;

import org.praxis.base.Owns;
