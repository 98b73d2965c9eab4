package org.praxis.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.ClosedCohortNotice;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.consultation.ConsultationDraft;
import org.praxis.consultation.ConsultationService;

/**
 * A member brings a dilemma in a few lines: a title, the situation, what they have tried and
 * their question. A refused field says why in place, and what was typed stays.
 */
@Route(value = "consultations/new", layout = MainLayout.class)
@PermitAll
public class BringConsultationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient CohortAccess access;
    private final transient CohortPages pages;

    final TextField title = new TextField();
    final TextArea situation = new TextArea();
    final TextArea tried = new TextArea();
    final TextArea question = new TextArea();

    public BringConsultationView(ConsultationService consultations, CohortAccess access, CohortPages pages) {
        this.consultations = consultations;
        this.access = access;
        this.pages = pages;
        setId("bring-consultation-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(Links.route(getTranslation("consultation.back-to-list"), "consultations"));
        add(new H1(getTranslation("consultation.new.title")));
        pages.resolve(event, CohortPages.Need.MEMBER, () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)))
                .ifPresent(this::form);
    }

    private void form(CurrentCohort.Choice cohort) {
        var closed = ClosedCohortNotice.of(this, access, cohort.id());
        if (closed.isPresent()) {
            add(closed.get());
            return;
        }
        add(new Paragraph(getTranslation("consultation.new.intro")));
        field(title, "title", ConsultationService.TITLE_MAX);
        field(situation, "situation", ConsultationService.SITUATION_MAX);
        field(tried, "tried", ConsultationService.TRIED_MAX);
        field(question, "question", ConsultationService.QUESTION_MAX);
        FieldProblems problems = new FieldProblems(this).bind("title", title).bind("situation", situation)
                .bind("tried", tried).bind("question", question);
        FormLayout form = new FormLayout(title, situation, tried, question);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setId("consultation-form");
        Button save = new Button(getTranslation("consultation.new.save"), click -> {
            problems.clear();
            try {
                long id = consultations.bring(cohort.id(), new ConsultationDraft(title.getValue(),
                        situation.getValue(), tried.getValue(), question.getValue()));
                Notification.show(getTranslation("consultation.new.saved"), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("consultations/" + id));
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        save.setId("consultation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, save);
    }

    /** Label, help and limit of a field, from its key. */
    private void field(TextField f, String key, int max) {
        f.setId("consultation-" + key);
        f.setLabel(getTranslation("consultation.field." + key));
        f.setHelperText(getTranslation("consultation.field." + key + ".help"));
        f.setMaxLength(max);
        f.setRequiredIndicatorVisible(true);
    }

    private void field(TextArea f, String key, int max) {
        f.setId("consultation-" + key);
        f.setLabel(getTranslation("consultation.field." + key));
        f.setHelperText(getTranslation("consultation.field." + key + ".help"));
        f.setMaxLength(max);
        f.setRequiredIndicatorVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("consultation.new.page-title");
    }
}
