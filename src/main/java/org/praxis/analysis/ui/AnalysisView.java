package org.praxis.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.praxis.analysis.AnalysisDetails;
import org.praxis.analysis.AnalysisService;
import org.praxis.analysis.AnalysisVersion;
import org.praxis.analysis.Section;
import org.praxis.analysis.SectionComment;
import org.praxis.base.InvalidInputException;
import org.praxis.base.text.WordDiff;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.SafeHtml;
import org.praxis.base.ui.Times;
import org.praxis.analysis.SessionChoice;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * One analysis: its facts and sections, comments anchored to each section (with the version
 * they were made on), what is new for its authors, the versions and a section-by-section
 * comparison of any two, export, the review thread, and the facilitators' tools.
 */
@Route(value = "analyses/:analysisId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class AnalysisView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AnalysisService analyses;
    private final transient org.praxis.cohort.CohortAccess access;
    private AnalysisDetails analysis;
    /** The cohort's time zone, in which dates are shown. */
    private java.time.ZoneId zone;
    private String pageTitle = "";

    public AnalysisView(AnalysisService analyses, org.praxis.cohort.CohortAccess access) {
        this.analyses = analyses;
        this.access = access;
        setId("analysis-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("analysisId").orElse(-1L);
        try {
            analysis = analyses.read(id);
        } catch (AccessDeniedException e) {
            // someone else's draft or another cohort's analysis looks like nothing at all
            event.rerouteToError(NotFoundException.class);
            return;
        }
        pageTitle = analysis.title();
        zone = access.zoneOf(analysis.cohortId());
        CohortPages.showing(event, analysis.cohortId());
        Integer version = event.getLocation().getQueryParameters().getSingleParameter("version")
                .filter(v -> v.matches("\\d{1,6}")).map(Integer::valueOf).orElse(null);
        AnalysisVersion old = version == null || !analysis.shared() ? null
                : analyses.versions(id).stream().filter(v -> v.number() == version).findFirst().orElse(null);
        if (old != null) {
            renderVersion(old);
            return;
        }
        // a notice of a comment opens the analysis at that comment
        targetComment = event.getLocation().getQueryParameters().getSingleParameter("comment")
                .filter(c -> c.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        render(analyses.newSinceLastVisit(id));
    }

    /** A comment to open at (from a notice): marked, scrolled to and focused once. */
    private Long targetComment;

    private void render(List<String> news) {
        removeAll();
        H1 title = new H1(analysis.title());
        title.setId("analysis-heading");
        add(Links.route(getTranslation("analysis.back-to-library"), "library"), title, facts());
        if (!news.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("analysis-news");
            for (String item : news) {
                String[] parts = item.split(":", 3);
                list.add(new ListItem("comment".equals(parts[0])
                        ? getTranslation("analysis.news.comment", parts[2],
                                getTranslation("analysis.section." + parts[1]))
                        : getTranslation("analysis.news.version", parts[1], parts[2])));
            }
            Div callout = new Div(new Paragraph(getTranslation("analysis.news")), list);
            callout.addClassName("praxis-callout");
            add(callout);
        }
        add(actions());
        if (analysis.facilitator() && analysis.shared()) {
            add(facilitatorTools());
        }
        List<SectionComment> comments = analysis.shared() ? analyses.comments(analysis.id()) : List.of();
        for (Section s : Section.values()) {
            add(section(s, comments));
        }
        if (analysis.shared()) {
            add(versions());
        }
    }

    /** An earlier version, read-only, with the way back to the current text. */
    private void renderVersion(AnalysisVersion v) {
        removeAll();
        H1 title = new H1(v.title());
        title.setId("analysis-heading");
        Paragraph which = new Paragraph(getTranslation("analysis.reading-version", v.number(), analysis.versions()));
        which.setId("analysis-reading-version");
        Div callout = new Div(which, Links.route(getTranslation("analysis.back-to-current"), "analyses/" + analysis.id()));
        callout.addClassName("praxis-callout");
        add(Links.route(getTranslation("analysis.back-to-library"), "library"), title, callout);
        for (Section s : Section.values()) {
            Div section = new Div();
            section.setId("section-" + s.key());
            section.add(new H2(getTranslation("analysis.section." + s.key())),
                    new SafeHtml(analyses.renderMarkdown(v.markdown().get(s))));
            add(section);
        }
    }

    private Div facts() {
        Div facts = new Div();
        facts.setId("analysis-facts");
        List<String> parts = new ArrayList<>();
        if (analysis.organization() != null) {
            parts.add(analysis.organization());
        }
        parts.add(getTranslation("analysis.area." + analysis.area().name().toLowerCase(Locale.ROOT)));
        parts.add(getTranslation("analysis.by", String.join(", ", analysis.authors())));
        if (analysis.shared()) {
            parts.add(getTranslation("analysis.version-n", analysis.versions()));
        }
        Span line = new Span(String.join(" · ", parts));
        line.addClassName("praxis-card-line");
        Span state = new Span(getTranslation("analysis.status." + analysis.status().name().toLowerCase(Locale.ROOT)));
        state.setId("analysis-status");
        state.getElement().getThemeList().add("badge");
        facts.add(line, state);
        if (analysis.published()) {
            Span published = new Span(getTranslation("analysis.published"));
            published.getElement().getThemeList().add("badge success");
            facts.add(published);
        }
        for (var d : analysis.dimensions()) {
            Span dim = new Span(getTranslation("analysis.dimension." + d.name().toLowerCase(Locale.ROOT)));
            dim.getElement().getThemeList().add("badge contrast");
            facts.add(dim);
        }
        return facts;
    }

    private HorizontalLayout actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        if (analysis.author()) {
            Anchor edit = Links.route(getTranslation("analysis.edit"), "analyses/write?id=" + analysis.id());
            edit.setId("analysis-edit");
            actions.add(edit);
        }
        String file = analysis.title().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        Anchor markdown = new Anchor(new StreamResource(file + ".md", () -> new ByteArrayInputStream(
                analyses.exportMarkdown(analysis.id(), this::getTranslation).getBytes(StandardCharsets.UTF_8))),
                getTranslation("analysis.export.markdown"));
        markdown.setId("analysis-export-markdown");
        markdown.getElement().setAttribute("download", true);
        Anchor pdf = new Anchor(new StreamResource(file + ".pdf", () -> new ByteArrayInputStream(
                analyses.exportPdf(analysis.id(), this::getTranslation))), getTranslation("analysis.export.pdf"));
        pdf.setId("analysis-export-pdf");
        pdf.getElement().setAttribute("download", true);
        actions.add(markdown, pdf);
        if (analysis.threadId() != null) {
            Anchor review = Links.route(getTranslation("analysis.review-thread"), "threads/" + analysis.threadId());
            review.setId("analysis-review-thread");
            actions.add(review);
        }
        if (analysis.shared()) {
            for (var t : analyses.linkedThreads(analysis.id())) {
                Anchor linked = Links.route(getTranslation("analysis.discussed-in", t.title()), "threads/" + t.id());
                linked.setId("analysis-thread-" + t.id());
                actions.add(linked);
            }
        }
        return actions;
    }

    private Div facilitatorTools() {
        Div tools = new Div();
        tools.setId("analysis-facilitator-tools");
        tools.addClassName("praxis-callout");
        tools.add(new H2(getTranslation("analysis.facilitator-tools")));
        Button publish = new Button(getTranslation(analysis.published() ? "analysis.unpublish" : "analysis.publish"),
                click -> {
                    analyses.publish(analysis.id(), !analysis.published());
                    reload();
                });
        publish.setId("analysis-publish");
        Select<SessionChoice> session = new Select<>();
        session.setId("analysis-feature-session");
        session.setLabel(getTranslation("analysis.feature.session"));
        session.setItems(analyses.sessionChoices(analysis.id()));
        session.setItemLabelGenerator(s -> s.title() + " — "
                + Times.dateTime(s.startsAt(), zone, getLocale()));
        Button feature = new Button(getTranslation("analysis.feature"), click -> {
            if (session.getValue() == null) {
                session.setInvalid(true);
                session.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            analyses.linkToSession(analysis.id(), session.getValue().id(), true);
            Paragraph done = new Paragraph(getTranslation("analysis.feature.done", session.getValue().title()));
            done.setId("analysis-featured");
            done.getElement().setAttribute("role", "status");
            tools.add(done);
        });
        feature.setId("analysis-feature");
        HorizontalLayout row = new HorizontalLayout(session, feature);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Select<org.praxis.analysis.ThreadChoice> thread = new Select<>();
        thread.setId("analysis-link-thread-choice");
        thread.setLabel(getTranslation("analysis.link-thread.thread"));
        thread.setItems(analyses.threadChoices(analysis.id()));
        thread.setItemLabelGenerator(org.praxis.analysis.ThreadChoice::title);
        Button link = new Button(getTranslation("analysis.link-thread"), click -> {
            if (thread.getValue() == null) {
                thread.setInvalid(true);
                thread.setErrorMessage(getTranslation("validation.required"));
                return;
            }
            analyses.linkToThread(analysis.id(), thread.getValue().id());
            reload();
        });
        link.setId("analysis-link-thread");
        HorizontalLayout threadRow = new HorizontalLayout(thread, link);
        threadRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.add(publish, row, threadRow);
        return tools;
    }

    private Div section(Section s, List<SectionComment> comments) {
        Div section = new Div();
        section.setId("section-" + s.key());
        section.add(new H2(getTranslation("analysis.section." + s.key())));
        String html = analysis.html().get(s);
        if (html.isBlank()) {
            Paragraph empty = new Paragraph(getTranslation("analysis.section.empty"));
            empty.addClassName("praxis-muted");
            section.add(empty);
        } else {
            section.add(new SafeHtml(html));
        }
        if (!analysis.shared()) {
            return section;
        }
        List<SectionComment> here = comments.stream().filter(c -> c.section() == s).toList();
        UnorderedList list = new UnorderedList();
        list.setId("comments-" + s.key());
        list.addClassName("praxis-comments");
        for (SectionComment c : here) {
            ListItem item = new ListItem();
            item.setId("comment-" + c.id());
            Span meta = new Span(getTranslation("analysis.comment.meta", c.author(), c.version(),
                    Times.dateTime(c.createdAt(), zone, getLocale())));
            meta.addClassName("praxis-card-line");
            item.add(meta, new SafeHtml(c.html()));
            if (Long.valueOf(c.id()).equals(targetComment)) {
                targetComment = null;
                item.addClassName("praxis-post-target");
                item.getElement().setAttribute("tabindex", "-1");
                item.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus({preventScroll: true});");
            }
            list.add(item);
        }
        if (!here.isEmpty()) {
            section.add(new H3(getTranslation("analysis.comments", here.size())), list);
        }
        TextArea body = new TextArea(getTranslation("analysis.comment.label",
                getTranslation("analysis.section." + s.key())));
        body.setId("comment-body-" + s.key());
        body.setMaxLength(AnalysisService.COMMENT_MAX);
        body.setWidthFull();
        FieldProblems problems = new FieldProblems(section).bind("comment", body);
        Button post = new Button(getTranslation("analysis.comment.post"), click -> {
            try {
                analyses.comment(analysis.id(), s, body.getValue());
                reload();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        post.setId("comment-post-" + s.key());
        com.vaadin.flow.component.details.Details write = new com.vaadin.flow.component.details.Details(
                getTranslation("analysis.comment.open"), body, post);
        write.setId("comment-on-" + s.key());
        section.add(write);
        return section;
    }

    private Div versions() {
        Div box = new Div();
        box.setId("analysis-versions");
        box.add(new H2(getTranslation("analysis.versions")));
        List<AnalysisVersion> all = analyses.versions(analysis.id());
        UnorderedList list = new UnorderedList();
        for (AnalysisVersion v : all) {
            Anchor open = Links.route(getTranslation("analysis.version.line", v.number(),
                    v.savedBy() == null ? "" : v.savedBy(),
                    Times.dateTime(v.savedAt(), zone, getLocale())),
                    "analyses/" + analysis.id() + "?version=" + v.number());
            open.setId("version-" + v.number());
            list.add(new ListItem(open));
        }
        box.add(list);
        if (all.size() < 2) {
            return box;
        }
        List<Integer> numbers = all.stream().map(AnalysisVersion::number).toList();
        Select<Integer> from = new Select<>();
        from.setId("compare-from");
        from.setLabel(getTranslation("analysis.compare.from"));
        from.setItems(numbers);
        from.setValue(numbers.get(numbers.size() - 2));
        Select<Integer> to = new Select<>();
        to.setId("compare-to");
        to.setLabel(getTranslation("analysis.compare.to"));
        to.setItems(numbers);
        to.setValue(numbers.get(numbers.size() - 1));
        Div result = new Div();
        result.setId("compare-result");
        Button compare = new Button(getTranslation("analysis.compare"), click -> showDiff(result,
                analyses.compare(analysis.id(), from.getValue(), to.getValue()), from.getValue(), to.getValue()));
        compare.setId("compare");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(from, to, compare);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        box.add(row, result);
        return box;
    }

    /** Each section with words removed struck through and words added underlined, labelled for screen readers. */
    private void showDiff(Div result, Map<Section, List<WordDiff.Segment>> diff, int from, int to) {
        result.removeAll();
        for (Section s : Section.values()) {
            List<WordDiff.Segment> segments = diff.get(s);
            boolean changed = segments.stream().anyMatch(seg -> seg.kind() != WordDiff.Kind.SAME);
            H3 heading = new H3(getTranslation("analysis.section." + s.key()));
            Div text = new Div();
            text.setId("diff-" + s.key());
            text.addClassName("praxis-revision");
            if (!changed) {
                Paragraph same = new Paragraph(getTranslation("analysis.compare.unchanged"));
                same.addClassName("praxis-muted");
                text.add(same);
            } else {
                // side by side: the older text with what went struck, the newer with what came marked
                Div pair = new Div();
                pair.addClassName("praxis-side-by-side");
                Div before = new Div(new Paragraph(getTranslation("analysis.compare.version", from)),
                        new org.praxis.base.ui.DiffText(segments.stream().filter(seg -> seg.kind() != WordDiff.Kind.ADDED)
                                .toList()));
                before.setId("diff-" + s.key() + "-from");
                Div after = new Div(new Paragraph(getTranslation("analysis.compare.version", to)),
                        new org.praxis.base.ui.DiffText(segments.stream().filter(seg -> seg.kind() != WordDiff.Kind.REMOVED)
                                .toList()));
                after.setId("diff-" + s.key() + "-to");
                pair.add(before, after);
                text.add(pair);
            }
            result.add(heading, text);
        }
    }

    private void reload() {
        analysis = analyses.read(analysis.id());
        render(List.of());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analysis.page-title", pageTitle);
    }
}
