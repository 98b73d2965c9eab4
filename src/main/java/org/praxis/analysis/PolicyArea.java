package org.praxis.analysis;

/** What kind of policy an analysis looks at. */
public enum PolicyArea {
    HIRING, COMPENSATION, LANGUAGE_ACCESS, ELIGIBILITY, HOURS_ACCESS, DATA_COLLECTION, PROCUREMENT, GOVERNANCE,
    DISCIPLINE, OTHER
}
