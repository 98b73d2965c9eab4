package org.praxis.joining.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.mail.Mailer;
import org.praxis.base.ui.FieldProblems;
import org.praxis.cohort.CohortChoice;
import org.praxis.joining.ApplicationForm;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.Authority;
import org.praxis.joining.Facts;
import org.praxis.joining.RepresentationFacts;
import org.praxis.organization.Sector;

/**
 * The public application to join a cohort, no sign-in needed. Who the applicant is and why they
 * want to join, then optional, self-described facts that help compose a cohort representing the
 * region, with a plain statement of who reads them. Problems show on their fields and what was
 * typed stays; a confirmation follows.
 */
@Route(value = "apply", autoLayout = false)
@AnonymousAllowed
public class ApplyView extends Main implements HasDynamicTitle {

    private final transient ApplicationService applications;
    private final transient Mailer mailer;
    private final Select<CohortChoice> cohort = new Select<>();
    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final ComboBox<ApplicationService.OrganizationChoice> organization = new ComboBox<>();
    private String typedOrganization;
    private final Select<Sector> sector = new Select<>();
    private final TextField roleTitle = new TextField();
    private final RadioButtonGroup<Authority> authority = new RadioButtonGroup<>();
    private final TextArea why = new TextArea();
    private final TextArea bring = new TextArea();
    private final CheckboxGroup<String> race = new CheckboxGroup<>();
    private final TextField raceSelf = new TextField();
    private final RadioButtonGroup<String> gender = new RadioButtonGroup<>();
    private final TextField genderSelf = new TextField();
    private final RadioButtonGroup<String> county = new RadioButtonGroup<>();
    private final TextField countySelf = new TextField();
    private final RadioButtonGroup<String> tribal = new RadioButtonGroup<>();
    private final TextField tribalSelf = new TextField();
    private final TextArea lived = new TextArea();
    private final Checkbox livedPreferNot = new Checkbox();
    private final Checkbox consent = new Checkbox();
    private final TextField website = new TextField();
    private final Paragraph problem = new Paragraph();
    private final FieldProblems problems = new FieldProblems(this);

