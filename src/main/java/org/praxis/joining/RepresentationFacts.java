package org.praxis.joining;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an applicant chose to say about themselves, each optional and in their own words where
 * they self-describe. Values are those of {@link Facts}; null means not answered.
 * {@code tribalSelf} also names a tribe or nation when they are enrolled or a descendant.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RepresentationFacts(List<String> raceEthnicity, String raceEthnicitySelf, String gender, String genderSelf,
        String county, String countySelf, String tribal, String tribalSelf, String livedExperience,
        boolean livedExperiencePreferNot) {

    public static final RepresentationFacts NONE = new RepresentationFacts(List.of(), null, null, null, null, null, null,
            null, null, false);

    public RepresentationFacts {
        raceEthnicity = raceEthnicity == null ? List.of() : List.copyOf(raceEthnicity);
    }
}
