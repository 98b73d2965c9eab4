package org.praxis.conversation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.ui.PushedRefresh;
import org.praxis.base.ui.MenuBadge;
import org.praxis.conversation.ModerationService;
import org.praxis.notification.NotificationEvents;

/**
 * The count of open reports beside "Reports" in the drawer, the reports the signed-in person
 * may handle (as the reports page lists them). Read out as "3 open reports"; counted again after
 * every navigation and, pushed, when a notice reaches the person (a new report notifies them).
 */
@org.springframework.stereotype.Component
class ReportsBadge implements MenuBadge {

    private final ModerationService moderation;
    private final NotificationEvents events;
    private final CurrentUser currentUser;

    ReportsBadge(ModerationService moderation, NotificationEvents events, CurrentUser currentUser) {
        this.moderation = moderation;
        this.events = events;
        this.currentUser = currentUser;
    }

    @Override
    public String path() {
        return "reports";
    }

    @Override
    public Component create() {
        return new Badge(moderation, events, currentUser.require());
    }

    static final class Badge extends Span implements AfterNavigationObserver {

        private final transient ModerationService moderation;
        private final PraxisUser reader;
        private final Span count = new Span();
        private final Span label = new Span();

        Badge(ModerationService moderation, NotificationEvents events, PraxisUser reader) {
            this.moderation = moderation;
            this.reader = reader;
            setId("open-reports-badge");
            count.getElement().getThemeList().add("badge error primary pill small");
            count.getElement().setAttribute("aria-hidden", "true");
            label.addClassName("praxis-visually-hidden");
            add(count, label);
            refresh();
            PushedRefresh.keep(this, listener -> events.listen(reader.id(), listener), this::refresh);
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            refresh();
        }

        void refresh() {
            int open = moderation.openReportCountFor(reader);
            count.setText(String.valueOf(open));
            label.setText(getTranslation("nav.reports.open", open));
            setVisible(open > 0);
        }
    }
}