    public ApplyView(ApplicationService applications, Mailer mailer) {
        this.applications = applications;
        this.mailer = mailer;
        setId("apply-view");
        addClassName("praxis-public");
        Div card = new Div();
        card.addClassName("praxis-public-card");
        add(card);
        card.add(new H1(getTranslation("apply.title")));
        List<CohortChoice> open = applications.openCohorts();
        if (open.isEmpty()) {
            Paragraph closed = new Paragraph(getTranslation("apply.closed"));
            closed.setId("apply-closed");
            card.add(closed, signIn());
            return;
        }
        card.add(new Paragraph(getTranslation("apply.intro")));
        configure(open);
        Div you = new Div(cohort, name, email, organization, sector, roleTitle, authority, why, bring);
        you.addClassName("praxis-form-column");
        card.add(new H2(getTranslation("apply.about-role")), you);
        Paragraph factsIntro = new Paragraph(getTranslation("apply.facts.intro"));
        factsIntro.setId("apply-facts-intro");
        Div facts = new Div(race, raceSelf, gender, genderSelf, county, countySelf, tribal, tribalSelf, lived,
                livedPreferNot);
        facts.addClassName("praxis-form-column");
        card.add(new H2(getTranslation("apply.about-you")), factsIntro, facts);
        Paragraph consentText = new Paragraph(getTranslation("apply.consent.text"));
        consentText.setId("apply-consent-text");
        consentText.addClassName("praxis-callout");
        Button send = new Button(getTranslation("apply.submit"), click -> submit(card));
        send.setId("apply-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new H2(getTranslation("apply.consent.title")), consentText, consent, website, problem, send, signIn());
    }

    private Anchor signIn() {
        Anchor link = new Anchor("login", getTranslation("apply.have-account"));
        link.setId("apply-sign-in");
        return link;
    }

    private void configure(List<CohortChoice> open) {
        cohort.setId("apply-cohort");
        cohort.setLabel(getTranslation("apply.cohort"));
        cohort.setItems(open);
        cohort.setItemLabelGenerator(CohortChoice::name);
        cohort.setValue(open.get(0));
        cohort.setVisible(open.size() > 1);
        text(name, "apply-name", "apply.name", ApplicationService.NAME_MAX, true);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        email.setId("apply-email");
        email.setLabel(getTranslation("apply.email"));
        email.setMaxLength(ApplicationService.EMAIL_MAX);
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        organization.setId("apply-organization");
        organization.setLabel(getTranslation("apply.organization"));
        organization.setHelperText(getTranslation("apply.organization.help"));
        organization.setItems(applications.organizations());
        organization.setItemLabelGenerator(ApplicationService.OrganizationChoice::name);
        organization.setAllowCustomValue(true);
        organization.setRequiredIndicatorVisible(true);
        organization.setWidthFull();
        organization.addCustomValueSetListener(e -> {
            typedOrganization = e.getDetail();
            organization.setHelperText(getTranslation("apply.organization.new", e.getDetail()));
        });
        organization.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                typedOrganization = null;
                organization.setHelperText(getTranslation("apply.organization.help"));
            }
        });
        sector.setId("apply-sector");
        sector.setLabel(getTranslation("apply.sector"));
        sector.setItems(Sector.values());
        sector.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        sector.setRequiredIndicatorVisible(true);
        text(roleTitle, "apply-role", "apply.role", ApplicationService.ROLE_MAX, true);
        authority.setId("apply-authority");
        authority.setLabel(getTranslation("apply.authority"));
        authority.setItems(Authority.values());
        authority.setItemLabelGenerator(a -> getTranslation("apply.authority." + a.name().toLowerCase(Locale.ROOT)));
        authority.setRequiredIndicatorVisible(true);
        area(why, "apply-why", "apply.why", ApplicationService.TEXT_MAX, true);
        area(bring, "apply-bring", "apply.bring", ApplicationService.TEXT_MAX, true);

        race.setId("apply-race");
        race.setLabel(getTranslation("apply.race"));
        race.setItems(Facts.RACE_ETHNICITY);
        race.setItemLabelGenerator(v -> getTranslation("fact." + v));
        text(raceSelf, "apply-race-self", "apply.self-describe", ApplicationService.SELF_MAX, false);
        choices(gender, "apply-gender", "apply.gender", Facts.GENDER);
        text(genderSelf, "apply-gender-self", "apply.self-describe", ApplicationService.SELF_MAX, false);
        choices(county, "apply-county", "apply.county", Facts.COUNTY);
        text(countySelf, "apply-county-self", "apply.county-self", ApplicationService.SELF_MAX, false);
        choices(tribal, "apply-tribal", "apply.tribal", Facts.TRIBAL);
        text(tribalSelf, "apply-tribal-self", "apply.tribal-self", ApplicationService.SELF_MAX, false);
        area(lived, "apply-lived", "apply.lived", ApplicationService.LIVED_MAX, false);
        lived.setHelperText(getTranslation("apply.lived.help"));
        livedPreferNot.setId("apply-lived-prefer-not");
        livedPreferNot.setLabel(getTranslation("fact.PREFER_NOT"));
        livedPreferNot.addValueChangeListener(e -> lived.setEnabled(!e.getValue()));
        // self-descriptions appear only with their choice
        raceSelf.setVisible(false);
        race.addValueChangeListener(e -> raceSelf.setVisible(e.getValue().contains(Facts.SELF_DESCRIBE)));
        genderSelf.setVisible(false);
        gender.addValueChangeListener(e -> genderSelf.setVisible(Facts.SELF_DESCRIBE.equals(e.getValue())));
        countySelf.setVisible(false);
        county.addValueChangeListener(e -> countySelf.setVisible(Facts.SELF_DESCRIBE.equals(e.getValue())));
        tribalSelf.setVisible(false);
        tribal.addValueChangeListener(e -> tribalSelf.setVisible(e.getValue() != null
                && (e.getValue().equals("ENROLLED_OR_DESCENDANT") || e.getValue().equals(Facts.SELF_DESCRIBE))));

        consent.setId("apply-consent");
        consent.setLabel(getTranslation("apply.consent"));
        consent.setRequiredIndicatorVisible(true);
        // the honeypot: out of sight and out of the tab order, so only a machine fills it
        website.setId("apply-website");
        website.setLabel(getTranslation("apply.website"));
        website.addClassName("praxis-honeypot");
        website.getElement().setAttribute("aria-hidden", "true");
        website.getElement().setAttribute("tabindex", "-1");
        website.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        problem.setId("apply-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.addClassName("praxis-form-message");
        problem.setVisible(false);
        problems.bind("cohort", cohort).bind("name", name).bind("email", email).bind("organization", organization)
                .bind("organizationName", organization).bind("sector", sector).bind("roleTitle", roleTitle)
                .bind("authority", authority).bind("why", why).bind("bring", bring).bind("raceEthnicity", race)
                .bind("raceEthnicitySelf", raceSelf).bind("gender", gender).bind("genderSelf", genderSelf)
                .bind("county", county).bind("countySelf", countySelf).bind("tribal", tribal)
                .bind("tribalSelf", tribalSelf).bind("livedExperience", lived).bind("consent", consent);
    }

    private void text(TextField field, String id, String label, int max, boolean required) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        field.setMaxLength(max);
        field.setRequiredIndicatorVisible(required);
        field.setWidthFull();
    }

    private void area(TextArea field, String id, String label, int max, boolean required) {
        field.setId(id);
        field.setLabel(getTranslation(label));
        field.setMaxLength(max);
        field.setRequiredIndicatorVisible(required);
        field.setWidthFull();
        field.setMinHeight("6rem");
    }

    private void choices(RadioButtonGroup<String> group, String id, String label, List<String> values) {
        group.setId(id);
        group.setLabel(getTranslation(label));
        group.setItems(values);
        group.setItemLabelGenerator(v -> getTranslation("fact." + v));
    }

    private ApplicationForm form() {
        ApplicationService.OrganizationChoice picked = organization.getValue();
        RepresentationFacts facts = new RepresentationFacts(new ArrayList<>(race.getValue()), raceSelf.getValue(),
                gender.getValue(), genderSelf.getValue(), county.getValue(), countySelf.getValue(), tribal.getValue(),
                tribalSelf.getValue(), lived.getValue(), livedPreferNot.getValue());
        return new ApplicationForm(cohort.getValue() == null ? null : cohort.getValue().id(), name.getValue(),
                email.getValue(), picked == null ? null : picked.id(), picked == null ? typedOrganization : null,
                sector.getValue(), roleTitle.getValue(), authority.getValue(), why.getValue(), bring.getValue(), facts,
                consent.getValue(), website.getValue());
    }

    private void submit(Div card) {
        problem.setVisible(false);
        try {
            VaadinRequest request = VaadinRequest.getCurrent();
            applications.apply(form(), request == null ? null : request.getRemoteAddr());
            card.removeAll();
            H1 thanks = new H1(getTranslation("apply.thanks.title"));
            thanks.setId("apply-thanks");
            card.add(thanks, new Paragraph(getTranslation("apply.thanks.text")));
            if (mailer.configured()) {
                card.add(new Paragraph(getTranslation("apply.thanks.mail", email.getValue().strip())));
            }
            card.add(signIn());
        } catch (InvalidInputException e) {
            String rest = problems.show(e);
            if (rest != null) {
                problem.setText(rest);
                problem.setVisible(true);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apply.page-title");
    }
}
