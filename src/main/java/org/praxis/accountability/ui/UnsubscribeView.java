package org.praxis.accountability.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
 * The unsubscribe link of a digest: no sign-in, the signed token is the proof, and one click
 * stops the digests. A token that is not ours changes nothing and says so.
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
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        Div card = new Div();
        card.addClassName("praxis-public-card");
        add(card);
        if (!digests.unsubscribeValid(token)) {
            result(card, false);
            return;
        }
        // a click, not the page load: mail scanners that open links unsubscribe nobody
        H1 title = new H1(getTranslation("unsubscribe.ask"));
        title.setId("unsubscribe-ask");
        Button stop = new Button(getTranslation("unsubscribe.confirm"), click -> result(card, digests.unsubscribe(token)));
        stop.setId("unsubscribe-confirm");
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(title, new Paragraph(getTranslation("unsubscribe.ask.text")), stop);
    }

    private void result(Div card, boolean done) {
        card.removeAll();
        H1 title = new H1(getTranslation(done ? "unsubscribe.done" : "unsubscribe.invalid"));
        title.setId("unsubscribe-result");
        card.add(title, new Paragraph(getTranslation(done ? "unsubscribe.done.text" : "unsubscribe.invalid.text")),
                new Anchor("reminders", getTranslation("unsubscribe.settings")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.page-title");
    }
}
