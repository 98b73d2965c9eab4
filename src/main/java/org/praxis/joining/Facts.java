package org.praxis.joining;

import java.util.List;

/**
 * The choices offered for each representation fact. Every fact is optional; each also takes
 * {@link #SELF_DESCRIBE} (with the applicant's own words) and {@link #PREFER_NOT}.
 */
public final class Facts {

    public static final String SELF_DESCRIBE = "SELF_DESCRIBE";
    public static final String PREFER_NOT = "PREFER_NOT";

    public static final List<String> RACE_ETHNICITY = List.of("AMERICAN_INDIAN_ALASKA_NATIVE", "ASIAN", "BLACK",
            "HISPANIC_LATINO", "MIDDLE_EASTERN_NORTH_AFRICAN", "NATIVE_HAWAIIAN_PACIFIC_ISLANDER", "WHITE",
            SELF_DESCRIBE, PREFER_NOT);
    public static final List<String> GENDER = List.of("WOMAN", "MAN", "NON_BINARY", "TWO_SPIRIT", SELF_DESCRIBE,
            PREFER_NOT);
    public static final List<String> COUNTY = List.of("WHATCOM", "SKAGIT", "SNOHOMISH", "ISLAND", "SAN_JUAN",
            SELF_DESCRIBE, PREFER_NOT);
    public static final List<String> TRIBAL = List.of("ENROLLED_OR_DESCENDANT", "NONE", SELF_DESCRIBE, PREFER_NOT);

    private Facts() {
    }
}
