package org.praxis.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.praxis.analysis.AnalysisDetails;
import org.praxis.analysis.AnalysisDraft;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.EditConflictException;
import org.praxis.analysis.PolicyArea;
import org.praxis.analysis.Section;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.cohort.CohortPerson;
import org.praxis.cohort.CohortService;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.organization.Organization;
import org.praxis.organization.OrganizationService;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writing an analysis: the facts, then the seven sections, each with its guiding question. A
 * draft saves itself a moment after each change; a shared analysis is saved on purpose, and each
 * save is a new version. When a co-author saved in between, nothing is overwritten: both texts
 * are shown and the writer chooses. {@code ?cohort=} starts a new one, {@code ?id=} edits.
 */
@Route(value = "analyses/write", layout = MainLayout.class)
@PermitAll
public class AnalysisEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AnalysisService analyses;
    private final transient CohortService cohorts;
    private final transient OrganizationService organizations;
    private final transient CohortPages pages;
    /** The cohort's zone for "saved at": everything else shows the cohort's time too. */
    private final transient org.praxis.cohort.CohortAccess access;
    private final transient java.time.Clock clock;
    private final TextField title = new TextField();
    private final ComboBox<Organization> organization = new ComboBox<>();
    private final Select<PolicyArea> area = new Select<>();
    private final CheckboxGroup<Dimension> dimensions = new CheckboxGroup<>();
    private final TextField tags = new TextField();
    private final MultiSelectComboBox<CohortPerson> coAuthors = new MultiSelectComboBox<>();
    private final Map<Section, TextArea> sections = new EnumMap<>(Section.class);
    private final Paragraph status = new Paragraph();
    private final Button save = new Button();
    private final Button share = new Button();
    private final FieldProblems problems = new FieldProblems(this);
    private Long id;
    private long cohortId;
    private int lockVersion;
    private boolean shared;
    private boolean loading;
    /** A shared analysis has edits not yet saved as a version. */
    private boolean unsaved;

    public AnalysisEditorView(AnalysisService analyses, CohortService cohorts, OrganizationService organizations,
            CohortPages pages, org.praxis.cohort.CohortAccess access, java.time.Clock clock) {
        this.access = access;
        this.clock = clock;
        this.analyses = analyses;
        this.pages = pages;
        this.cohorts = cohorts;
        this.organizations = organizations;
        setId("analysis-editor");
        addClassName("praxis-view");
        configure();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        id = params.getSingleParameter("id").filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        AnalysisDetails existing = null;
        try {
            if (id != null) {
                existing = analyses.read(id);
                if (!existing.author()) {
                    throw new AccessDeniedException("not an author");
                }
                cohortId = existing.cohortId();
                CohortPages.showing(event, cohortId);
            } else {
                removeAll();
                Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.MEMBER, () -> add(
                        new H1(getTranslation("analysis.editor.new")), CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
                if (cohort.isEmpty()) {
                    return;
                }
                cohortId = cohort.get().id();
            }
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
        if (existing != null) {
            fill(existing);
        } else {
            shared = false;
            lockVersion = 0;
            status.setText(getTranslation("analysis.editor.start"));
        }
        updateButtons();
    }

    /** Fields, labels and listeners, once; the view may be reused for another analysis. */
    private void configure() {
        title.setId("analysis-title");
        title.setLabel(getTranslation("analysis.title"));
        title.setMaxLength(AnalysisService.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        organization.setId("analysis-organization");
        organization.setLabel(getTranslation("analysis.organization"));
        organization.setItemLabelGenerator(Organization::name);
        organization.setClearButtonVisible(true);
        area.setId("analysis-area");
        area.setLabel(getTranslation("analysis.area"));
        area.setItems(PolicyArea.values());
        area.setItemLabelGenerator(a -> getTranslation("analysis.area." + a.name().toLowerCase(Locale.ROOT)));
        area.setRequiredIndicatorVisible(true);
        dimensions.setId("analysis-dimensions");
        dimensions.setLabel(getTranslation("analysis.dimensions"));
        dimensions.setItems(Dimension.values());
        dimensions.setItemLabelGenerator(d -> getTranslation("analysis.dimension." + d.name().toLowerCase(Locale.ROOT)));
        tags.setId("analysis-tags");
        tags.setLabel(getTranslation("analysis.tags"));
        tags.setHelperText(getTranslation("analysis.tags.help"));
        coAuthors.setId("analysis-co-authors");
        coAuthors.setLabel(getTranslation("analysis.co-authors"));
        coAuthors.setItemLabelGenerator(CohortPerson::displayName);
        problems.bind("title", title).bind("area", area).bind("tags", tags).bind("coAuthors", coAuthors);
        for (Section s : Section.values()) {
            TextArea text = new TextArea();
            text.setId("section-" + s.key());
            text.setLabel(getTranslation("analysis.section." + s.key()));
            text.setHelperText(getTranslation("analysis.section." + s.key() + ".question"));
            text.setMaxLength(Section.MAX);
            text.setWidthFull();
            text.setMinHeight("8rem");
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setValueChangeTimeout(1500);
            text.addValueChangeListener(e -> changed());
            sections.put(s, text);
            problems.bind("section." + s.key(), text);
        }
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(title, organization, area, dimensions, tags, coAuthors)) {
            field.addValueChangeListener(e -> changed());
        }
        title.setValueChangeMode(ValueChangeMode.LAZY);
        tags.setValueChangeMode(ValueChangeMode.LAZY);
        status.setId("analysis-save-status");
        status.getElement().setAttribute("role", "status");
        save.setId("analysis-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save(true));
        share.setId("analysis-share");
        share.setText(getTranslation("analysis.share"));
        share.addClickListener(click -> shareNow());
    }

    private void build() {
        loading = true;
        try {
            removeAll();
            add(new H1(getTranslation(id == null ? "analysis.editor.new" : "analysis.editor.edit")));
            organization.setItems(organizations.list());
            List<CohortPerson> people = cohorts.myCohorts().stream().filter(c -> c.id() == cohortId).findFirst()
                    .map(c -> java.util.stream.Stream.concat(c.facilitators().stream(), c.members().stream()).toList())
                    .orElse(List.of());
            coAuthors.setItems(people);
            title.clear();
            organization.clear();
            area.clear();
            dimensions.clear();
            tags.clear();
            coAuthors.clear();
            sections.values().forEach(TextArea::clear);
            problems.clear();
        } finally {
            loading = false;
        }
        Div facts = new Div(title, organization, area, dimensions, tags, coAuthors);
        facts.addClassName("praxis-form-column");
        add(facts);
        sections.forEach((s, text) -> add(new H2(getTranslation("analysis.section." + s.key())), text));
        Button done = new Button(getTranslation("analysis.editor.done"), click -> leave());
        done.setId("analysis-done");
        add(status, new HorizontalLayout(save, share, done));
    }

    private void fill(AnalysisDetails a) {
        loading = true;
        try {
            id = a.id();
            unsaved = false;
            lockVersion = a.lockVersion();
            shared = a.shared();
            title.setValue(a.title());
            organization.setValue(a.organizationId() == null ? null
                    : organization.getListDataView().getItems().filter(o -> o.id() == a.organizationId()).findFirst()
                            .orElse(null));
            area.setValue(a.area());
            dimensions.setValue(a.dimensions());
            tags.setValue(String.join(", ", a.tags()));
            coAuthors.setValue(coAuthors.getListDataView().getItems().filter(p -> a.coAuthorIds().contains(p.memberId()))
                    .collect(Collectors.toSet()));
            sections.forEach((s, t) -> t.setValue(a.markdown().get(s)));
        } finally {
            loading = false;
        }
        status.setText(getTranslation(shared ? "analysis.editor.shared" : "analysis.editor.draft"));
    }

    private void updateButtons() {
        save.setText(getTranslation(shared ? "analysis.save-version" : "analysis.save-draft"));
        share.setVisible(!shared);
    }

    private AnalysisDraft draft() {
        Map<Section, String> text = new EnumMap<>(Section.class);
        sections.forEach((s, t) -> text.put(s, t.getValue()));
        List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        Set<Long> co = coAuthors.getValue().stream().map(CohortPerson::memberId).collect(Collectors.toSet());
        return new AnalysisDraft(title.getValue(), organization.getValue() == null ? null : organization.getValue().id(),
                area.getValue(), dimensions.getValue(), tagList, text, co);
    }

    /** A draft saves itself; a shared analysis waits for "Save new version". */
    private void changed() {
        if (loading) {
            return;
        }
        if (shared) {
            unsaved = true;
            status.setText(getTranslation("analysis.editor.unsaved"));
            return;
        }
        save(false);
    }

    /** Saves; true when it went through. {@code explicit}: the writer asked (problems are shown loudly). */
    private boolean save(boolean explicit) {
        if (!explicit && (title.getValue().isBlank() || area.getValue() == null) && id == null) {
            status.setText(getTranslation("analysis.editor.needs-title"));
            return false;
        }
        try {
            problems.clear();
            if (id == null) {
                id = analyses.create(cohortId, draft());
                lockVersion = analyses.read(id).lockVersion();
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "analyses/write?id=" + id));
            } else {
                lockVersion = analyses.save(id, lockVersion, draft());
                unsaved = false;
            }
            status.setText(getTranslation(shared ? "analysis.editor.version-saved" : "analysis.editor.saved",
                    org.praxis.base.ui.Times.time(java.time.ZonedDateTime.now(clock.withZone(access.zoneOf(cohortId))),
                            getLocale())));
            return true;
        } catch (InvalidInputException e) {
            String rest = problems.show(e);
            status.setText(getTranslation("analysis.editor.not-saved") + (rest == null || rest.isEmpty() ? "" : " " + rest));
            return false;
        } catch (EditConflictException e) {
            conflict(e.current());
            return false;
        }
    }

    private void shareNow() {
        if (!save(true)) {
            return;
        }
        try {
            analyses.share(id);
            getUI().ifPresent(ui -> ui.navigate("analyses/" + id));
        } catch (InvalidInputException e) {
            String rest = problems.show(e);
            status.setText(getTranslation("analysis.share.not-yet") + (rest == null || rest.isEmpty() ? "" : " " + rest));
        }
    }

    private void leave() {
        if (id == null) {
            getUI().ifPresent(ui -> ui.navigate("library"));
            return;
        }
        if (unsaved) {
            // unsaved changes of a shared analysis: save them as a version before leaving
            if (!save(true)) {
                return;
            }
        }
        getUI().ifPresent(ui -> ui.navigate("analyses/" + id));
    }

    /** Someone else saved first: show both texts where they differ, and let the writer choose. */
    private void conflict(AnalysisDetails theirs) {
        Dialog dialog = new Dialog();
        dialog.setId("analysis-conflict");
        dialog.setHeaderTitle(getTranslation("analysis.conflict.title"));
        dialog.setWidth("min(60rem, 95vw)");
        dialog.add(new Paragraph(getTranslation("analysis.conflict.text")));
        AnalysisDraft mine = draft();
        for (Section s : Section.values()) {
            String a = theirs.markdown().get(s);
            String b = mine.sections().get(s);
            if (!a.equals(b)) {
                Div pair = new Div();
                pair.addClassName("praxis-side-by-side");
                pair.add(column("analysis.conflict.theirs", a), column("analysis.conflict.yours", b));
                dialog.add(new H2(getTranslation("analysis.section." + s.key())), pair);
            }
        }
        Button keepMine = new Button(getTranslation("analysis.conflict.keep-mine"), click -> {
            lockVersion = theirs.lockVersion();
            dialog.close();
            save(true);
        });
        keepMine.setId("conflict-keep-mine");
        keepMine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button takeTheirs = new Button(getTranslation("analysis.conflict.take-theirs"), click -> {
            fill(theirs);
            dialog.close();
        });
        takeTheirs.setId("conflict-take-theirs");
        dialog.getFooter().add(takeTheirs, keepMine);
        dialog.open();
    }

    private Component column(String labelKey, String text) {
        Div column = new Div();
        Paragraph label = new Paragraph(getTranslation(labelKey));
        label.addClassName("praxis-muted");
        Paragraph body = new Paragraph(text);
        body.addClassName("praxis-pre");
        column.add(label, body);
        return column;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analysis.editor.page-title");
    }
}
