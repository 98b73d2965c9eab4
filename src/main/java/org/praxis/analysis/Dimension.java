package org.praxis.analysis;

/** The equity dimensions an analysis considers. */
public enum Dimension {
    RACE_ETHNICITY, GENDER, DISABILITY, AGE, INCOME_CLASS, GEOGRAPHY, TRIBAL_SOVEREIGNTY, LANGUAGE, LGBTQ
}
