package org.praxis.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.ui.PushedRefresh;
import org.praxis.base.ui.NavbarContribution;
import org.praxis.notification.NotificationEvents;
import org.praxis.notification.NotificationService;

/**
 * The bell in the top bar: a link to the notifications with the unread count, read out by screen
 * readers. The count follows new notices without a reload: a notice written for the reader is
 * pushed to their open pages on this node, and the count is read again with their rights.
 */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarContribution {

    private final NotificationService notifications;
    private final NotificationEvents events;
    private final CurrentUser currentUser;

    NotificationBell(NotificationService notifications, NotificationEvents events, CurrentUser currentUser) {
        this.notifications = notifications;
        this.events = events;
        this.currentUser = currentUser;
    }

    @Override
    public Component create() {
        return new Bell(notifications, events, currentUser.require().id());
    }

    /** Counts again after every navigation, since the shell around the views stays, and when a notice comes. */
    static final class Bell extends Anchor implements AfterNavigationObserver {

        private final transient NotificationService notifications;
        /** The reader, as known when the page opened (notices arrive on other threads). */
        private final long reader;
        private final Span count = new Span();

        Bell(NotificationService notifications, NotificationEvents events, long reader) {
            super("notifications");
            this.notifications = notifications;
            this.reader = reader;
            getElement().setAttribute("router-link", true);
            setId("notification-bell");
            addClassName("praxis-bell");
            add(VaadinIcon.BELL_O.create());
            count.setId("notification-count");
            count.getElement().getThemeList().add("badge error primary pill small");
            count.getElement().setAttribute("aria-hidden", "true");
            add(count);
            refresh();
            PushedRefresh.keep(this, listener -> events.listen(reader, listener), this::refresh);
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            refresh();
        }

        void refresh() {
            int unread = notifications.unreadCount(reader);
            String label = unread == 0 ? getTranslation("notifications.bell.none")
                    : getTranslation("notifications.bell.unread", unread);
            getElement().setAttribute("aria-label", label);
            getElement().setAttribute("title", label);
            count.setText(String.valueOf(unread));
            count.setVisible(unread > 0);
        }
    }
}
