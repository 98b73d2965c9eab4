package org.praxis.session;

/** One person of the cohort and what is known of their attendance at a session. */
public record AttendanceRow(long memberId, String displayName, Boolean willJoin, Boolean attended) {
}
