package org.praxis.joining;

import java.util.List;

/**
 * The cohort being composed (its members, and applicants shortlisted or invited) against its
 * capacity. Counts of one or two are never given: {@link Count#fewerThanThree()} says so instead.
 * {@code gaps}: counties, sectors and tribal affiliation with no one at all.
 */
public record RepresentationOverview(int capacity, int composing, int members, int applicants,
        List<Count> raceEthnicity, List<Count> gender, List<Count> county, List<Count> tribal, List<Count> sector,
        List<Count> authority, List<Count> organizations, int livedExperienceShared, boolean livedExperienceFew,
        List<String> countyGaps, List<String> sectorGaps, boolean noTribalAffiliation) {

    /** {@code count} is 0 when {@code fewerThanThree}: the number itself is not shown. */
    public record Count(String key, int count, boolean fewerThanThree) {

        static Count of(String key, int n) {
            return n > 0 && n < 3 ? new Count(key, 0, true) : new Count(key, n, false);
        }
    }
}
