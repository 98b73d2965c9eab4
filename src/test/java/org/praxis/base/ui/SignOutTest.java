package org.praxis.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.security.Role;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class SignOutTest extends KaribuTest {

    @Autowired
    AuditService audit;

    @Test
    void the_shell_names_who_is_signed_in_and_signing_out_ends_the_session() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        signInAs(member);
        navigate("");
        assertThat(_get(Span.class, spec -> spec.withId("signed-in-user")).getText())
                .isEqualTo(member.name() + " (Member)");

        _click(_get(Button.class, spec -> spec.withId("sign-out")));

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(audit.latestFor("member", member.id(), 5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("sign-out"));
    }

    @Test
    void the_drawer_names_who_is_signed_in_and_signs_out_too_for_phones() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        signInAs(member);
        navigate("");
        assertThat(_get(Span.class, spec -> spec.withId("drawer-signed-in-user")).getText())
                .isEqualTo(member.name() + " (Member)");
        // the top bar's button keeps its name when a phone shows only its icon
        assertThat(_get(Button.class, spec -> spec.withId("sign-out")).getElement().getAttribute("aria-label"))
                .isEqualTo("Sign out");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("skip-to-content")).getText())
                .isEqualTo("Skip to main content");

        _click(_get(Button.class, spec -> spec.withId("drawer-sign-out")));

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(audit.latestFor("member", member.id(), 5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("sign-out"));
    }
}
