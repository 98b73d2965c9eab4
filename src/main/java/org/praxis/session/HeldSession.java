package org.praxis.session;

import java.time.ZonedDateTime;

/**
 * A session that took place (not cancelled, started before now), for a cohort's report: how many
 * people were marked as attending, and how many had their attendance marked at all.
 */
public record HeldSession(long id, String title, ZonedDateTime startsAt, int attended, int marked) {
}
