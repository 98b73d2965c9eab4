package org.praxis.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.praxis.base.security.PraxisUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A browserless UI test: the real views, services and PostgreSQL, driven through Karibu's
 * {@code _get}, {@code _click} and {@code _setValue}, which respect visibility and enablement.
 */
public abstract class KaribuTest extends IntegrationTest {

    private static Routes routes;

    @Autowired
    private ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        Locale.setDefault(Locale.ENGLISH);
        routes = new Routes().autoDiscoverViews("org.praxis");
    }

    @BeforeEach
    void startVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void stopVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    /** Signs the person in for the views: the security context and the mock request's principal. */
    protected PraxisUser signInAs(TestData.Person person) {
        PraxisUser user = data.signIn(person);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(SecurityContextHolder.getContext().getAuthentication());
        request.setUserInRole((principal, role) -> person.role().name().equals(role));
        return user;
    }

    /** A new browser session: a fresh UI and nothing kept in the old session (sign in again after). */
    protected void freshSession() {
        stopVaadin();
        startVaadin();
    }

    /** Where the UI is now, with its query parameters ({@code board?cohort=7}). */
    protected static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    /** Goes where a link's address leads, query parameters included ({@code board?cohort=7}). */
    protected static void follow(String address) {
        com.vaadin.flow.router.Location location = new com.vaadin.flow.router.Location(address);
        UI.getCurrent().navigate(location.getPath(), location.getQueryParameters());
    }

    protected void navigate(String path) {
        UI.getCurrent().navigate(path);
    }
}
