package org.praxis.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.accountability.CalendarFeedService;
import org.praxis.base.security.Role;
import org.praxis.base.security.SecurityHeadersTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a browser gets over HTTP from a started server, where the Vaadin servlet, Tomcat and the
 * error dispatch all take part: the bootstrap page's script nonce, HSTS and a Secure session
 * cookie once the base URL is https, and Praxis's own page for every error (never Spring's
 * "Whitelabel Error Page" or Tomcat's report, never a stack trace).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "praxis.mail.base-url=https://praxis.test/")
@ActiveProfiles("test")
@Import({TestData.class, HttpResponsesTest.Failing.class})
class HttpResponsesTest {

    /** A controller that fails, as any could: only in this test's application. */
    @RestController
    static class Failing {
        @GetMapping("/test-only/fail")
        String fail() {
            throw new IllegalStateException("secret detail of the failure");
        }
    }

    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    CalendarFeedService feeds;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void signedOutOnTheTestThread() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    private HttpResponse<String> send(String method, String path, String cookie, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst();
    }

    private static String csrfToken(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).selectFirst("meta[name=_csrf]").attr("content");
    }

    /** A signed-in session: the login page's token and the password posted to the form endpoint. */
    private String signedIn(TestData.Person person) throws IOException, InterruptedException {
        HttpResponse<String> login = send("GET", "/login", null);
        String cookie = sessionCookie(login).orElseThrow().split(";")[0];
        String form = "_csrf=" + java.net.URLEncoder.encode(csrfToken(login), java.nio.charset.StandardCharsets.UTF_8)
                + "&username=" + java.net.URLEncoder.encode(person.email(), java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(TestData.PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("signed in").isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return sessionCookie(posted).map(c -> c.split(";")[0]).orElse(cookie);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void the_bootstrap_page_names_a_fresh_nonce_that_every_script_of_the_page_carries() throws Exception {
        HttpResponse<String> page = send("GET", "/login", null);
        HttpResponse<String> again = send("GET", "/login", null);

        assertThat(page.statusCode()).isEqualTo(200);
        String policy = header(page, "Content-Security-Policy");
        Matcher nonce = NONCE.matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(policy).contains("'unsafe-eval'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
                "form-action 'self'").doesNotContain("script-src 'self' 'unsafe-inline'");
        Document html = Jsoup.parse(page.body());
        List<Element> scripts = html.getElementsByTag("script");
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(scripts).allSatisfy(s -> assertThat(s.attr("nonce")).isEqualTo(nonce.group(1)));
        Matcher other = NONCE.matcher(header(again, "Content-Security-Policy"));
        assertThat(other.find()).isTrue();
        assertThat(other.group(1)).isNotEqualTo(nonce.group(1));
        SecurityHeadersTest.assertProtectiveHeadersOnPage(name -> header(page, name));
    }

    @Test
    void over_https_pages_and_downloads_ask_for_https_and_the_session_cookie_is_secure() throws Exception {
        HttpResponse<String> page = send("GET", "/login", null);
        TestData.Person member = data.person(Role.MEMBER);
        data.signIn(member);
        String feed = feeds.newFeed();
        HttpResponse<String> download = send("GET", feed.substring(feed.indexOf("/calendar/")), null);

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(header(download, "Content-Type")).startsWith("text/calendar");
        SecurityHeadersTest.assertProtectiveHeaders(name -> header(download, name));
        for (HttpResponse<String> response : List.of(page, download)) {
            assertThat(header(response, "Strict-Transport-Security")).isEqualTo("max-age=31536000");
        }
        String cookie = sessionCookie(page).orElseThrow();
        assertThat(cookie).contains("; Secure", "; HttpOnly", "; SameSite=Lax");
        // the session id never goes into an address
        assertThat(header(page, "Location")).isNull();
        assertThat(page.body()).doesNotContain("jsessionid");
    }

    private static void assertPraxisErrorPage(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(header(response, "Content-Type")).startsWith("text/html");
        Document html = Jsoup.parse(response.body());
        assertThat(html.selectFirst("main#error-page")).as(response.body()).isNotNull();
        assertThat(html.selectFirst("h1").text()).isEqualTo(title);
        assertThat(html.title()).isEqualTo(title + " · Praxis");
        assertThat(html.selectFirst("a#go-home").attr("href")).isEqualTo("/");
        assertThat(html.getElementsByTag("script")).isEmpty();
        assertThat(response.body()).doesNotContainIgnoringCase("whitelabel").doesNotContainIgnoringCase("tomcat")
                .doesNotContain("Exception", "at org.", "at java.", "secret detail");
        assertThat(header(response, "Content-Security-Policy")).as(response.headers().map().toString()).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void a_missing_file_is_praxis_not_found_page_for_anyone() throws Exception {
        assertPraxisErrorPage(send("GET", "/VAADIN/no-such-file.js", null), 404, "Page not found");
        assertPraxisErrorPage(send("GET", "/VAADIN/no-such-file.js", signedIn(data.person(Role.MEMBER))), 404,
                "Page not found");
    }

    @Test
    void an_address_of_no_view_loads_the_app_with_status_404_so_it_shows_not_found() throws Exception {
        String session = signedIn(data.person(Role.MEMBER));
        for (String path : List.of("/calendar/feed/x", "/commitments/abc", "/applications/99999999999999999999",
                "/no/such/page")) {
            HttpResponse<String> response = send("GET", path, session);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("<div id=\"outlet\">").doesNotContainIgnoringCase("whitelabel");
        }
        assertThat(send("GET", "/commitments", session).statusCode()).isEqualTo(200);
    }

    @Test
    void a_post_without_the_pages_token_is_refused_with_praxis_page() throws Exception {
        assertPraxisErrorPage(send("POST", "/calendar/feed/x.ics", null), 403, "This request was refused");
    }

    @Test
    void a_method_the_address_does_not_take_is_praxis_page_with_405() throws Exception {
        String session = signedIn(data.person(Role.MEMBER));
        String token = csrfToken(send("GET", "/commitments", session));

        HttpResponse<String> response = send("POST", "/calendar/feed/x.ics", session, "X-CSRF-TOKEN", token);

        assertPraxisErrorPage(response, 405, "This request couldn’t be understood");
    }

    @Test
    void a_malformed_address_is_praxis_page_with_400_whether_spring_or_tomcat_refuses_it() throws Exception {
        // a doubled slash is refused by Spring Security's firewall, an encoded slash by Tomcat itself
        assertPraxisErrorPage(send("GET", "/calendar//feed/x.ics", null), 400, "This request couldn’t be understood");
        assertPraxisErrorPage(send("GET", "/calendar/feed%2Fx.ics", null), 400, "This request couldn’t be understood");
    }

    @Test
    void a_failing_controller_is_praxis_page_with_500_and_a_reference_but_no_details() throws Exception {
        HttpResponse<String> response = send("GET", "/test-only/fail", signedIn(data.person(Role.MEMBER)));

        assertPraxisErrorPage(response, 500, "Something went wrong");
        assertThat(Jsoup.parse(response.body()).selectFirst("main p").text()).containsPattern("reference [0-9a-f]{8}");
    }
}
