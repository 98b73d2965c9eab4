package org.praxis.analysis;

/** Draft (its authors only), shared with the cohort, or revised after sharing. */
public enum AnalysisStatus { DRAFT, SHARED, REVISED }
