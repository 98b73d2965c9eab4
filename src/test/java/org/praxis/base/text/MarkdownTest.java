package org.praxis.base.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing a user types reaches the page unsanitised: a corpus of XSS vectors, raw and in Markdown. */
class MarkdownTest {

    private static final Set<String> ALLOWED_TAGS = Set.of("body", "p", "br", "strong", "em", "b", "i", "code", "pre",
            "blockquote", "ul", "ol", "li", "a", "h4", "h5", "h6", "hr", "del", "s");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "title", "rel", "start");

    private final Markdown markdown = new Markdown();

    static List<String> rawVectors() throws IOException {
        try (InputStream in = MarkdownTest.class.getResourceAsStream("/xss/vectors.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static List<String> markdownVectors() {
        return List.of(
                "[x](javascript:alert(1))",
                "[x](JAVASCRIPT:alert(1))",
                "[x]( javascript:alert(1) )",
                "[x](<javascript:alert(1)>)",
                "[x](java\tscript:alert(1))",
                "[x](&#106;avascript:alert(1))",
                "[x](jav&#x61;script:alert(1))",
                "[x](javascript&colon;alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](vbscript:msgbox(1))",
                "[x](file:///etc/passwd)",
                "![x](javascript:alert(1))",
                "![x](http://tracker.example/pixel.gif)",
                "<javascript:alert(1)>",
                "[ref]\n\n[ref]: javascript:alert(1)",
                "[ref][1]\n\n[1]: data:text/html,<script>alert(1)</script>",
                "[x](http://ok.example \"t\\\" onmouseover=alert(1) x=\\\"\")",
                "[x](http://ok.example' onmouseover='alert(1))",
                "`<script>alert(1)</script>`",
                "```html\n<script>alert(1)</script>\n```",
                "    <img src=x onerror=alert(1)>",
                "> <iframe src=javascript:alert(1)>",
                "* <svg onload=alert(1)>",
                "# <img src=x onerror=alert(1)>",
                "**<a href=javascript:alert(1)>bold</a>**",
                "[<img src=x onerror=alert(1)>](http://ok.example)",
                "[x](http://ok.example)<script>alert(1)</script>",
                "<div>\n*markdown in html*\n</div><script>alert(1)</script>",
                "[x]: <javascript:alert(1)>\n\n[x]",
                "[click](\\javascript:alert(1))");
    }

    static Stream<String> corpus() throws IOException {
        List<String> all = new ArrayList<>();
        for (String v : rawVectors()) {
            all.add(v);
            all.add("> " + v);
            all.add("- item " + v);
        }
        all.addAll(markdownVectors());
        return all.stream();
    }

    @Test
    void the_corpus_has_at_least_150_distinct_vectors() throws IOException {
        assertThat(rawVectors().size() + markdownVectors().size()).isGreaterThanOrEqualTo(150);
        assertThat(corpus().distinct().count()).isGreaterThanOrEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void no_vector_survives(String input) {
        String html = markdown.toSafeHtml(input);
        for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertThat(ALLOWED_TAGS).as("tag in %s", html).contains(e.tagName().toLowerCase(Locale.ROOT));
            for (Attribute a : e.attributes()) {
                assertThat(ALLOWED_ATTRIBUTES).as("attribute in %s", html).contains(a.getKey().toLowerCase(Locale.ROOT));
                if (a.getKey().equalsIgnoreCase("href")) {
                    assertThat(a.getValue()).as("link in %s", html).matches("(?i)^(https?://|mailto:).*");
                }
            }
            if (e.tagName().equals("a")) {
                assertThat(e.attr("rel")).isEqualTo("nofollow noopener ugc");
            }
        }
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "<svg", "<iframe", "<img", "<style", "<object", "<embed", "<math",
                "<base", "<meta", "<link", "<form", "<input", "<template");
    }

    @Test
    void ordinary_markdown_keeps_its_meaning() {
        String html = markdown.toSafeHtml("**Equity** is not *equality*.\n\n> quoted\n\n- one\n- two\n\n"
                + "[a link](https://example.org/policy) and <mailto:someone@example.org>");
        assertThat(html)
                .contains("<strong>Equity</strong>")
                .contains("<em>equality</em>")
                .contains("<blockquote>")
                .contains("<li>one</li>")
                .contains("<a href=\"https://example.org/policy\" rel=\"nofollow noopener ugc\">a link</a>")
                .contains("href=\"mailto:someone@example.org\"");
    }

    @Test
    void typed_tags_show_as_text() {
        String html = markdown.toSafeHtml("I wrote <b>this</b> & that");
        assertThat(Jsoup.parseBodyFragment(html).text()).isEqualTo("I wrote <b>this</b> & that");
    }

    @Test
    void headings_move_down_so_posts_keep_the_page_heading_order() {
        String html = markdown.toSafeHtml("# One\n\n## Two\n\n### Three\n\n#### Four");
        assertThat(html).contains("<h4>One</h4>", "<h4>Two</h4>", "<h5>Three</h5>", "<h6>Four</h6>")
                .doesNotContain("<h1", "<h2", "<h3");
    }

    @Test
    void empty_text_gives_empty_html() {
        assertThat(markdown.toSafeHtml("")).isEmpty();
        assertThat(markdown.toSafeHtml("   ")).isEmpty();
        assertThat(markdown.toSafeHtml(null)).isEmpty();
    }
}
