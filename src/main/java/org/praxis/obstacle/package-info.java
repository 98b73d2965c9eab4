/**
 * What gets in the way of equity work: a list of obstacles each cohort's facilitators keep,
 * named on check-ins and posts, and counted by month for the facilitators, never below three.
 * The links are kept by the features that own the rows (conversation, accountability), each of
 * which implements {@link org.praxis.obstacle.ObstacleSource}; this feature depends on neither.
 */
@Owns({"obstacle"})
package org.praxis.obstacle;

import org.praxis.base.Owns;
