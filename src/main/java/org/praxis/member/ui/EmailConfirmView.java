package org.praxis.member.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.praxis.base.InvalidInputException;
import org.praxis.base.ui.FieldProblems;
import org.praxis.base.ui.MainLayout;
import org.praxis.member.EmailChangeService;
import org.praxis.member.EmailLink;

/**
 * Where the link mailed to a new address leads. The account it belongs to must be signed in (a
 * signed-out visitor is sent to sign in and comes back here), and the change happens only when they
 * press the button, so a mail scanner that opens links changes nothing. A used, cancelled, expired
 * or foreign link says so, with the way back to the account page.
 */
@Route(value = "account/email/:token", layout = MainLayout.class)
@PermitAll
public class EmailConfirmView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient EmailChangeService changes;
    private String token = "";

    public EmailConfirmView(EmailChangeService changes) {
        this.changes = changes;
        setId("email-confirm-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        EmailLink link = changes.check(token);
        removeAll();
        if (link.state() == EmailLink.State.VALID) {
            offer(link.email());
        } else {
            refused(getTranslation("account.email.link." + link.state().name().toLowerCase(Locale.ROOT)));
        }
    }

    private void offer(String email) {
        H1 title = new H1(getTranslation("account.email.confirm.title"));
        title.setId("email-confirm-title");
        Paragraph text = new Paragraph(getTranslation("account.email.confirm.text", email));
        Button confirm = new Button(getTranslation("account.email.confirm.button", email), click -> confirm());
        confirm.setId("email-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, text, confirm, backToAccount());
    }

    private void confirm() {
        try {
            String email = changes.confirm(token);
            removeAll();
            H1 done = new H1(getTranslation("account.email.confirmed.title"));
            done.setId("email-confirmed");
            Paragraph text = new Paragraph(getTranslation("account.email.confirmed.text", email));
            text.setId("email-confirmed-text");
            add(done, text, backToAccount());
        } catch (InvalidInputException e) {
            removeAll();
            refused(new FieldProblems(this).text(e.problems().values().iterator().next()));
        }
    }

    private void refused(String why) {
        H1 title = new H1(getTranslation("account.email.refused.title"));
        title.setId("email-refused");
        Paragraph reason = new Paragraph(why);
        reason.setId("email-refused-reason");
        add(title, reason, backToAccount());
    }

    private Anchor backToAccount() {
        Anchor back = new Anchor("account", getTranslation("account.email.back"));
        back.setId("email-back-to-account");
        return back;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.email.confirm.page-title");
    }
}
