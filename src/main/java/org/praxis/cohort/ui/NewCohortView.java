package org.praxis.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortDraft;
import org.praxis.cohort.CohortService;

/**
 * For admins: starts a cohort (the first one, too, right after setup creates the first admin).
 * On success it opens the cohort's page, where its facilitators and people are added.
 */
@Route(value = "admin/cohorts/new", layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class NewCohortView extends Main implements HasDynamicTitle {

    public NewCohortView(CohortService cohorts) {
        setId("new-cohort-view");
        addClassName("praxis-view");
        var back = Links.route(getTranslation("cohort-form.back"), "admin/cohorts");
        back.setId("cohort-back");
        add(back, new H1(getTranslation("cohort-form.new-title")));
        CohortForm form = new CohortForm();
        form.read(new CohortDraft());
        Paragraph problem = new Paragraph();
        problem.setId("cohort-problem");
        problem.addClassName("praxis-form-message");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        Button create = new Button(getTranslation("cohort-form.create"));
        create.setId("cohort-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            problem.setVisible(false);
            try {
                long id = cohorts.create(form.draft());
                Notification.show(getTranslation("cohort-form.created"), 5000, Notification.Position.TOP_CENTER);
                getUI().ifPresent(ui -> ui.navigate("admin/cohorts/" + id));
            } catch (InvalidInputException e) {
                String rest = form.show(e);
                problem.setText(rest == null ? "" : rest);
                problem.setVisible(rest != null);
            }
        });
        add(form, problem, new HorizontalLayout(create));
        form.name.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cohort-form.page-title");
    }
}
