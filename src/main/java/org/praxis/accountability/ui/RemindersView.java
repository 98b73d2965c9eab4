package org.praxis.accountability.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.praxis.accountability.CalendarFeedService;
import org.praxis.accountability.DigestService;
import org.praxis.base.mail.Mailer;
import org.praxis.base.ui.MainLayout;

/**
 * What brings a person back between sessions: how often a digest comes by email, and a private
 * calendar address with the sessions of their cohorts, made, replaced or revoked here.
 */
@Route(value = "reminders", layout = MainLayout.class)
@Menu(title = "nav.reminders", order = 91, icon = "vaadin:bell-o")
@PermitAll
public class RemindersView extends Main implements HasDynamicTitle {

    private final transient CalendarFeedService feeds;
    private final Section calendar = new Section();

    public RemindersView(DigestService digests, CalendarFeedService feeds, Mailer mailer) {
        this.feeds = feeds;
        setId("reminders-view");
        addClassName("praxis-view");
        add(new H1(getTranslation("reminders.title")));
        add(new H2(getTranslation("reminders.digest.title")), new DigestChoice(digests, mailer, "reminders"));
        calendar.setId("reminders-calendar");
        add(calendar);
        renderCalendar(null);
    }

    private void renderCalendar(String newAddress) {
        calendar.removeAll();
        calendar.add(new H2(getTranslation("reminders.calendar.title")),
                new Paragraph(getTranslation("reminders.calendar.intro")));
        boolean active = feeds.hasFeed();
        if (newAddress != null) {
            TextField address = new TextField(getTranslation("reminders.calendar.address"));
            address.setId("reminders-calendar-address");
            address.setValue(newAddress);
            address.setReadOnly(true);
            address.setWidthFull();
            address.setHelperText(getTranslation("reminders.calendar.address.help"));
            calendar.add(address);
        } else if (active) {
            Paragraph on = new Paragraph(getTranslation("reminders.calendar.active"));
            on.setId("reminders-calendar-active");
            calendar.add(on);
        }
        Button make = new Button(getTranslation(active ? "reminders.calendar.replace" : "reminders.calendar.make"),
                click -> renderCalendar(feeds.newFeed()));
        make.setId("reminders-calendar-make");
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(make);
        if (active || newAddress != null) {
            Button revoke = new Button(getTranslation("reminders.calendar.revoke"), click -> {
                feeds.revoke();
                renderCalendar(null);
            });
            revoke.setId("reminders-calendar-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(revoke);
        }
        calendar.add(buttons);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reminders.page-title");
    }
}
