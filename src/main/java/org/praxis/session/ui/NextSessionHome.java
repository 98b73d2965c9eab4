package org.praxis.session.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Optional;
import org.praxis.base.ui.Times;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;
import org.praxis.session.SessionDetails;
import org.praxis.session.SessionService;

/**
 * Home's first block: the cohort's next session, when (in the cohort's zone) and where (the
 * meeting link, opening apart from Praxis, and the place), with the same "I'll join" / "I can't
 * make it" answer as the session's page, through the same service call.
 */
@org.springframework.stereotype.Component
class NextSessionHome implements HomeContribution {

    private final SessionService sessions;

    NextSessionHome(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public HomeContext.Group group() {
        return HomeContext.Group.NEXT;
    }

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> block(HomeContext home) {
        return Optional.of(build(home));
    }

    private HomeBlock build(HomeContext home) {
        HomeBlock block = new HomeBlock(home, "home-next-session", home.t("home.next-session"));
        block.empty(block.getTranslation("home.next-session.none"));
        sessions.next(home.cohortId()).ifPresent(session -> {
            HomeBlock.Card card = block.card("home-session-" + session.id(), session.title(), "sessions/" + session.id());
            card.line(Times.dateTime(session.startsAt(), home.locale()) + " – "
                    + Times.time(session.endsAt(), home.locale()));
            if (session.meetingUrl() != null) {
                card.add(meetingLink(block, session));
            }
            if (session.place() != null || session.room() != null) {
                card.line(session.place() == null ? session.room()
                        : session.room() == null ? session.place() : session.place() + ", " + session.room());
            }
            if (!home.closed()) {
                card.add(answer(block, session));
            }
        });
        block.link("home-all-sessions", block.getTranslation("home.next-session.all"),
                "sessions?" + CohortPages.PARAMETER + "=" + home.cohortId());
        return block;
    }

    private static Div meetingLink(Component owner, SessionDetails session) {
        Anchor link = new Anchor(session.meetingUrl(), session.meetingUrl());
        link.setId("home-session-meeting-link");
        link.setTarget(AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.getElement().setAttribute("aria-label", owner.getTranslation("session.online") + ": "
                + session.meetingUrl() + " " + owner.getTranslation("session.online.opens-new"));
        link.addClassName("praxis-break-anywhere");
        Div line = new Div(new Span(owner.getTranslation("session.online") + ": "), link);
        line.addClassName("praxis-card-line");
        return line;
    }

    private HorizontalLayout answer(Component owner, SessionDetails session) {
        Span status = new Span();
        status.setId("home-will-join-status");
        // read out when it changes, as the buttons keep the focus
        status.getElement().setAttribute("aria-live", "polite");
        Button join = new Button(owner.getTranslation("session.will-join"));
        join.setId("home-will-join");
        Button skip = new Button(owner.getTranslation("session.will-not-join"));
        skip.setId("home-will-not-join");
        Span joining = new Span();
        joining.addClassName("praxis-muted");
        java.util.function.Consumer<SessionDetails> show = now -> {
            status.setText(now.willJoin() == null ? owner.getTranslation("session.not-answered")
                    : owner.getTranslation(now.willJoin() ? "session.you-will-join" : "session.you-will-not-join"));
            join.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_CONTRAST);
            join.addThemeVariants(Boolean.TRUE.equals(now.willJoin()) ? ButtonVariant.LUMO_PRIMARY
                    : ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
            skip.addThemeVariants(ButtonVariant.LUMO_SMALL);
            joining.setText(owner.getTranslation("session.joining", now.joining()));
        };
        join.addClickListener(click -> {
            sessions.setWillJoin(session.id(), true);
            show.accept(sessions.get(session.id()));
        });
        skip.addClickListener(click -> {
            sessions.setWillJoin(session.id(), false);
            show.accept(sessions.get(session.id()));
        });
        show.accept(session);
        HorizontalLayout bar = new HorizontalLayout(status, join, skip, joining);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }
}
