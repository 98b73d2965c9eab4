package org.praxis.cohort;

import java.time.LocalDate;

/** What the cohort form edits: a new cohort, or one being changed. */
public class CohortDraft {

    private String name = "";
    private String description = "";
    private Integer capacity = Cohorts.DEFAULT_CAPACITY;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String timeZone = Cohorts.DEFAULT_ZONE;
    private boolean applicationsOpen;
    private boolean membersOpenThreads;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean isApplicationsOpen() {
        return applicationsOpen;
    }

    public void setApplicationsOpen(boolean applicationsOpen) {
        this.applicationsOpen = applicationsOpen;
    }

    /** Whether members, not only facilitators, may open threads in the cohort's commons. */
    public boolean isMembersOpenThreads() {
        return membersOpenThreads;
    }

    public void setMembersOpenThreads(boolean membersOpenThreads) {
        this.membersOpenThreads = membersOpenThreads;
    }
}
