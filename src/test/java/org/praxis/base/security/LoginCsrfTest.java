package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.support.IntegrationTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Login CSRF: another site must not be able to sign a visitor into an account of its choosing by
 * posting a password to {@code /login}. The security filter chain is the real one, through MockMvc.
 */
class LoginCsrfTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private static MockHttpServletRequestBuilder passwordPost(TestData.Person person) {
        return post("/login").param("username", person.email()).param("password", TestData.PASSWORD)
                .with(request -> {
                    request.setRemoteAddr(org.praxis.support.SignInAttempts.newAddress());
                    return request;
                });
    }

    private static boolean signedIn(MvcResult result) {
        HttpSession session = result.getRequest().getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    @Test
    void a_password_posted_from_another_site_without_a_token_signs_no_one_in() throws Exception {
        TestData.Person member = data.person(Role.MEMBER);

        MvcResult result = mvc.perform(passwordPost(member).header("Origin", "https://attacker.example")).andReturn();

        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(signedIn(result)).isFalse();
    }

    @Test
    void a_password_posted_without_a_token_signs_no_one_in_even_from_the_same_origin() throws Exception {
        TestData.Person member = data.person(Role.MEMBER);

        MvcResult result = mvc.perform(passwordPost(member)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(signedIn(result)).isFalse();
    }

    @Test
    void with_the_pages_own_token_the_form_endpoint_still_checks_the_password() throws Exception {
        // the token is what was missing: with it the same post is an ordinary, same-site sign-in
        TestData.Person member = data.person(Role.MEMBER);

        MvcResult result = mvc.perform(passwordPost(member).with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(signedIn(result)).isTrue();
    }
}
