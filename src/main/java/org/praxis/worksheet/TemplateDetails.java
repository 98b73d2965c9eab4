package org.praxis.worksheet;

/** The latest version of a template; {@code inUse}: someone started a response on it, so an edit makes a new version. */
public record TemplateDetails(long id, Long cohortId, boolean starter, long versionId, int version,
        TemplateDefinition definition, boolean inUse) {
}
