/**
 * Accountability: members' commitments and their check-ins, the cohort's board with offers of
 * help and comments, email digests, and sessions as calendar events.
 */
@Owns({"commitment", "check_in", "check_in_obstacle", "commitment_help", "digest_sent", "calendar_feed"})
package org.praxis.accountability;

import org.praxis.base.Owns;
