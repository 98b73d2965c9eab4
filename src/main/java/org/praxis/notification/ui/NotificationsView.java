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

/** The signed-in person's notifications, newest unread first; opening one marks it read. */
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
            String who = n.actorName() == null ? getTranslation("post.name-hidden") : n.actorName();
            var link = NotificationService.MENTION.equals(n.kind())
                    ? Links.route(getTranslation("notifications.mentioned", who, n.threadTitle()), "threads/" + n.threadId())
                    : Links.route(getTranslation("notifications." + n.kind().toLowerCase(java.util.Locale.ROOT), n.subject()),
                            n.path());
            link.addClassName("praxis-card-title");
            link.getElement().addEventListener("click", e -> notifications.markRead(n.id()));
            item.add(link);
            if (!n.read()) {
                Span unread = new Span(getTranslation("notifications.unread"));
                unread.getElement().getThemeList().add("badge");
                item.add(unread);
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
