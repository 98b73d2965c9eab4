/**
 * Accountability: members' commitments and their check-ins, the cohort's board with offers of
 * help and comments, email digests, and sessions as calendar events.
 */
package org.praxis.accountability;
