package org.praxis.practice.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.praxis.analysis.Dimension;
import org.praxis.analysis.PolicyArea;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CurrentCohort;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.practice.NoteChoices;
import org.praxis.practice.NoteDetails;
import org.praxis.practice.NoteDraft;
import org.praxis.practice.NoteField;
import org.praxis.practice.NoteVisibility;
import org.praxis.practice.PracticeNoteService;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writing a practice note: what was tried and what came of it, in six labelled parts (Markdown),
 * the library's area, dimensions and tags, who reads it, and links to the author's own things. A
 * draft saves itself a moment after each change (once it has a title and an area) and on "Save
 * draft"; a posted note is saved on purpose. Refused input is shown at its field and the typed text
 * stays. {@code ?cohort=} starts a note, {@code ?commitment=} starts one from a commitment's
 * check-in, {@code ?id=} edits.
 */
@Route(value = "notes/write", layout = MainLayout.class)
@PermitAll
public class NoteEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PracticeNoteService notes;
    private final transient CohortPages pages;
    private final transient CohortAccess access;
    private final transient java.time.Clock clock;
    private final TextField title = new TextField();
    private final Map<NoteField, TextArea> parts = new EnumMap<>(NoteField.class);
    private final Select<PolicyArea> area = new Select<>();
    private final CheckboxGroup<Dimension> dimensions = new CheckboxGroup<>();
    private final TextField tags = new TextField();
    private final RadioButtonGroup<NoteVisibility> visibility = new RadioButtonGroup<>();
    private final Paragraph consequences = new Paragraph();
    private final Checkbox consent = new Checkbox();
    private final RadioButtonGroup<Boolean> keepName = new RadioButtonGroup<>();
    private final Select<NoteChoices.Choice> session = new Select<>();
    private final Select<NoteChoices.Choice> commitment = new Select<>();
    private final Select<NoteChoices.Choice> analysis = new Select<>();
    private final Select<NoteChoices.Choice> response = new Select<>();
    private final Select<NoteChoices.Choice> thread = new Select<>();
    private final Paragraph status = new Paragraph();
    private final Button save = new Button();
    private final Button post = new Button();
    private final FieldProblems problems = new FieldProblems(this);
    private Long id;
    private long cohortId;
    private int lockVersion;
    private boolean posted;
    private boolean loading;
    /** A posted note has edits not saved yet. */
    private boolean unsaved;
    /** Who read the posted note when it was loaded or last saved. */
    private NoteVisibility savedVisibility;

    public NoteEditorView(PracticeNoteService notes, CohortPages pages, CohortAccess access, java.time.Clock clock) {
        this.notes = notes;
        this.pages = pages;
        this.access = access;
        this.clock = clock;
        setId("note-editor");
        addClassName("praxis-view");
        configure();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters params = event.getLocation().getQueryParameters();
        id = NotesView.number(params, "id");
        Long fromCommitment = NotesView.number(params, "commitment");
        NoteDetails existing = null;
        Optional<NoteChoices.Choice> commitmentStart = Optional.empty();
        try {
            if (id != null) {
                existing = notes.read(id);
                if (!existing.mine()) {
                    throw new AccessDeniedException("not the author");
                }
                cohortId = existing.cohortId();
                CohortPages.showing(event, cohortId);
            } else if (fromCommitment != null) {
                // the commitment names its cohort; it must be the person's own
                commitmentStart = notes.ownCommitment(fromCommitment);
                if (commitmentStart.isEmpty()) {
                    throw new AccessDeniedException("not one's own commitment");
                }
                cohortId = commitmentStart.get().id();
                CohortPages.showing(event, cohortId);
            } else {
                removeAll();
                Optional<CurrentCohort.Choice> cohort = pages.resolve(event, CohortPages.Need.MEMBER, () -> add(
                        new H1(getTranslation("note.editor.new")), CohortPages.noCohort(this, CohortPages.Need.MEMBER)));
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
            posted = false;
            lockVersion = 0;
            if (fromCommitment != null) {
                loading = true;
                try {
                    choose(commitment, fromCommitment);
                    parts.get(NoteField.TRIED).setValue(commitmentStart.get().title());
                } finally {
                    loading = false;
                }
                status.setText(getTranslation("note.editor.from-commitment"));
            } else {
                status.setText(getTranslation("note.editor.start"));
            }
        }
        updateControls();
    }

    private void configure() {
        title.setId("note-title-field");
        title.setLabel(getTranslation("note.title"));
        title.setMaxLength(PracticeNoteService.TITLE_MAX);
        title.setRequiredIndicatorVisible(true);
        title.setWidthFull();
        title.setValueChangeMode(ValueChangeMode.LAZY);
        problems.bind("title", title);
        for (NoteField f : NoteField.values()) {
            TextArea text = new TextArea();
            text.setId("note-" + f.key());
            text.setLabel(getTranslation("note.field." + f.key()));
            text.setHelperText(getTranslation("note.field." + f.key() + ".help"));
            text.setMaxLength(f.max());
            text.setWidthFull();
            text.setMinHeight("6rem");
            text.setRequiredIndicatorVisible(f == NoteField.TRIED || f == NoteField.LEARNED);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setValueChangeTimeout(1500);
            text.addValueChangeListener(e -> changed());
            parts.put(f, text);
            problems.bind(f.key(), text);
        }
        area.setId("note-area");
        area.setLabel(getTranslation("analysis.area"));
        area.setItems(PolicyArea.values());
        area.setItemLabelGenerator(a -> getTranslation("analysis.area." + a.name().toLowerCase(Locale.ROOT)));
        area.setRequiredIndicatorVisible(true);
        dimensions.setId("note-dimensions");
        dimensions.setLabel(getTranslation("analysis.dimensions"));
        dimensions.setItems(Dimension.values());
        dimensions.setItemLabelGenerator(d -> getTranslation("analysis.dimension." + d.name().toLowerCase(Locale.ROOT)));
        tags.setId("note-tags");
        tags.setLabel(getTranslation("analysis.tags"));
        tags.setHelperText(getTranslation("analysis.tags.help"));
        tags.setValueChangeMode(ValueChangeMode.LAZY);
        visibility.setId("note-visibility");
        visibility.setLabel(getTranslation("note.readers"));
        visibility.setItems(NoteVisibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation("note.visibility." + v.name().toLowerCase(Locale.ROOT)));
        visibility.setHelperText(getTranslation("note.visibility.help"));
        visibility.setValue(NoteVisibility.PRIVATE);
        visibility.addValueChangeListener(e -> updateControls());
        consequences.setId("note-network-consequences");
        consequences.setText(getTranslation("note.consent.consequences"));
        consent.setId("note-consent");
        consent.setLabel(getTranslation("note.consent"));
        keepName.setId("note-keep-name");
        keepName.setLabel(getTranslation("note.name-choice"));
        keepName.setItems(Boolean.TRUE, Boolean.FALSE);
        keepName.setItemLabelGenerator(b -> getTranslation(b ? "note.keep-name" : "note.remove-name"));
        keepName.setValue(Boolean.TRUE);
        problems.bind("area", area).bind("tags", tags).bind("consent", consent);
        link(session, "note-session", "note.link.session", "session");
        link(commitment, "note-commitment", "note.link.commitment", "commitment");
        link(analysis, "note-analysis", "note.link.analysis", "analysis");
        link(response, "note-response", "note.link.response", "response");
        link(thread, "note-thread", "note.link.thread", "thread");
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(title, area, dimensions, tags, visibility, consent, keepName,
                session, commitment, analysis, response, thread)) {
            field.addValueChangeListener(e -> changed());
        }
        status.setId("note-save-status");
        status.getElement().setAttribute("role", "status");
        save.setId("note-save");
        save.addClickListener(click -> saveChanges(() -> { }));
        post.setId("note-post-button");
        post.setText(getTranslation("note.post"));
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickListener(click -> postNow());
    }

    private void link(Select<NoteChoices.Choice> select, String id, String label, String field) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("commitment.none"));
        select.setItemLabelGenerator(c -> c == null ? getTranslation("commitment.none") : c.title());
        problems.bind(field, select);
    }

    private void build() {
        loading = true;
        try {
            removeAll();
            add(new H1(getTranslation(id == null ? "note.editor.new" : "note.editor.edit")));
            NoteChoices choices = notes.choices(cohortId);
            session.setItems(choices.sessions());
            commitment.setItems(choices.commitments());
            analysis.setItems(choices.analyses());
            response.setItems(choices.responses());
            thread.setItems(choices.threads());
            title.clear();
            parts.values().forEach(TextArea::clear);
            area.clear();
            dimensions.clear();
            tags.clear();
            visibility.setValue(NoteVisibility.PRIVATE);
            consent.setValue(false);
            keepName.setValue(Boolean.TRUE);
            for (var s : List.of(session, commitment, analysis, response, thread)) {
                s.clear();
            }
            problems.clear();
        } finally {
            loading = false;
        }
        Div facts = new Div(title);
        facts.addClassName("praxis-form-column");
        add(facts);
        Section written = new Section(new H2(getTranslation("note.editor.written")));
        parts.values().forEach(written::add);
        add(written);
        Div about = new Div(area, dimensions, tags);
        about.addClassName("praxis-form-column");
        add(new Section(new H2(getTranslation("note.editor.about")), about));
        Div network = new Div(consequences, consent, keepName);
        network.setId("note-network-choices");
        network.addClassName("praxis-note-network");
        add(new Section(new H2(getTranslation("note.readers")), visibility, network));
        Div links = new Div(session, commitment, analysis, response, thread);
        links.addClassName("praxis-form-column");
        add(new Section(new H2(getTranslation("note.links")), new Paragraph(getTranslation("note.links.help")), links));
        Button done = new Button(getTranslation("analysis.editor.done"), click -> leave());
        done.setId("note-done");
        HorizontalLayout buttons = new HorizontalLayout(save, post, done);
        buttons.setWrap(true);
        add(status, buttons);
    }

    private void fill(NoteDetails n) {
        loading = true;
        try {
            id = n.id();
            lockVersion = n.lockVersion();
            posted = !n.draft();
            unsaved = false;
            savedVisibility = n.visibility();
            title.setValue(n.title());
            parts.forEach((f, t) -> t.setValue(n.markdown().get(f)));
            area.setValue(n.area());
            dimensions.setValue(n.dimensions());
            tags.setValue(String.join(", ", n.tags()));
            visibility.setValue(n.visibility());
            consent.setValue(n.networkConsent());
            keepName.setValue(n.keepName());
            choose(session, n.sessionId());
            choose(commitment, n.commitmentId());
            choose(analysis, n.analysisId());
            choose(response, n.responseId());
            choose(thread, n.linkedThreadId());
        } finally {
            loading = false;
        }
        status.setText(getTranslation(posted ? "note.editor.posted" : "note.editor.draft"));
    }

    private static void choose(Select<NoteChoices.Choice> select, Long chosen) {
        select.setValue(chosen == null ? null : select.getListDataView().getItems()
                .filter(c -> c != null && c.id() == chosen).findFirst().orElse(null));
    }

    private void updateControls() {
        save.setText(getTranslation(posted ? "note.save" : "note.save-draft"));
        post.setVisible(!posted);
        boolean network = visibility.getValue() == NoteVisibility.NETWORK;
        consequences.setVisible(network);
        consent.setVisible(network);
        keepName.setVisible(network);
    }

    private NoteDraft draft() {
        Map<NoteField, String> text = new EnumMap<>(NoteField.class);
        parts.forEach((f, t) -> text.put(f, t.getValue()));
        List<String> tagList = Arrays.stream(tags.getValue().split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
        return new NoteDraft(title.getValue(), text, area.getValue(), dimensions.getValue(), tagList,
                visibility.getValue(), consent.getValue(), !Boolean.FALSE.equals(keepName.getValue()),
                idOf(session), idOf(commitment), idOf(analysis), idOf(response), idOf(thread));
    }

    private static Long idOf(Select<NoteChoices.Choice> select) {
        return select.getValue() == null ? null : select.getValue().id();
    }

    /** A draft saves itself; a posted note waits for "Save changes". */
    private void changed() {
        if (loading) {
            return;
        }
        if (posted) {
            unsaved = true;
            status.setText(getTranslation("note.editor.unsaved"));
            return;
        }
        save(false);
    }

    /**
     * "Save changes" of a posted note: a note the cohort read that is to be read more narrowly
     * loses its comment thread, so the writer is asked first.
     */
    private void saveChanges(Runnable then) {
        if (posted && savedVisibility != null && savedVisibility.cohortReads() && visibility.getValue() != null
                && !visibility.getValue().cohortReads()) {
            com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
            dialog.setId("narrow-note-dialog");
            dialog.setHeaderTitle(getTranslation("note.narrow.title"));
            dialog.add(new Paragraph(getTranslation("note.narrow.text")));
            Button ok = new Button(getTranslation("note.narrow.confirm"), click -> {
                dialog.close();
                if (save(true)) {
                    then.run();
                }
            });
            ok.setId("narrow-note-confirm");
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
            cancel.setId("narrow-note-cancel");
            dialog.getFooter().add(cancel, ok);
            dialog.open();
            return;
        }
        if (save(true)) {
            then.run();
        }
    }

    /** Saves; true when it went through. {@code explicit}: the writer asked. */
    private boolean save(boolean explicit) {
        if (!explicit && (title.getValue().isBlank() || area.getValue() == null)) {
            status.setText(getTranslation("note.editor.needs-title"));
            return false;
        }
        try {
            problems.clear();
            if (id == null) {
                id = notes.create(cohortId, draft());
                lockVersion = notes.read(id).lockVersion();
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "notes/write?id=" + id));
            } else {
                lockVersion = notes.save(id, lockVersion, draft());
                unsaved = false;
                savedVisibility = visibility.getValue();
            }
            status.setText(getTranslation(posted ? "note.editor.changes-saved" : "note.editor.saved",
                    Times.time(java.time.ZonedDateTime.now(clock.withZone(access.zoneOf(cohortId))), getLocale())));
            return true;
        } catch (InvalidInputException e) {
            String rest = problems.show(e);
            status.setText(getTranslation("note.editor.not-saved") + (rest == null || rest.isEmpty() ? "" : " " + rest));
            return false;
        }
    }

    private void postNow() {
        if (!save(true)) {
            return;
        }
        try {
            notes.post(id);
            getUI().ifPresent(ui -> ui.navigate("notes/" + id));
        } catch (InvalidInputException e) {
            String rest = problems.show(e);
            status.setText(getTranslation("note.post.not-yet") + (rest == null || rest.isEmpty() ? "" : " " + rest));
        }
    }

    private void leave() {
        if (id == null) {
            getUI().ifPresent(ui -> ui.navigate("notes", QueryParameters.of(CohortPages.PARAMETER, String.valueOf(cohortId))));
            return;
        }
        if (posted && unsaved) {
            saveChanges(() -> getUI().ifPresent(ui -> ui.navigate("notes/" + id)));
            return;
        }
        getUI().ifPresent(ui -> ui.navigate("notes/" + id));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("note.editor.page-title");
    }
}
