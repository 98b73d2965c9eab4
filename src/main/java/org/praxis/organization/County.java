package org.praxis.organization;

/** The counties of Northwest Washington the network serves. Text: {@code county.<NAME>}. */
public enum County {
    WHATCOM,
    SKAGIT,
    SNOHOMISH,
    ISLAND,
    SAN_JUAN,
    OTHER;

    public String messageKey() {
        return "county." + name();
    }
}
