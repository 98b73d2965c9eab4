package org.praxis.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.notification.NotificationItem;
import org.praxis.notification.NotificationService;

/**
 * The signed-in person's notifications, newest unread first, as they may read them now; opening one
 * (or its "Mark as read") marks it read, and "Mark all as read" marks them all.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
public class NotificationsView extends Main implements HasDynamicTitle {

    private final transient NotificationService notifications;

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        setId("notifications-view");
        addClassName("praxis-view");
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("notifications.title")));
        List<NotificationItem> items = notifications.latest(100);
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("notifications.none"));
            none.setId("no-notifications");
            none.addClassName("praxis-muted");
            add(none);
            return;
        }
        Button all = new Button(getTranslation("notifications.mark-all-read"), click -> {
            notifications.markAllRead();
            render();
        });
        all.setId("mark-all-read");
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(all);
        UnorderedList list = new UnorderedList();
        list.setId("notifications");
        list.addClassName("praxis-cards");
        for (NotificationItem n : items) {
            ListItem item = new ListItem();
            item.setId("notification-" + n.id());
            item.addClassName("praxis-card");
            String text = getTranslation(n.textKey(), n.textParameters(getTranslation("post.name-hidden")));
            // the exact place: the post itself in its thread, the comment in its analysis…
            var link = Links.route(text, n.link());
            link.addClassName("praxis-card-title");
            link.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
            item.add(link);
            if (!n.read()) {
                Span unread = new Span(getTranslation("notifications.unread"));
                unread.getElement().getThemeList().add("badge");
                Button read = new Button(getTranslation("notifications.mark-read"), click -> {
                    notifications.markRead(n.id());
                    render();
                });
                read.setId("mark-read-" + n.id());
                read.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                read.getElement().setAttribute("aria-label", getTranslation("notifications.mark-read.label", text));
                item.add(unread, read);
            }
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.page-title");
    }
}
