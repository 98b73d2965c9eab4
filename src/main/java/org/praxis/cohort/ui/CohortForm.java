package org.praxis.cohort.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.cohort.CohortDraft;
import org.praxis.cohort.CohortService;

/**
 * The fields of a cohort, for a new one and for one being changed. A facilitator sees the fields
 * only an admin changes as read-only (the service refuses them a change there anyway). The values
 * typed stay as they are when the service objects; its objections show next to their fields.
 */
class CohortForm extends FormLayout {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final IntegerField capacity = new IntegerField();
    final DatePicker startsOn = new DatePicker();
    final DatePicker endsOn = new DatePicker();
    final ComboBox<String> timeZone = new ComboBox<>();
    final Checkbox applicationsOpen = new Checkbox();
    final Checkbox membersOpenThreads = new Checkbox();
    private final FieldProblems problems = new FieldProblems(this);

    CohortForm() {
        setId("cohort-form");
        name.setLabel(getTranslation("cohort-form.name"));
        name.setId("cohort-name-field");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(CohortService.NAME_MAX);
        description.setLabel(getTranslation("cohort-form.description"));
        description.setId("cohort-description");
        description.setHelperText(getTranslation("cohort-form.description.help", CohortService.DESCRIPTION_MAX));
        capacity.setLabel(getTranslation("cohort-form.capacity"));
        capacity.setId("cohort-capacity");
        capacity.setHelperText(getTranslation("cohort-form.capacity.help", CohortService.CAPACITY_MAX));
        capacity.setStepButtonsVisible(true);
        capacity.setRequiredIndicatorVisible(true);
        startsOn.setLabel(getTranslation("cohort-form.starts-on"));
        startsOn.setId("cohort-starts-on");
        endsOn.setLabel(getTranslation("cohort-form.ends-on"));
        endsOn.setId("cohort-ends-on");
        timeZone.setLabel(getTranslation("cohort-form.time-zone"));
        timeZone.setId("cohort-time-zone");
        timeZone.setHelperText(getTranslation("cohort-form.time-zone.help"));
        timeZone.setItems(CohortService.timeZones());
        timeZone.setRequiredIndicatorVisible(true);
        applicationsOpen.setLabel(getTranslation("cohort-form.applications-open"));
        applicationsOpen.setId("cohort-applications-open");
        membersOpenThreads.setLabel(getTranslation("cohort-form.members-open-threads"));
        membersOpenThreads.setId("cohort-members-open-threads");
        problems.bind("name", name).bind("description", description).bind("capacity", capacity)
                .bind("startsOn", startsOn).bind("endsOn", endsOn).bind("timeZone", timeZone);
        add(name, capacity, startsOn, endsOn, timeZone, applicationsOpen, membersOpenThreads, description);
        setColspan(description, 2);
        setColspan(name, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    void read(CohortDraft d) {
        name.setValue(d.getName() == null ? "" : d.getName());
        description.setValue(d.getDescription() == null ? "" : d.getDescription());
        capacity.setValue(d.getCapacity());
        startsOn.setValue(d.getStartsOn());
        endsOn.setValue(d.getEndsOn());
        timeZone.setValue(d.getTimeZone());
        applicationsOpen.setValue(d.isApplicationsOpen());
        membersOpenThreads.setValue(d.isMembersOpenThreads());
    }

    /** What the fields hold now. */
    CohortDraft draft() {
        CohortDraft d = new CohortDraft();
        d.setName(name.getValue());
        d.setDescription(description.getValue());
        d.setCapacity(capacity.getValue());
        d.setStartsOn(startsOn.getValue());
        d.setEndsOn(endsOn.getValue());
        d.setTimeZone(timeZone.getValue());
        d.setApplicationsOpen(applicationsOpen.getValue());
        d.setMembersOpenThreads(membersOpenThreads.getValue());
        return d;
    }

    /** Only the description, the dates and who opens commons threads may change (a facilitator's view). */
    void limitToDescriptionAndDates() {
        name.setReadOnly(true);
        capacity.setReadOnly(true);
        timeZone.setReadOnly(true);
        applicationsOpen.setReadOnly(true);
    }

    /** Nothing may change (a closed cohort, seen by a facilitator). */
    void readOnly() {
        limitToDescriptionAndDates();
        description.setReadOnly(true);
        startsOn.setReadOnly(true);
        endsOn.setReadOnly(true);
        membersOpenThreads.setReadOnly(true);
    }

    void clearProblems() {
        problems.clear();
    }

    /** Marks the fields the service objected to; returns the objections no field shows, or null. */
    String show(InvalidInputException e) {
        return problems.show(e);
    }
}
