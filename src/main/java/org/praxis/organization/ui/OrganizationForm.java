package org.praxis.organization.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.praxis.base.ui.DraftForm;
import org.praxis.organization.County;
import org.praxis.organization.OrganizationDraft;
import org.praxis.organization.Sector;

/** Name, sector, county and tribal nation of an organisation. Publishes save and cancel; knows no service. */
public class OrganizationForm extends DraftForm<OrganizationDraft> {

    private final TextField name = new TextField();
    private final Select<Sector> sector = new Select<>();
    private final Select<County> county = new Select<>();
    private final TextField tribalNation = new TextField();

    public OrganizationForm() {
        super(OrganizationDraft.class, "organization");
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

        addFields(name, sector, county, tribalNation);
    }

    @Override
    protected com.vaadin.flow.component.Focusable<?> firstField() {
        return name;
    }
}
