package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.member.MemberService;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The filter that ends the sessions of deactivated accounts, driven through the real security
 * filter chain with MockMvc. A session "signed in" is a {@link MockHttpSession} holding a security
 * context, as {@link SignInService} leaves it.
 *
 * <p>What shows whether a request counts as signed in: {@code GET /actuator} (the actuator's list
 * of endpoints) needs a signed-in user and is answered by Spring MVC itself, so it gives 200 to a
 * live session and a redirect to {@code /login} otherwise. Vaadin routes such as {@code /} behave
 * the same, but a signed-in request is forwarded to the Vaadin servlet, which MockMvc does not run.
 */
class ActiveAccountFilterTest extends IntegrationTest {

    /** ActiveAccountFilter.RECHECK: how long an account's "active" is trusted before it is read again. */
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private static final String VAADIN_SERVLET = "springServlet";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MemberService members;

    @Autowired
    AccountDetailsService accountDetails;

    @Autowired
    SignedInSessions signedInSessions;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private MockHttpSession signedInSession(Person p) {
        PraxisUser user = new PraxisUser(p.id(), p.email(), p.name(), p.role(), true, null);
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        return session;
    }

    private MockHttpServletResponse request(String path, MockHttpSession session) throws Exception {
        var request = get(path);
        if (session != null) {
            request.session(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static void assertLetThrough(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getRedirectedUrl()).isNull();
    }

    private static void assertSentToSignIn(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("http://localhost/login");
    }

    private void deactivateOnAnotherNode(Person p) {
        // straight in the database, as another app node would: no SignedInSessions of this node is told
        data.db().execute("update member set active = false, deactivated_at = now() where id = " + p.id());
    }

    @Test
    void an_anonymous_request_is_sent_to_sign_in() throws Exception {
        assertSentToSignIn(request("/actuator", null));
        assertSentToSignIn(request("/", null));
    }

    @Test
    void a_signed_in_members_session_is_let_through() throws Exception {
        MockHttpSession session = signedInSession(data.person(Role.MEMBER));

        assertLetThrough(request("/actuator", session));
        assertLetThrough(request("/actuator", session));
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_signed_in_request_for_a_vaadin_route_is_handed_to_the_vaadin_servlet() throws Exception {
        // MockMvc runs no Vaadin servlet; stand in for it to see that the request got past security
        MockServletContext servletContext = (MockServletContext) context.getServletContext();
        assertThat(servletContext.getNamedDispatcher(VAADIN_SERVLET)).isNull();
        servletContext.registerNamedDispatcher(VAADIN_SERVLET, new MockRequestDispatcher(VAADIN_SERVLET));
        try {
            MockHttpSession session = signedInSession(data.person(Role.MEMBER));

            MockHttpServletResponse response = request("/", session);

            assertThat(response.getRedirectedUrl()).isNull();
            assertThat(response.getForwardedUrl()).isEqualTo(VAADIN_SERVLET);
        } finally {
            servletContext.unregisterNamedDispatcher(VAADIN_SERVLET);
        }
    }

    @Test
    void the_filter_registers_the_session_so_deactivating_ends_it_at_once() throws Exception {
        Person member = data.person(Role.MEMBER);
        MockHttpSession session = signedInSession(member);
        assertLetThrough(request("/actuator", session));

        data.signIn(data.person(Role.ADMIN));
        members.deactivate(member.id());
        SecurityContextHolder.clearContext();

        assertThat(session.isInvalid()).isTrue();
        assertSentToSignIn(request("/actuator", session));
    }

    @Test
    void an_account_deactivated_elsewhere_is_signed_out_on_its_next_request() throws Exception {
        Person member = data.person(Role.MEMBER);
        MockHttpSession session = signedInSession(member);
        deactivateOnAnotherNode(member);

        MockHttpServletResponse response = request("/actuator", session);

        assertSentToSignIn(response);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void even_a_request_that_needs_no_sign_in_ends_the_session_of_a_deactivated_account() throws Exception {
        Person member = data.person(Role.MEMBER);
        MockHttpSession session = signedInSession(member);
        deactivateOnAnotherNode(member);

        assertLetThrough(request("/actuator/health", session));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_session_signed_in_before_the_accounts_sessions_were_ended_elsewhere_ends_and_a_later_one_goes_on()
            throws Exception {
        Person member = data.person(Role.MEMBER);
        MockHttpSession before = signedInSession(member);
        before.setAttribute(SignedInSessions.SIGNED_IN_AT_ATTRIBUTE, Instant.now().minusSeconds(60));
        MockHttpSession after = signedInSession(member);
        after.setAttribute(SignedInSessions.SIGNED_IN_AT_ATTRIBUTE, Instant.now());
        // a password reset by link on another node, straight in the database: this node's SignedInSessions is not told
        data.db().execute("update member set sessions_ended_at = now() - interval '30 seconds' where id = " + member.id());

        assertSentToSignIn(request("/actuator", before));
        assertThat(before.isInvalid()).isTrue();
        assertLetThrough(request("/actuator", after));
        assertThat(after.isInvalid()).isFalse();
    }

    /** A clock the test moves by hand, so the recheck interval is crossed without waiting for it. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** One request through the filter alone; whether it still counts as signed in afterwards. */
    private static boolean signedInAfter(ActiveAccountFilter filter, SecurityContextHolderStrategy contexts,
            MockHttpSession session) throws Exception {
        SecurityContextImpl signedIn = (SecurityContextImpl) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        contexts.setContext(new SecurityContextImpl(signedIn.getAuthentication()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator");
        request.setSession(session);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        boolean stillSignedIn = contexts.getContext().getAuthentication() != null;
        contexts.clearContext();
        return stillSignedIn;
    }

    @Test
    void an_account_deactivated_elsewhere_while_signed_in_is_signed_out_once_the_recheck_interval_is_over()
            throws Exception {
        HandClock clock = new HandClock();
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        ActiveAccountFilter filter = new ActiveAccountFilter(accountDetails, signedInSessions, clock, contexts);
        Person member = data.person(Role.MEMBER);
        MockHttpSession session = signedInSession(member);
        assertThat(signedInAfter(filter, contexts, session)).isTrue();
        deactivateOnAnotherNode(member);

        // the filter trusts its last look at the account for RECHECK, and no longer
        clock.advance(RECHECK.minusMillis(1));
        assertThat(signedInAfter(filter, contexts, session)).isTrue();
        assertThat(session.isInvalid()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(signedInAfter(filter, contexts, session)).isFalse();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void another_members_session_is_not_affected() throws Exception {
        Person leaving = data.person(Role.MEMBER);
        Person staying = data.person(Role.MEMBER);
        MockHttpSession leavingSession = signedInSession(leaving);
        MockHttpSession stayingSession = signedInSession(staying);
        deactivateOnAnotherNode(leaving);

        assertSentToSignIn(request("/actuator", leavingSession));
        assertLetThrough(request("/actuator", stayingSession));
        assertThat(stayingSession.isInvalid()).isFalse();
    }
}
