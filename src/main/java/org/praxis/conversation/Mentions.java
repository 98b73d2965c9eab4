package org.praxis.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Mentions in a post's Markdown, stored by person id as {@code @[12]}: the text never holds a
 * name, so a post shows whoever it mentions by their current name, a deleted account as "a
 * former member", and nothing the reader may not know. What the writer typed ({@code @Leah Jim},
 * or {@code @Leah} when one person of the cohort is called so) is turned into tokens when the
 * post is saved; the writer sees names again when editing. Pure text work, no database.
 */
final class Mentions {

    private Mentions() {
    }

    /** A stored mention: the person's id and nothing else (digits only, so nothing to escape). */
    static final Pattern TOKEN = Pattern.compile("@\\[(\\d{1,18})\\]");
    /** A typed mention that is not a token yet: {@code @} after no letter, digit or {@code @}, then a word. */
    private static final Pattern TYPED = Pattern.compile("(?<![\\p{L}\\p{N}@\\[\\\\])@(?!\\[)(\\p{L}[\\p{L}\\p{N}'’-]*)");

    /** The typed text with every mention that could be resolved turned into a token. */
    record Resolved(String text, Set<Long> ids, List<MentionCheck.Ambiguity> ambiguous, List<String> unknown) {
    }

    /** The ids mentioned in stored text, in order of first mention. */
    static Set<Long> ids(String stored) {
        Set<Long> ids = new LinkedHashSet<>();
        if (stored == null) {
            return ids;
        }
        Matcher m = TOKEN.matcher(stored);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /**
     * Turns typed mentions into tokens: tokens already there stay; {@code @Full Name} of one of
     * {@code people} (any case, longest name first); else {@code @First} when exactly one
     * person's first name is that word. Other {@code @word}s are left as they are and reported,
     * as ambiguous (with the names that fit) or unknown.
     */
    static Resolved resolve(String typed, List<MentionPerson> people) {
        String text = typed == null ? "" : typed;
        List<MentionPerson> longestFirst = new ArrayList<>(people);
        longestFirst.sort(Comparator.comparingInt((MentionPerson p) -> p.name().length()).reversed());
        StringBuilder out = new StringBuilder();
        List<MentionCheck.Ambiguity> ambiguous = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Matcher m = TYPED.matcher(text);
        int last = 0;
        while (m.find()) {
            int at = m.start();
            if (at < last) {
                continue;
            }
            out.append(text, last, at);
            MentionPerson full = null;
            List<MentionPerson> sameFull = new ArrayList<>();
            for (MentionPerson p : longestFirst) {
                if (full != null && p.name().length() < full.name().length()) {
                    break;
                }
                if (matchesAt(text, at + 1, p.name())) {
                    if (full == null) {
                        full = p;
                    }
                    sameFull.add(p);
                }
            }
            if (sameFull.size() == 1) {
                out.append("@[").append(full.id()).append(']');
                last = at + 1 + full.name().length();
                continue;
            }
            String word = m.group(1);
            List<MentionPerson> byFirst = sameFull.size() > 1 ? sameFull
                    : people.stream().filter(p -> firstWord(p.name()).equalsIgnoreCase(word)).toList();
            if (byFirst.size() == 1) {
                out.append("@[").append(byFirst.get(0).id()).append(']');
            } else {
                out.append(m.group());
                if (byFirst.isEmpty()) {
                    if (!unknown.contains(word)) {
                        unknown.add(word);
                    }
                } else {
                    ambiguous.add(new MentionCheck.Ambiguity(sameFull.size() > 1 ? full.name() : word,
                            byFirst.stream().map(MentionPerson::name).toList()));
                }
            }
            last = m.end();
        }
        out.append(text.substring(last));
        String resolved = out.toString();
        return new Resolved(resolved, ids(resolved), ambiguous, unknown);
    }

    /** Whether {@code name} stands at {@code from}, any case, and ends there as a whole word. */
    private static boolean matchesAt(String text, int from, String name) {
        if (name.isBlank() || !text.regionMatches(true, from, name, 0, name.length())) {
            return false;
        }
        int end = from + name.length();
        return end == text.length() || !Character.isLetterOrDigit(text.codePointAt(end));
    }

    static String firstWord(String name) {
        String n = name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    /**
     * Stored text as the writer edits or quotes it: each token as {@code @Name} where {@code names}
     * knows the person (the cohort's people), else kept as the token, which still means that person.
     */
    static String editable(String stored, Map<Long, String> names) {
        if (stored == null || stored.indexOf("@[") < 0) {
            return stored;
        }
        Matcher m = TOKEN.matcher(stored);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.get(Long.parseLong(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null ? m.group() : "@" + name));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Sanitised HTML with each token (outside code) shown as a highlighted {@code @Name}: the
     * name goes in as a text node, so it is escaped whatever it holds. {@code nameOf} gives the
     * name to show for an id, never null.
     */
    static String html(String sanitized, LongFunction<String> nameOf) {
        if (sanitized == null || sanitized.indexOf("@[") < 0) {
            return sanitized;
        }
        Document doc = Jsoup.parseBodyFragment(sanitized);
        doc.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        collect(doc.body(), texts);
        for (TextNode t : texts) {
            String s = t.getWholeText();
            Matcher m = TOKEN.matcher(s);
            if (!m.find()) {
                continue;
            }
            List<Node> parts = new ArrayList<>();
            int last = 0;
            do {
                if (m.start() > last) {
                    parts.add(new TextNode(s.substring(last, m.start())));
                }
                Element mention = new Element("span").addClass("praxis-mention");
                mention.appendChild(new TextNode("@" + nameOf.apply(Long.parseLong(m.group(1)))));
                parts.add(mention);
                last = m.end();
            } while (m.find());
            if (last < s.length()) {
                parts.add(new TextNode(s.substring(last)));
            }
            for (Node part : parts) {
                t.before(part);
            }
            t.remove();
        }
        return doc.body().html();
    }

    private static void collect(Element e, List<TextNode> into) {
        String tag = e.tagName().toLowerCase(Locale.ROOT);
        if (tag.equals("code") || tag.equals("pre")) {
            return;
        }
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                into.add(t);
            } else if (child instanceof Element c) {
                collect(c, into);
            }
        }
    }
}
