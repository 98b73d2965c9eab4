package org.praxis.organization;

/** What a form sends to create or change an organisation. A mutable bean so a Binder can fill it. */
public class OrganizationDraft {

    private String name = "";
    private Sector sector;
    private County county;
    private String tribalNation = "";

    public static OrganizationDraft of(Organization o) {
        OrganizationDraft d = new OrganizationDraft();
        d.name = o.name();
        d.sector = o.sector();
        d.county = o.county();
        d.tribalNation = o.tribalNation() == null ? "" : o.tribalNation();
        return d;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }

    public County getCounty() {
        return county;
    }

    public void setCounty(County county) {
        this.county = county;
    }

    public String getTribalNation() {
        return tribalNation;
    }

    public void setTribalNation(String tribalNation) {
        this.tribalNation = tribalNation;
    }
}
