package org.praxis.accountability.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.praxis.accountability.DigestService;

/**
 * The one-click unsubscribe link of a digest: no sign-in, the signed token is the proof. A token
 * that is not ours changes nothing and says so.
 */
@Route(value = "unsubscribe/:token", autoLayout = false)
@AnonymousAllowed
public class UnsubscribeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient DigestService digests;

    public UnsubscribeView(DigestService digests) {
        this.digests = digests;
        setId("unsubscribe-view");
        addClassName("praxis-public");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean done = digests.unsubscribe(event.getRouteParameters().get("token").orElse(""));
        removeAll();
        Div card = new Div();
        card.addClassName("praxis-public-card");
        H1 title = new H1(getTranslation(done ? "unsubscribe.done" : "unsubscribe.invalid"));
        title.setId("unsubscribe-result");
        card.add(title, new Paragraph(getTranslation(done ? "unsubscribe.done.text" : "unsubscribe.invalid.text")),
                new Anchor("reminders", getTranslation("unsubscribe.settings")));
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.page-title");
    }
}
