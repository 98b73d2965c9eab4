package org.praxis.organization.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.organization.County;
import org.praxis.organization.OrganizationDraft;
import org.praxis.organization.Sector;

/** Name, sector, county and tribal nation of an organisation. Publishes save and cancel; knows no service. */
public class OrganizationForm extends FormLayout {

    private final TextField name = new TextField();
    private final Select<Sector> sector = new Select<>();
    private final Select<County> county = new Select<>();
    private final TextField tribalNation = new TextField();
    private final Binder<OrganizationDraft> binder = new Binder<>(OrganizationDraft.class);
    private final FieldProblems problems = new FieldProblems(this);
    private OrganizationDraft draft;

    public OrganizationForm() {
        setId("organization-form");
        name.setId("organization-name");
        name.setLabel(getTranslation("organization.name"));
        name.setRequiredIndicatorVisible(true);
        sector.setId("organization-sector");
        sector.setLabel(getTranslation("organization.sector"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        sector.setRequiredIndicatorVisible(true);
        county.setId("organization-county");
        county.setLabel(getTranslation("organization.county"));
        county.setItems(County.values());
        county.setItemLabelGenerator(c -> c == null ? getTranslation("organization.county.none") : getTranslation(c.messageKey()));
        county.setEmptySelectionAllowed(true);
        county.setEmptySelectionCaption(getTranslation("organization.county.none"));
        tribalNation.setId("organization-tribal-nation");
        tribalNation.setLabel(getTranslation("organization.tribal-nation"));
        tribalNation.setHelperText(getTranslation("organization.tribal-nation.help"));

        binder.forField(name).bind(OrganizationDraft::getName, OrganizationDraft::setName);
        binder.forField(sector).bind(OrganizationDraft::getSector, OrganizationDraft::setSector);
        binder.forField(county).bind(OrganizationDraft::getCounty, OrganizationDraft::setCounty);
        binder.forField(tribalNation).bind(OrganizationDraft::getTribalNation, OrganizationDraft::setTribalNation);
        problems.bind("name", name).bind("sector", sector).bind("tribalNation", tribalNation);

        add(name, sector, county, tribalNation, buttons());
        setColspan(getChildren().reduce((a, b) -> b).orElseThrow(), 2);
    }

    private HorizontalLayout buttons() {
        Button save = new Button(getTranslation("action.save"), click -> {
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent(this, draft));
            }
        });
        save.setId("organization-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("organization-cancel");
        return new HorizontalLayout(save, cancel);
    }

    public void edit(OrganizationDraft draft) {
        this.draft = draft;
        problems.clear();
        binder.readBean(draft);
        name.focus();
    }

    /** Shows the service's objections next to their fields; returns any it could not place. */
    public String show(InvalidInputException e) {
        return problems.show(e);
    }

    public Registration addSaveListener(com.vaadin.flow.component.ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(com.vaadin.flow.component.ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static final class SaveEvent extends ComponentEvent<OrganizationForm> {
        private final transient OrganizationDraft draft;

        SaveEvent(OrganizationForm source, OrganizationDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public OrganizationDraft draft() {
            return draft;
        }
    }

    public static final class CancelEvent extends ComponentEvent<OrganizationForm> {
        CancelEvent(OrganizationForm source) {
            super(source, false);
        }
    }
}
