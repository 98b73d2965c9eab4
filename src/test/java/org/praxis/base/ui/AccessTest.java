package org.praxis.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Route;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.member.ui.PeopleView;
import org.praxis.support.KaribuTest;

class AccessTest extends KaribuTest {

    @Test
    void a_member_cannot_open_the_people_view() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));

        navigate("people");

        _assertNone(PeopleView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void an_anonymous_visitor_asking_for_the_people_view_is_sent_to_sign_in() {
        navigate("people");

        _assertNone(PeopleView.class);
        _assertOne(LoginView.class);
    }

    @Test
    void a_facilitator_and_an_admin_can_open_the_people_view() {
        signInAs(data.personIn(data.cohort(), Role.FACILITATOR));
        navigate("people");
        _assertOne(PeopleView.class);

        signInAs(data.person(Role.ADMIN));
        navigate("people");
        _assertOne(PeopleView.class);
    }

    @Test
    void the_navigation_offers_a_member_only_what_a_member_may_open() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        navigate("");

        assertThat(links()).contains("Home", "Your account").doesNotContain("People");
    }

    @Test
    void the_navigation_offers_a_facilitator_the_people_view() {
        signInAs(data.personIn(data.cohort(), Role.FACILITATOR));
        navigate("");

        assertThat(links()).contains("Home", "People", "Your account");
    }

    @Test
    void every_route_declares_who_may_enter() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(Route.class));
        Set<String> undeclared = scanner.findCandidateComponents("org.praxis").stream()
                .map(bd -> {
                    try {
                        return Class.forName(bd.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(c -> !c.isAnnotationPresent(jakarta.annotation.security.PermitAll.class)
                        && !c.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class)
                        && !c.isAnnotationPresent(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                        && !c.isAnnotationPresent(jakarta.annotation.security.DenyAll.class))
                .map(Class::getName)
                .collect(Collectors.toSet());
        assertThat(undeclared).isEmpty();
    }

    private Set<String> links() {
        SideNav nav = _get(SideNav.class, spec -> spec.withId("main-navigation"));
        return nav.getItems().stream().map(SideNavItem::getLabel).collect(Collectors.toSet());
    }

}
