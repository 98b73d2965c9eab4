package org.praxis.joining.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;
import org.praxis.joining.ApplicationDetails;
import org.praxis.joining.ApplicationEvent;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.ApplicationStatus;
import org.praxis.joining.Facts;
import org.praxis.joining.InvitationLink;
import org.praxis.joining.InvitationService;
import org.praxis.joining.RepresentationFacts;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * One application, for the cohort's facilitators: all it says, the self-described facts exactly
 * as given, the decisions to take (with a message to the applicant where it matters), the
 * invitation link, notes and history.
 */
@Route(value = "applications/:applicationId" + RouteIds.ID, layout = MainLayout.class)
@RolesAllowed("FACILITATOR")
public class ApplicationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ApplicationService applications;
    private final transient InvitationService invitations;
    private final transient CohortAccess access;
    private ApplicationDetails application;

    public ApplicationView(ApplicationService applications, InvitationService invitations, CohortAccess access) {
        this.applications = applications;
        this.invitations = invitations;
        this.access = access;
        setId("application-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("applicationId").orElse(-1L);
        try {
            application = applications.get(id);
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        CohortPages.showing(event, application.cohortId());
        render();
    }

    private void reload() {
        application = applications.get(application.id());
        render();
    }

    private void render() {
        removeAll();
        H1 title = new H1(application.name());
        title.setId("application-name");
        Span status = new Span(label(application.status()));
        status.setId("application-status");
        status.getElement().getThemeList().add("badge");
        Paragraph meta = new Paragraph(getTranslation("application.meta", application.cohortName(),
                Times.dateTime(application.createdAt(), access.zoneOf(application.cohortId()), getLocale())));
        meta.addClassName("praxis-muted");
        Anchor back = Links.route(getTranslation("application.back"), "applications?cohort=" + application.cohortId());
        add(title, status, meta, back);

        DescriptionList role = new DescriptionList();
        role.setId("application-role");
        term(role, "application.email", application.email());
        term(role, "application.organization", application.organization() == null ? "" : application.newOrganization()
                ? getTranslation("application.organization.new", application.organization()) : application.organization());
        term(role, "application.sector", getTranslation(application.sector().messageKey()));
        term(role, "application.role", application.roleTitle());
        term(role, "application.authority", getTranslation("apply.authority." + application.authority().name().toLowerCase(Locale.ROOT)));
        add(new H2(getTranslation("application.about-role")), role);
        add(new H2(getTranslation("application.why")), pre(application.why()));
        add(new H2(getTranslation("application.bring")), pre(application.bring()));
        add(facts());
        add(decisions(), notes());
    }

    private Section facts() {
        RepresentationFacts f = application.facts();
        DescriptionList list = new DescriptionList();
        list.setId("application-facts");
        String race = f.raceEthnicity().isEmpty() ? null : f.raceEthnicity().stream().map(v -> v.equals(Facts.SELF_DESCRIBE)
                && f.raceEthnicitySelf() != null ? f.raceEthnicitySelf() : getTranslation("fact." + v))
                .collect(Collectors.joining(", "));
        term(list, "application.race", answered(race));
        term(list, "application.gender", answered(choice(f.gender(), f.genderSelf())));
        term(list, "application.county", answered(choice(f.county(), f.countySelf())));
        String tribal = f.tribal() == null ? null : f.tribalSelf() == null ? getTranslation("fact." + f.tribal())
                : getTranslation("fact." + f.tribal()) + " — " + f.tribalSelf();
        term(list, "application.tribal", answered(tribal));
        term(list, "application.lived", answered(f.livedExperiencePreferNot() ? getTranslation("fact.PREFER_NOT")
                : f.livedExperience()));
        Section section = new Section(new H2(getTranslation("application.facts")), list);
        Paragraph who = new Paragraph(getTranslation("application.facts.who"));
        who.addClassName("praxis-muted");
        section.add(who);
        return section;
    }

    private String choice(String value, String self) {
        if (value == null) {
            return null;
        }
        return Facts.SELF_DESCRIBE.equals(value) && self != null ? self : getTranslation("fact." + value);
    }

    private String answered(String text) {
        return text == null || text.isBlank() ? getTranslation("application.not-answered") : text;
    }

    private Section decisions() {
        Section section = new Section(new H2(getTranslation("application.decide")));
        section.setId("application-decisions");
        ApplicationStatus s = application.status();
        if (s == ApplicationStatus.JOINED) {
            section.add(new Paragraph(getTranslation("application.joined")));
            return section;
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        if (s == ApplicationStatus.NEW) {
            buttons.add(button("application-review", "application.action.review", () -> move(ApplicationStatus.UNDER_REVIEW, null)));
        }
        if (s != ApplicationStatus.SHORTLISTED && s != ApplicationStatus.INVITED) {
            buttons.add(button("application-shortlist", "application.action.shortlist",
                    () -> move(ApplicationStatus.SHORTLISTED, null)));
        }
        Button invite = button("application-invite", s == ApplicationStatus.INVITED ? "application.action.invite-again"
                : "application.action.invite", this::invite);
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buttons.add(invite);
        if (s != ApplicationStatus.WAITLISTED) {
            buttons.add(button("application-waitlist", "application.action.waitlist",
                    () -> withMessage(ApplicationStatus.WAITLISTED)));
        }
        if (s != ApplicationStatus.DECLINED) {
            buttons.add(button("application-decline", "application.action.decline",
                    () -> withMessage(ApplicationStatus.DECLINED)));
        }
        Button delete = button("application-delete", "application.action.delete", this::delete);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        buttons.add(delete);
        section.add(buttons);
        return section;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), click -> action.run());
        b.setId(id);
        return b;
    }

    private void move(ApplicationStatus to, String message) {
        applications.setStatus(application.id(), to, message);
        reload();
    }

    /** Waitlist or decline, with an optional message to the applicant. */
    private void withMessage(ApplicationStatus to) {
        Dialog dialog = new Dialog();
        dialog.setId("decision-dialog");
        dialog.setHeaderTitle(getTranslation("application.decision.title." + to.name().toLowerCase(Locale.ROOT),
                application.name()));
        TextArea message = new TextArea(getTranslation("application.decision.message"));
        message.setId("decision-message");
        message.setHelperText(getTranslation("application.decision.message.help"));
        message.setMaxLength(ApplicationService.TEXT_MAX);
        message.setWidthFull();
        FieldProblems problems = new FieldProblems(this).bind("message", message);
        dialog.add(message);
        Button ok = new Button(getTranslation("application.action." + to.name().toLowerCase(Locale.ROOT)), click -> {
            try {
                applications.setStatus(application.id(), to, message.getValue());
                dialog.close();
                reload();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        ok.setId("decision-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
    }

    private void invite() {
        Dialog dialog = new Dialog();
        dialog.setId("invitation-dialog");
        dialog.setHeaderTitle(getTranslation("application.invite.title", application.name()));
        try {
            InvitationLink link = invitations.invite(application.id());
            Paragraph sent = new Paragraph(getTranslation(link.mailed() ? "application.invite.mailed"
                    : "application.invite.not-mailed", application.email(),
                    Times.dateTime(link.expiresAt(), access.zoneOf(application.cohortId()), getLocale())));
            sent.setId("invitation-sent");
            TextField url = new TextField(getTranslation("application.invite.link"));
            url.setId("invitation-link");
            url.setValue(link.url());
            url.setReadOnly(true);
            url.setWidthFull();
            url.setHelperText(getTranslation("application.invite.link.help"));
            dialog.add(sent, url);
        } catch (InvalidInputException e) {
            Paragraph problem = new Paragraph(new FieldProblems(this).text(e.problems().values().iterator().next()));
            problem.setId("invitation-problem");
            problem.addClassName("praxis-form-message");
            problem.getElement().setAttribute("role", "alert");
            dialog.add(problem);
        }
        Button done = new Button(getTranslation("action.done"), click -> {
            dialog.close();
            reload();
        });
        done.setId("invitation-done");
        dialog.getFooter().add(done);
        dialog.open();
    }

    private void delete() {
        Dialog dialog = new Dialog();
        dialog.setId("delete-dialog");
        dialog.setHeaderTitle(getTranslation("application.delete.title", application.name()));
        dialog.add(new Paragraph(getTranslation("application.delete.text")));
        Button ok = new Button(getTranslation("application.action.delete"), click -> {
            long cohortId = application.cohortId();
            applications.delete(application.id());
            dialog.close();
            UI.getCurrent().navigate("applications", com.vaadin.flow.router.QueryParameters.of("cohort",
                    String.valueOf(cohortId)));
        });
        ok.setId("delete-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), ok);
        dialog.open();
    }

    private Section notes() {
        Section section = new Section(new H2(getTranslation("application.history")));
        section.setId("application-history");
        OrderedList list = new OrderedList();
        list.setId("application-events");
        List<ApplicationEvent> events = applications.history(application.id());
        for (ApplicationEvent e : events) {
            String who = e.actorName() == null ? getTranslation("application.event.applicant") : e.actorName();
            String line = getTranslation("application.event." + e.kind(), who,
                    e.status() == null ? "" : label(e.status()),
                    Times.dateTime(e.at(), access.zoneOf(application.cohortId()), getLocale()));
            ListItem item = new ListItem(line);
            if (e.text() != null) {
                Paragraph text = pre(e.text());
                item.add(text);
            }
            list.add(item);
        }
        TextArea note = new TextArea(getTranslation("application.note"));
        note.setId("application-note");
        note.setMaxLength(ApplicationService.NOTE_MAX);
        note.setWidthFull();
        FieldProblems problems = new FieldProblems(this).bind("note", note);
        Button add = new Button(getTranslation("application.note.add"), click -> {
            try {
                applications.addNote(application.id(), note.getValue());
                reload();
            } catch (InvalidInputException e) {
                problems.show(e);
            }
        });
        add.setId("application-note-add");
        section.add(list, note, add);
        return section;
    }

    private void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    private static Paragraph pre(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("praxis-pre");
        return p;
    }

    private String label(ApplicationStatus s) {
        return getTranslation("application.status." + s.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("application.page-title", application == null ? "" : application.name());
    }

}
