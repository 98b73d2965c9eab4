package org.praxis.consultation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.ui.ClosedCohortNotice;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.consultation.ConsultationDetails;
import org.praxis.consultation.ConsultationService;
import org.praxis.consultation.Mode;
import org.praxis.consultation.Plan;
import org.praxis.consultation.Stage;
import org.praxis.conversation.ThreadHeader;
import org.praxis.conversation.ThreadService;
import org.praxis.session.SessionSummary;
import org.springframework.security.access.AccessDeniedException;

/**
 * A consultation: the dilemma, its stages as a stepper (the current one marked for screen readers
 * too) with the current stage's end in the cohort's zone, what the reader may do now and why, the
 * way to its conversation; for the presenter the next step and the commitment it can become; for
 * the facilitators how it runs and the moves between stages, with every move listed.
 */
@Route(value = "consultations/:consultationId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class ConsultationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ConsultationService consultations;
    private final transient ThreadService threads;
    private final transient CohortAccess access;

    private long id;
    private ConsultationDetails c;

    public ConsultationView(ConsultationService consultations, ThreadService threads, CohortAccess access) {
        this.consultations = consultations;
        this.threads = threads;
        this.access = access;
        setId("consultation-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("consultationId").orElse(-1L);
        try {
            c = consultations.read(id);
        } catch (AccessDeniedException e) {
            // another cohort's consultation looks exactly like one that does not exist
            event.rerouteToError(NotFoundException.class);
            return;
        }
        CohortPages.showing(event, c.cohortId());
        render();
    }

    private void reload() {
        c = consultations.read(id);
        render();
    }

    private void render() {
        ThreadHeader thread = threads.header(c.threadId());
        removeAll();
        var back = Links.route(getTranslation("consultation.back-to-list"), "consultations?cohort=" + c.cohortId());
        back.setId("consultation-back");
        Div crumbs = new Div(back);
        crumbs.addClassName("praxis-breadcrumb");
        add(crumbs);
        H1 title = new H1(c.title());
        title.setId("consultation-title");
        add(title);
        Paragraph by = new Paragraph(c.presenterName() == null ? getTranslation("consultation.brought-by.former")
                : getTranslation("consultation.brought-by", c.presenterName()));
        by.setId("consultation-presenter");
        by.addClassName("praxis-muted");
        add(by);
        ClosedCohortNotice.of(this, access, c.cohortId()).ifPresent(this::add);
        add(dilemma(), stages(thread));
        if (c.presenter() && (c.stage() == Stage.RESPONSE || c.stage() == Stage.CLOSED || c.nextStep() != null)) {
            add(nextStep());
        } else if (c.nextStep() != null) {
            Paragraph shown = new Paragraph(getTranslation("consultation.next-step.shown", c.nextStep()));
            shown.setId("consultation-next-step-shown");
            add(shown);
        }
        if (c.facilitator()) {
            add(facilitators());
        }
    }

    private Section dilemma() {
        Section s = new Section();
        s.setId("consultation-dilemma");
        s.addClassName("praxis-consultation-dilemma");
        s.add(new H2(getTranslation("consultation.dilemma")));
        s.add(part("situation", c.situation()), part("tried", c.tried()), part("question", c.question()));
        return s;
    }

    private Div part(String key, String text) {
        H3 heading = new H3(getTranslation("consultation.field." + key));
        Paragraph body = new Paragraph();
        body.setText(text);
        body.setId("consultation-" + key + "-text");
        body.addClassName("praxis-consultation-text");
        return new Div(heading, body);
    }

    /** The stepper, what happens now, when it ends, and what the reader may do (the gate's own words). */
    private Section stages(ThreadHeader thread) {
        Section s = new Section();
        s.setId("consultation-stages");
        s.add(new H2(getTranslation("consultation.stages")));
        OrderedList steps = new OrderedList();
        steps.setId("consultation-stepper");
        steps.addClassName("praxis-stepper");
        steps.getElement().setAttribute("aria-label", getTranslation("consultation.stages"));
        for (Stage step : Stage.STEPS) {
            ListItem item = new ListItem();
            item.setId("step-" + step.name());
            Span name = new Span(ConsultationTexts.stage(this, step));
            String state;
            if (step == c.stage()) {
                item.addClassName("praxis-step-current");
                item.getElement().setAttribute("aria-current", "step");
                state = "consultation.step.current";
            } else if (step.ordinal() < c.stage().ordinal()) {
                item.addClassName("praxis-step-done");
                state = "consultation.step.done";
            } else {
                state = "consultation.step.to-come";
            }
            Span status = new Span(" " + getTranslation(state));
            status.addClassName("praxis-step-state");
            item.add(name, status);
            steps.add(item);
        }
        s.add(steps);
        Paragraph now = new Paragraph(getTranslation("consultation.now." + c.stage().name()));
        now.setId("consultation-now");
        s.add(now);
        if (c.plan().mode() != null) {
            Paragraph how = new Paragraph(c.plan().mode() == Mode.IN_SESSION && c.sessionTitle() != null
                    ? getTranslation("consultation.in-session", c.sessionTitle()) : getTranslation("consultation.async"));
            how.setId("consultation-mode");
            s.add(how);
        }
        if (c.stageEndsAt() != null) {
            String stage = ConsultationTexts.stage(this, c.stage());
            String when = ConsultationTexts.when(this, c.stageEndsAt());
            Paragraph ends = new Paragraph(c.timeUp() ? getTranslation("consultation.stage-time-up", stage, when)
                    : getTranslation("consultation.stage-ends", stage, when));
            ends.setId("consultation-ends");
            ends.addClassName("praxis-callout");
            s.add(ends);
        }
        Paragraph you = new Paragraph();
        you.setId("consultation-gate");
        if (thread.postingClosed() != null && !thread.readOnly()) {
            you.setText(getTranslation(thread.postingClosed().key(), thread.postingClosed().arguments()));
        } else if (thread.mayWrite()) {
            you.setText(getTranslation("consultation.you-may-post"));
        }
        if (!you.getText().isEmpty()) {
            s.add(you);
        }
        var go = Links.route(getTranslation("consultation.conversation"), "threads/" + c.threadId());
        go.setId("consultation-conversation");
        go.addClassName("praxis-button-link");
        s.add(go);
        return s;
    }

    /** The presenter's next step (written in their response) and the commitment it can become. */
    private Section nextStep() {
        Section s = new Section();
        s.setId("consultation-next");
        s.add(new H2(getTranslation("consultation.next-step")));
        boolean writable = c.stage() == Stage.RESPONSE && !c.cohortClosed();
        if (writable) {
            TextArea text = new TextArea(getTranslation("consultation.next-step"));
            text.setId("next-step");
            text.setHelperText(getTranslation("consultation.next-step.help"));
            text.setMaxLength(ConsultationService.NEXT_STEP_MAX);
            text.setWidthFull();
            text.setValue(c.nextStep() == null ? "" : c.nextStep());
            FieldProblems problems = new FieldProblems(this).bind("nextStep", text);
            Button save = new Button(getTranslation("consultation.next-step.save"), click -> {
                problems.clear();
                try {
                    consultations.saveNextStep(id, text.getValue());
                    say("consultation.next-step.saved");
                    reload();
                } catch (InvalidInputException e) {
                    problems.show(e);
                }
            });
            save.setId("next-step-save");
            s.add(text, save);
        } else if (c.nextStep() != null) {
            Paragraph shown = new Paragraph(getTranslation("consultation.next-step.shown", c.nextStep()));
            shown.setId("consultation-next-step-shown");
            s.add(shown);
        }
        if (c.commitmentId() != null) {
            var link = Links.route(getTranslation("consultation.commitment"), "commitments/" + c.commitmentId());
            link.setId("consultation-commitment");
            s.add(link);
        } else if (c.nextStep() != null && !c.cohortClosed()) {
            Button make = new Button(getTranslation("consultation.make-commitment"), click -> {
                try {
                    long commitment = consultations.makeCommitment(id);
                    getUI().ifPresent(ui -> ui.navigate("commitments/" + commitment));
                } catch (InvalidInputException e) {
                    Problem p = e.problems().values().iterator().next();
                    warn(getTranslation(p.key(), p.args().toArray()));
                }
            });
            make.setId("make-commitment");
            make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            s.add(make);
        }
        return s;
    }

    /** How it runs (session or days, the lengths), the moves on and back, and every move made. */
    private Section facilitators() {
        Section s = new Section();
        s.setId("consultation-facilitators");
        s.addClassName("praxis-consultation-tools");
        s.add(new H2(getTranslation("consultation.facilitators")));
        if (!c.cohortClosed() && c.stage() != Stage.CLOSED) {
            s.add(planForm());
        }
        if (!c.cohortClosed()) {
            Div moves = new Div();
            moves.addClassName("praxis-consultation-moves");
            Stage next = c.stage().next();
            if (next != null && c.scheduled()) {
                Button forward = new Button(getTranslation("consultation.move.forward." + c.stage().name()),
                        click -> move(true));
                forward.setId("move-forward");
                forward.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                moves.add(forward);
            }
            Stage previous = c.stage().previous();
            if (previous != null) {
                Button back = new Button(getTranslation("consultation.move.back", ConsultationTexts.stage(this, previous)),
                        click -> move(false));
                back.setId("move-back");
                back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                moves.add(back);
            }
            s.add(moves);
        }
        if (!c.moves().isEmpty()) {
            s.add(new H3(getTranslation("consultation.moves")));
            OrderedList list = new OrderedList();
            list.setId("consultation-moves");
            for (ConsultationDetails.Move m : c.moves()) {
                list.add(new ListItem(getTranslation("consultation.move.line", ConsultationTexts.stage(this, m.from()),
                        ConsultationTexts.stage(this, m.to()), ConsultationTexts.when(this, m.at()),
                        m.by() == null ? getTranslation("consultation.move.by-former") : m.by())));
            }
            s.add(list);
        }
        return s;
    }

    private void move(boolean forward) {
        try {
            Stage to = consultations.move(id, c.stage(), forward);
            say("consultation.moved", ConsultationTexts.stage(this, to));
        } catch (InvalidInputException e) {
            Problem p = e.problems().values().iterator().next();
            warn(getTranslation(p.key(), p.args().toArray()));
        }
        reload();
    }

    private FormLayout planForm() {
        Plan current = c.plan();
        RadioButtonGroup<Mode> mode = new RadioButtonGroup<>(getTranslation("consultation.mode"));
        mode.setId("plan-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("consultation.mode." + m.name()));
        Select<Long> session = new Select<>();
        session.setId("plan-session");
        session.setLabel(getTranslation("consultation.session"));
        Map<Long, String> sessions = consultations.sessionsFor(c.cohortId()).stream()
                .collect(Collectors.toMap(SessionSummary::id, x -> x.title() + " · "
                        + ConsultationTexts.when(this, x.startsAt()), (a, b) -> a, java.util.LinkedHashMap::new));
        session.setItems(sessions.keySet());
        session.setItemLabelGenerator(sid -> sessions.getOrDefault(sid, ""));
        IntegerField questions = length("questions");
        IntegerField reflections = length("reflections");
        IntegerField response = length("response");
        List<IntegerField> lengths = List.of(questions, reflections, response);
        Runnable fill = () -> {
            Mode m = mode.getValue() == null ? Mode.ASYNC : mode.getValue();
            Plan shown = m == current.mode() ? current
                    : m == Mode.IN_SESSION ? Plan.inSession(0) : Plan.async();
            int unit = m == Mode.ASYNC ? Plan.DAY : 1;
            questions.setValue(Math.max(1, shown.questionsMinutes() / unit));
            reflections.setValue(Math.max(1, shown.reflectionsMinutes() / unit));
            response.setValue(Math.max(1, shown.responseMinutes() / unit));
            String suffix = getTranslation(m == Mode.ASYNC ? "consultation.length.days" : "consultation.length.minutes");
            lengths.forEach(f -> f.setSuffixComponent(new Span(suffix)));
            session.setVisible(m == Mode.IN_SESSION);
        };
        mode.setValue(current.mode() == null ? Mode.ASYNC : current.mode());
        if (current.sessionId() != null && sessions.containsKey(current.sessionId())) {
            session.setValue(current.sessionId());
        }
        fill.run();
        mode.addValueChangeListener(e -> fill.run());
        FieldProblems problems = new FieldProblems(this).bind("mode", mode).bind("session", session)
                .bind("questions", questions).bind("reflections", reflections).bind("response", response);
        Button save = new Button(getTranslation("consultation.plan.save"), click -> {
            problems.clear();
            Mode m = mode.getValue();
            int unit = m == Mode.ASYNC ? Plan.DAY : 1;
            try {
                consultations.schedule(id, new Plan(m, session.getValue(), minutes(questions, unit),
                        minutes(reflections, unit), minutes(response, unit)));
                say("consultation.plan.saved");
                reload();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        save.setId("plan-save");
        FormLayout form = new FormLayout(mode, session, questions, reflections, response, save);
        form.setId("consultation-plan");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.setColspan(mode, 3);
        form.setColspan(session, 3);
        form.setColspan(save, 3);
        return form;
    }

    /** Minutes of a length typed in the unit shown; an empty or absurd one is refused by the service. */
    private static int minutes(IntegerField field, int unit) {
        Integer v = field.getValue();
        if (v == null || v <= 0) {
            return 0;
        }
        long m = (long) v * unit;
        return m > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) m;
    }

    private IntegerField length(String key) {
        IntegerField f = new IntegerField(getTranslation("consultation.length." + key));
        f.setId("plan-" + key);
        f.setMin(1);
        f.setStepButtonsVisible(true);
        return f;
    }

    private void say(String key, Object... args) {
        Notification.show(getTranslation(key, args), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void warn(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return c == null ? getTranslation("app.name") : getTranslation("consultation.page-title", c.title());
    }
}
