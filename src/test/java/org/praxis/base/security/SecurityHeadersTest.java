package org.praxis.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CalendarFeedService;
import org.praxis.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The headers every response carries, through the real security filter chain (MockMvc), with the
 * tests' base URL {@code http://praxis.test/}: no HSTS over plain HTTP. The https case and
 * Vaadin's bootstrap page, whose policy carries a nonce, are in {@code base.ui.HttpResponsesTest}
 * against a started server.
 */
public class SecurityHeadersTest extends IntegrationTest {

    private static final String VAADIN_SERVLET = "springServlet";

    @Autowired
    WebApplicationContext context;

    @Autowired
    CalendarFeedService feeds;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** The headers of any response but the bootstrap page: its policy lets no inline script or eval run. */
    public static void assertProtectiveHeaders(java.util.function.Function<String, String> header) {
        assertThat(header.apply("Content-Security-Policy")).contains("script-src 'self';")
                .doesNotContain("unsafe-eval", "nonce-");
        assertProtectiveHeadersOnPage(header);
    }

    /** The headers of every response, the bootstrap page's included. */
    public static void assertProtectiveHeadersOnPage(java.util.function.Function<String, String> header) {
        String csp = header.apply("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                "base-uri 'self'", "form-action 'self'", "style-src 'self' 'unsafe-inline'", "connect-src 'self'");
        assertThat(csp).doesNotContain("script-src 'self' 'unsafe-inline'", "*", "http:", "https:");
        assertThat(header.apply("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header.apply("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header.apply("X-Frame-Options")).isEqualTo("DENY");
        assertThat(header.apply("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()",
                "payment=()", "usb=()");
    }

    @Test
    void a_download_carries_every_protective_header_and_no_hsts_over_plain_http() throws Exception {
        data.signIn(data.person(Role.MEMBER));
        String address = feeds.newFeed();
        String path = address.substring(address.indexOf("/calendar/"));

        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/calendar");
        assertProtectiveHeaders(response::getHeader);
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void a_page_carries_every_protective_header() throws Exception {
        // MockMvc runs no Vaadin servlet; stand in for it to see the headers of a page request
        MockServletContext servletContext = (MockServletContext) context.getServletContext();
        servletContext.registerNamedDispatcher(VAADIN_SERVLET, new MockRequestDispatcher(VAADIN_SERVLET));
        try {
            MockHttpServletResponse response = mvc.perform(get("/login")).andReturn().getResponse();

            assertThat(response.getForwardedUrl()).isEqualTo(VAADIN_SERVLET);
            assertProtectiveHeaders(response::getHeader);
            assertThat(response.getHeader("Strict-Transport-Security")).isNull();
        } finally {
            servletContext.unregisterNamedDispatcher(VAADIN_SERVLET);
        }
    }
}
