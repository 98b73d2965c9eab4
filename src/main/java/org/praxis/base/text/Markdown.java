package org.praxis.base.text;

import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Markdown to safe HTML, in two independent steps: CommonMark renders with raw HTML escaped (so
 * typed tags show as text), then jsoup keeps only an allowlist of tags and attributes. Links
 * keep only {@code http}, {@code https} and {@code mailto} and get
 * {@code rel="nofollow noopener ugc"}; images are not allowed. Headings are moved down to
 * {@code h4}–{@code h6} so a post never breaks the page's heading order.
 */
@Component
public class Markdown {

    private static final Set<String> TOP_HEADINGS = Set.of("h1", "h2", "h3");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();
    private final Safelist safelist = new Safelist()
            .addTags("p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h4",
                    "h5", "h6", "hr", "del", "s")
            .addAttributes("a", "href", "title")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener ugc");

    /** Safe HTML for the Markdown text; empty for empty input. */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String rendered = renderer.render(parser.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(rendered);
        for (Element heading : dirty.select("h1, h2, h3, h4, h5, h6")) {
            String tag = heading.tagName();
            heading.tagName(TOP_HEADINGS.contains(tag) ? (tag.equals("h3") ? "h5" : "h4") : "h6");
        }
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
