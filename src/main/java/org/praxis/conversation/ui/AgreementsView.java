package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.SafeHtml;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortChoice;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.conversation.Agreement;
import org.praxis.conversation.AgreementService;

/**
 * The cohort's community agreements: the current version, acknowledging it, and for
 * facilitators writing a new version (which everyone acknowledges again).
 */
@Route(value = "agreements", layout = MainLayout.class)
@PermitAll
@Menu(title = "nav.agreements", order = 3, icon = "vaadin:handshake")
public class AgreementsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient AgreementService agreements;
    private final transient CohortAccess access;

    private final transient CohortPages pages;
    private CohortChoice shown;

    public AgreementsView(AgreementService agreements, CohortAccess access, CohortPages pages) {
        this.agreements = agreements;
        this.access = access;
        this.pages = pages;
        setId("agreements-view");
        addClassName("praxis-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("agreements.title")));
        shown = pages.resolve(event, CohortPages.Need.MEMBER, () -> add(CohortPages.noCohort(this, CohortPages.Need.MEMBER)))
                .map(c -> new CohortChoice(c.id(), c.name(), c.closed())).orElse(null);
        if (shown != null) {
            add(cohort(shown));
        }
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("agreements.title")));
        add(cohort(shown));
    }

    private Div cohort(CohortChoice cohort) {
        Div section = new Div();
        section.setId("agreements-" + cohort.id());
        Optional<Agreement> current = agreements.current(cohort.id());
        if (current.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("agreements.none"));
            none.setId("no-agreements");
            none.addClassName("praxis-muted");
            section.add(none);
        } else {
            Agreement a = current.get();
            Paragraph version = new Paragraph(getTranslation("agreements.version", a.version()));
            version.setId("agreement-version");
            version.addClassName("praxis-muted");
            SafeHtml text = new SafeHtml(a.html());
            text.setId("agreement-text");
            section.add(version, text);
            if (agreements.pendingFor(cohort.id()).isPresent()) {
                Button ack = new Button(getTranslation("agreement.acknowledge"), click -> {
                    agreements.acknowledge(a.id());
                    render();
                });
                ack.setId("agreement-acknowledge");
                ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                section.add(ack);
            } else if (access.requireMember(cohort.id()) != CohortRole.FACILITATOR) {
                Paragraph done = new Paragraph(getTranslation("agreements.acknowledged"));
                done.setId("agreement-acknowledged");
                section.add(done);
            }
        }
        if (access.requireMember(cohort.id()) == CohortRole.FACILITATOR) {
            section.add(new H2(getTranslation("agreements.new-version")));
            TextArea body = new TextArea(getTranslation("agreements.text"));
            body.setId("agreement-body");
            body.setWidthFull();
            body.setMinHeight("12rem");
            body.setHelperText(getTranslation("agreements.text.help"));
            current.ifPresent(a -> body.setValue(a.markdown()));
            Button publish = new Button(getTranslation("agreements.publish"), click -> {
                try {
                    agreements.publish(cohort.id(), body.getValue());
                    render();
                } catch (InvalidInputException e) {
                    Problem problem = e.problems().values().iterator().next();
                    body.setErrorMessage(getTranslation(problem.key(), problem.args().toArray()));
                    body.setInvalid(true);
                }
            });
            publish.setId("agreement-publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            section.add(body, publish);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("agreements.page-title");
    }
}
