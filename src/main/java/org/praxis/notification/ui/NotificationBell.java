package org.praxis.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.praxis.base.ui.NavbarContribution;
import org.praxis.notification.NotificationService;

/** The bell in the top bar: a link to the notifications with the unread count, read out by screen readers. */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarContribution {

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Component create() {
        return new Bell(notifications);
    }

    /** Counts again after every navigation, since the shell around the views stays. */
    static final class Bell extends Anchor implements AfterNavigationObserver {

        private final transient NotificationService notifications;
        private final Span count = new Span();

        Bell(NotificationService notifications) {
            super("notifications");
            this.notifications = notifications;
            getElement().setAttribute("router-link", true);
            setId("notification-bell");
            addClassName("praxis-bell");
            add(VaadinIcon.BELL_O.create());
            count.setId("notification-count");
            count.getElement().getThemeList().add("badge error primary pill small");
            count.getElement().setAttribute("aria-hidden", "true");
            add(count);
            refresh();
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            refresh();
        }

        void refresh() {
            int unread = notifications.unreadCount();
            String label = unread == 0 ? getTranslation("notifications.bell.none")
                    : getTranslation("notifications.bell.unread", unread);
            getElement().setAttribute("aria-label", label);
            getElement().setAttribute("title", label);
            count.setText(String.valueOf(unread));
            count.setVisible(unread > 0);
        }
    }
}
