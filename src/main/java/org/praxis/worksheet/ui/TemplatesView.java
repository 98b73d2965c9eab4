package org.praxis.worksheet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.worksheet.Question;
import org.praxis.worksheet.Step;
import org.praxis.worksheet.TemplateDefinition;
import org.praxis.worksheet.TemplateService;
import org.praxis.worksheet.TemplateSummary;
import org.praxis.worksheet.WorksheetService;

/**
 * Facilitators' templates: the starters the project ships (to assign as they are, or copy and
 * adapt) and their cohorts' own, to edit, assign or archive.
 */
@Route(value = "worksheets/templates", layout = MainLayout.class)
@RolesAllowed({"FACILITATOR", "ADMIN"})
public class TemplatesView extends Main implements HasDynamicTitle {

    private final transient TemplateService templates;
    private final transient WorksheetService worksheets;
    private final transient CohortAccess access;
    private final List<CohortChoice> cohorts;

    public TemplatesView(TemplateService templates, WorksheetService worksheets, CohortAccess access) {
        this.templates = templates;
        this.worksheets = worksheets;
        this.access = access;
        Set<Long> facilitated = templates.facilitatedCohorts();
        this.cohorts = access.myCohorts().stream().filter(c -> facilitated.contains(c.id())).toList();
        setId("templates-view");
        addClassName("praxis-view");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("worksheet.templates.title")));
        if (cohorts.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("worksheet.templates.not-facilitating"));
            none.setId("no-templates");
            add(none);
            return;
        }
        Button create = new Button(getTranslation("worksheet.templates.new"),
                click -> UI.getCurrent().navigate("worksheets/templates/edit"));
        create.setId("template-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        List<TemplateSummary> all = templates.templates();
        add(new H2(getTranslation("worksheet.templates.starters")));
        add(list(all.stream().filter(TemplateSummary::starter).toList()));
        add(new H2(getTranslation("worksheet.templates.cohorts")));
        List<TemplateSummary> own = all.stream().filter(t -> !t.starter()).toList();
        if (own.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("worksheet.templates.none"));
            none.addClassName("praxis-muted");
            add(none);
        } else {
            add(list(own));
        }
    }

    private UnorderedList list(List<TemplateSummary> items) {
        UnorderedList list = new UnorderedList();
        list.addClassName("praxis-cards");
        for (TemplateSummary t : items) {
            ListItem item = new ListItem();
            item.setId("template-" + t.id());
            item.addClassName("praxis-card");
            Span title = new Span(t.title());
            title.addClassName("praxis-card-title");
            item.add(title);
            if (!t.purpose().isBlank()) {
                Paragraph purpose = new Paragraph(t.purpose());
                purpose.addClassName("praxis-card-line");
                item.add(purpose);
            }
            Paragraph meta = new Paragraph(getTranslation("worksheet.templates.meta",
                    t.starter() ? getTranslation("worksheet.templates.starter") : t.cohortName(), t.steps(), t.questions(),
                    t.version(), t.assignments()));
            meta.addClassName("praxis-muted");
            item.add(meta);
            HorizontalLayout actions = new HorizontalLayout();
            actions.setWrap(true);
            Button preview = new Button(getTranslation("worksheet.templates.preview"), click -> preview(t));
            preview.setId("template-" + t.id() + "-preview");
            preview.getElement().setAttribute("aria-label", getTranslation("worksheet.templates.preview.title", t.title()));
            actions.add(preview);
            Button assign = new Button(getTranslation("worksheet.assign"),
                    click -> new AssignDialog(t, cohorts, worksheets, access).open());
            assign.setId("template-" + t.id() + "-assign");
            assign.getElement().setAttribute("aria-label", getTranslation("worksheet.assign.title", t.title()));
            actions.add(assign);
            if (t.starter()) {
                Button copy = new Button(getTranslation("worksheet.templates.copy"), click -> copy(t));
                copy.setId("template-" + t.id() + "-copy");
                actions.add(copy);
            } else {
                Button edit = new Button(getTranslation("worksheet.templates.edit"),
                        click -> open(t.id()));
                edit.setId("template-" + t.id() + "-edit");
                Button archive = new Button(getTranslation("worksheet.templates.archive"), click -> archive(t));
                archive.setId("template-" + t.id() + "-archive");
                archive.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                actions.add(edit, archive);
            }
            item.add(actions);
            list.add(item);
        }
        return list;
    }

    /** The steps and questions of the template's latest version, as a member would meet them. */
    private void preview(TemplateSummary t) {
        TemplateDefinition d = templates.read(t.id()).definition();
        Dialog dialog = new Dialog();
        dialog.setId("preview-dialog");
        dialog.setHeaderTitle(getTranslation("worksheet.templates.preview.title", t.title()));
        dialog.setWidth("min(50rem, 95vw)");
        if (!d.purpose().isBlank()) {
            dialog.add(new Paragraph(d.purpose()));
        }
        for (int i = 0; i < d.steps().size(); i++) {
            Step s = d.steps().get(i);
            dialog.add(new H3(getTranslation("worksheet.progress", i + 1, d.steps().size()) + ": " + s.title()));
            if (!s.intro().isBlank()) {
                dialog.add(new Paragraph(s.intro()));
            }
            OrderedList questions = new OrderedList();
            for (Question q : s.questions()) {
                ListItem item = new ListItem(q.prompt());
                StringBuilder facts = new StringBuilder(
                        getTranslation("worksheet.kind." + q.kind().name().toLowerCase(java.util.Locale.ROOT)));
                if (!q.options().isEmpty()) {
                    facts.append(" · ").append(String.join(", ", q.options()));
                }
                if (q.required()) {
                    facts.append(" · ").append(getTranslation("worksheet.templates.preview.required"));
                }
                Paragraph kind = new Paragraph(facts.toString());
                kind.addClassName("praxis-muted");
                item.add(kind);
                questions.add(item);
            }
            dialog.add(questions);
        }
        Button close = new Button(getTranslation("action.done"), click -> dialog.close());
        close.setId("preview-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    /** Copies a starter into a cohort (chosen when there are several) and opens the copy to adapt. */
    private void copy(TemplateSummary t) {
        if (cohorts.size() == 1) {
            open(templates.copy(t.id(), cohorts.get(0).id()));
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("copy-dialog");
        dialog.setHeaderTitle(getTranslation("worksheet.templates.copy.title", t.title()));
        Select<CohortChoice> cohort = new Select<>();
        cohort.setId("copy-cohort");
        cohort.setLabel(getTranslation("worksheet.assign.cohort"));
        cohort.setItems(cohorts);
        cohort.setItemLabelGenerator(CohortChoice::name);
        cohort.setValue(cohorts.get(0));
        dialog.add(cohort);
        Button ok = new Button(getTranslation("worksheet.templates.copy"), click -> {
            dialog.close();
            open(templates.copy(t.id(), cohort.getValue().id()));
        });
        ok.setId("copy-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
    }

    private void open(long templateId) {
        UI.getCurrent().navigate("worksheets/templates/edit",
                com.vaadin.flow.router.QueryParameters.of("id", String.valueOf(templateId)));
    }

    private void archive(TemplateSummary t) {
        Dialog dialog = new Dialog();
        dialog.setId("archive-dialog");
        dialog.setHeaderTitle(getTranslation("worksheet.templates.archive.title", t.title()));
        dialog.add(new Paragraph(getTranslation("worksheet.templates.archive.text")));
        Button ok = new Button(getTranslation("worksheet.templates.archive"), click -> {
            templates.archive(t.id());
            dialog.close();
            render();
        });
        ok.setId("archive-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("worksheet.templates.page-title");
    }
}
