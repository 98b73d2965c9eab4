package org.praxis.accountability.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.praxis.accountability.CheckIn;
import org.praxis.accountability.CommitmentDetails;
import org.praxis.accountability.CommitmentService;
import org.praxis.accountability.CommitmentStatus;
import org.praxis.accountability.Sharing;
import org.praxis.analysis.AnalysisService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.conversation.ThreadService;
import org.praxis.obstacle.Obstacle;
import org.praxis.obstacle.ObstacleService;
import org.praxis.session.SessionService;
import org.praxis.worksheet.WorksheetService;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * One commitment: what it says and links to, its check-ins, and support. Its author checks in —
 * status, a note, what got in the way and, when stuck or changing course, the obstacles — and
 * chooses who reads it; peers offer help or comment in its thread.
 */
@Route(value = "commitments/:commitmentId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class CommitmentView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CommitmentService commitments;
    private final transient ObstacleService obstacles;
    private final transient CohortAccess access;
    private final transient SessionService sessions;
    private final transient AnalysisService analyses;
    private final transient WorksheetService worksheets;
    private final transient ThreadService threads;
    private CommitmentDetails commitment;
    private ZoneId zone;

    public CommitmentView(CommitmentService commitments, ObstacleService obstacles, CohortAccess access,
            SessionService sessions, AnalysisService analyses, WorksheetService worksheets, ThreadService threads) {
        this.commitments = commitments;
        this.obstacles = obstacles;
        this.access = access;
        this.sessions = sessions;
        this.analyses = analyses;
        this.worksheets = worksheets;
        this.threads = threads;
        setId("commitment-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("commitmentId").orElse(-1L);
        try {
            commitment = commitments.read(id);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        zone = access.zoneOf(commitment.cohortId());
        CohortPages.showing(event, commitment.cohortId());
        render();
    }

    private void reload() {
        commitment = commitments.read(commitment.id());
        render();
    }

    private void render() {
        removeAll();
        H1 title = new H1(getTranslation("commitment.title"));
        Paragraph what = new Paragraph(commitment.what());
        what.setId("commitment-text");
        what.addClassName("praxis-pre");
        what.addClassName("praxis-lead");
        Span status = new Span(label(commitment.status()));
        status.setId("commitment-status");
        status.getElement().getThemeList().add("badge");
        add(title, what, status);
        DescriptionList facts = new DescriptionList();
        facts.setId("commitment-facts");
        term(facts, "commitment.author", commitment.authorName());
        term(facts, "commitment.due", Times.date(commitment.dueOn(), getLocale()));
        if (commitment.doneWhen() != null) {
            term(facts, "commitment.done-when", commitment.doneWhen());
        }
        if (commitment.involved() != null) {
            term(facts, "commitment.involved", commitment.involved());
        }
        term(facts, "commitment.rhythm", getTranslation("commitment.rhythm." + commitment.rhythm().name().toLowerCase(Locale.ROOT)));
        if (commitment.nextCheckIn() != null) {
            term(facts, "commitment.next-check-in", Times.date(commitment.nextCheckIn(), getLocale()));
        }
        add(facts);
        Div links = new Div();
        links.setId("commitment-links");
        for (CommitmentDetails.Link link : new CommitmentDetails.Link[] {commitment.session(), commitment.analysis(),
                commitment.response(), commitment.thread()}) {
            if (link != null) {
                Anchor a = Links.route(link.title(), link.path());
                links.add(new Paragraph(a));
            }
        }
        add(links);
        if (commitment.mine()) {
            add(ownerTools(), checkInForm());
        }
        add(history(), support());
    }

    private Section ownerTools() {
        Section section = new Section();
        RadioButtonGroup<Sharing> sharing = new RadioButtonGroup<>(getTranslation("commitment.sharing"));
        sharing.setId("commitment-sharing-now");
        sharing.setItems(Sharing.values());
        sharing.setItemLabelGenerator(s -> getTranslation("commitment.sharing." + s.name().toLowerCase(Locale.ROOT)));
        sharing.setValue(commitment.sharing());
        sharing.addValueChangeListener(e -> {
            if (e.getValue() == null || e.getValue() == commitment.sharing()) {
                return;
            }
            if (commitment.discussionId() != null && e.getValue() != Sharing.COHORT) {
                confirmNarrowing(e.getValue());
                return;
            }
            commitments.share(commitment.id(), e.getValue());
            reload();
        });
        Button edit = new Button(getTranslation("commitment.edit"), click -> new CommitmentForm(access.myCohorts(),
                commitment, commitments, sessions, analyses, worksheets, threads, id -> reload()).open());
        edit.setId("commitment-edit");
        section.add(sharing, edit);
        return section;
    }

    /** Taking a commitment back from the cohort removes the cohort's comments: asked first. */
    private void confirmNarrowing(Sharing to) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setId("narrow-dialog");
        dialog.setHeaderTitle(getTranslation("commitment.narrow.title"));
        dialog.add(new Paragraph(getTranslation("commitment.narrow.text")));
        Button ok = new Button(getTranslation("commitment.narrow.confirm"), click -> {
            commitments.share(commitment.id(), to);
            dialog.close();
            reload();
        });
        ok.setId("narrow-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> {
            dialog.close();
            render();
        });
        cancel.setId("narrow-cancel");
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    private Section checkInForm() {
        Section section = new Section(new H2(getTranslation("commitment.check-in")));
        section.setId("commitment-check-in");
        RadioButtonGroup<CommitmentStatus> status = new RadioButtonGroup<>(getTranslation("commitment.check-in.status"));
        status.setId("check-in-status");
        status.setItems(CommitmentStatus.values());
        status.setItemLabelGenerator(this::label);
        status.setValue(commitment.status());
        status.setRequiredIndicatorVisible(true);
        TextArea note = new TextArea(getTranslation("commitment.check-in.note"));
        note.setId("check-in-note");
        note.setMaxLength(CommitmentService.NOTE_MAX);
        note.setWidthFull();
        TextArea inTheWay = new TextArea(getTranslation("commitment.check-in.in-the-way"));
        inTheWay.setId("check-in-in-the-way");
        inTheWay.setMaxLength(CommitmentService.NOTE_MAX);
        inTheWay.setWidthFull();
        CheckboxGroup<Obstacle> named = new CheckboxGroup<>(getTranslation("commitment.check-in.obstacles"));
        named.setId("check-in-obstacles");
        named.setHelperText(getTranslation("commitment.check-in.obstacles.help"));
        named.setItems(obstacles.list(commitment.cohortId(), false));
        named.setItemLabelGenerator(Obstacle::label);
        named.setVisible(commitment.status().namesObstacles());
        status.addValueChangeListener(e -> named.setVisible(e.getValue() != null && e.getValue().namesObstacles()));
        FieldProblems problems = new FieldProblems(this).bind("status", status).bind("note", note)
                .bind("inTheWay", inTheWay).bind("obstacles", named);
        Button save = new Button(getTranslation("commitment.check-in.save"), click -> {
            try {
                commitments.checkIn(commitment.id(), status.getValue(), note.getValue(), inTheWay.getValue(),
                        named.isVisible() ? named.getValue().stream().map(Obstacle::id).collect(Collectors.toSet())
                                : java.util.Set.of());
                reload();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        save.setId("check-in-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(status, note, inTheWay, named, save);
        return section;
    }

    private Section history() {
        Section section = new Section(new H2(getTranslation("commitment.history")));
        List<CheckIn> checkIns = commitment.checkIns();
        if (checkIns.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("commitment.history.none"));
            none.addClassName("praxis-muted");
            section.add(none);
            return section;
        }
        OrderedList list = new OrderedList();
        list.setId("check-ins");
        list.addClassName("praxis-cards");
        for (CheckIn c : checkIns) {
            ListItem item = new ListItem();
            item.addClassName("praxis-card");
            item.add(new Span(getTranslation("commitment.history.line", label(c.status()),
                    Times.dateTime(c.at(), zone, getLocale()))));
            if (c.note() != null) {
                Paragraph p = new Paragraph(c.note());
                p.addClassName("praxis-pre");
                item.add(p);
            }
            if (c.inTheWay() != null) {
                item.add(new Paragraph(getTranslation("commitment.history.in-the-way", c.inTheWay())));
            }
            if (!c.obstacles().isEmpty()) {
                Paragraph obstaclesNamed = new Paragraph(getTranslation("commitment.history.obstacles",
                        String.join(", ", c.obstacles())));
                obstaclesNamed.addClassName("praxis-muted");
                item.add(obstaclesNamed);
            }
            list.add(item);
        }
        section.add(list);
        if (commitment.mine()) {
            // practice notes link back here; the note's editor checks that the commitment is one's own
            var learn = Links.route(getTranslation("commitment.learn"),
                    "notes/write?commitment=" + commitment.id());
            learn.setId("commitment-learn");
            section.add(new Paragraph(learn));
        }
        return section;
    }

    private Section support() {
        Section section = new Section(new H2(getTranslation("commitment.support")));
        section.setId("commitment-support");
        Paragraph helpers = new Paragraph(commitment.helpers().isEmpty() ? getTranslation("commitment.helpers.none")
                : getTranslation("commitment.helpers", String.join(", ", commitment.helpers())));
        helpers.setId("commitment-helpers");
        section.add(helpers);
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        if (!commitment.mine()) {
            Button help = new Button(getTranslation(commitment.offeredHelp() ? "commitment.help.offered" : "commitment.help"),
                    click -> {
                        commitments.offerHelp(commitment.id());
                        reload();
                    });
            help.setId("commitment-help");
            help.setEnabled(!commitment.offeredHelp());
            help.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(help);
        }
        if (commitment.sharing() == Sharing.COHORT) {
            Button comment = new Button(getTranslation("commitment.comment"),
                    click -> UI.getCurrent().navigate("threads/" + commitments.discussion(commitment.id())));
            comment.setId("commitment-comment");
            buttons.add(comment);
        }
        section.add(buttons);
        return section;
    }

    private void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    private String label(CommitmentStatus s) {
        return getTranslation("commitment.status." + s.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("commitment.page-title");
    }
}
