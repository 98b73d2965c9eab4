package org.praxis.conversation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.praxis.conversation.MentionPerson;

/**
 * Suggests the cohort's people while a writer types {@code @} in a text area: a list under the
 * field, by name as they type, chosen with the arrow keys and Enter or Tab (Escape closes it),
 * or with the mouse. It is a listbox the text area points to ({@code aria-controls},
 * {@code aria-activedescendant}), and a polite live region says how many people match.
 *
 * <p>The browser part is one small script on the field: it sends what was typed when the text
 * before the caret looks like a mention (or while the list is open), and, only while the list is
 * open, keeps those keys from moving the caret or focus and sends them here instead. Names are
 * set as text. A chosen person is remembered, so {@link #stored(String)} turns {@code @Leah Jim}
 * into the token of that very person even where two people share the name.
 */
class MentionSuggestions extends Div {

    /** How many people the list shows at once. */
    static final int SHOWN = 8;
    static final String OPEN = "data-mentions-open";
    /** What is typed between {@code @} and the caret, when it may be a mention. */
    private static final Pattern QUERY = Pattern.compile("(?:^|[^\\p{L}\\p{N}@])@([^@\\n]{0,40})$");

    private static final String SCRIPT = """
            const host = this;
            if (host.__praxisMentions) { return; }
            host.__praxisMentions = true;
            let timer;
            host.addEventListener('input', () => {
              clearTimeout(timer);
              timer = setTimeout(() => {
                const i = host.inputElement;
                if (!i) { return; }
                const c = i.selectionStart, v = i.value;
                const before = v.slice(Math.max(0, c - 60), c);
                if (host.hasAttribute('data-mentions-open') || /(^|[^\\p{L}\\p{N}@])@[^@\\n]{0,40}$/u.test(before)) {
                  host.dispatchEvent(new CustomEvent('mention-input', {detail: {value: v, caret: c}}));
                }
              }, 120);
            });
            host.addEventListener('keydown', e => {
              if (!host.hasAttribute('data-mentions-open') || e.altKey || e.ctrlKey || e.metaKey) { return; }
              if (['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key) && !(e.key === 'Tab' && e.shiftKey)) {
                e.preventDefault();
                e.stopPropagation();
                host.dispatchEvent(new CustomEvent('mention-key', {detail: e.key}));
              }
            }, true);
            """;

    private final TextArea field;
    private final Supplier<List<MentionPerson>> source;
    private List<MentionPerson> people;
    private final Div list = new Div();
    private final Span status = new Span();
    /** Chosen people by the name inserted for them. */
    private final Map<String, Long> chosen = new LinkedHashMap<>();
    private List<MentionPerson> matches = List.of();
    private int active = -1;
    private String text = "";
    private int queryStart = -1;
    private int caret = -1;

    MentionSuggestions(TextArea field, Supplier<List<MentionPerson>> people) {
        this.field = field;
        this.source = people;
        addClassName("praxis-mentions");
        String base = field.getId().orElse("reply-body");
        setId(base + "-mentions");
        list.setId(base + "-mention-list");
        list.addClassName("praxis-mention-list");
        list.getElement().setAttribute("role", "listbox");
        list.getElement().setAttribute("aria-label", getTranslation("mention.list"));
        list.setVisible(false);
        status.setId(base + "-mention-status");
        status.addClassName("praxis-visually-hidden");
        status.getElement().setAttribute("aria-live", "polite");
        status.getElement().setAttribute("role", "status");
        add(list, status);
        field.getElement().addEventListener("mention-input", e -> typed(e.getEventData().getString("event.detail.value"),
                (int) e.getEventData().getNumber("event.detail.caret")))
                .addEventData("event.detail.value").addEventData("event.detail.caret");
        field.getElement().addEventListener("mention-key", e -> key(e.getEventData().getString("event.detail")))
                .addEventData("event.detail");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        field.getElement().executeJs(SCRIPT);
        field.getElement().executeJs("const i = this.inputElement; if (i) { i.setAttribute('aria-autocomplete', 'list');"
                + " i.setAttribute('aria-controls', $0); }", list.getId().orElseThrow());
    }

    /** The writer typed: offers the people whose name fits what follows the {@code @} before the caret. */
    void typed(String value, int caretAt) {
        text = value == null ? "" : value;
        caret = Math.max(0, Math.min(caretAt, text.length()));
        Matcher m = QUERY.matcher(text.substring(Math.max(0, caret - 60), caret));
        if (!m.find()) {
            close();
            return;
        }
        String query = m.group(1);
        queryStart = caret - query.length() - 1;
        matches = matching(query);
        if (matches.isEmpty()) {
            close();
            status.setText(query.isBlank() ? "" : getTranslation("mention.none", query.strip()));
            return;
        }
        active = 0;
        show();
    }

    private List<MentionPerson> matching(String query) {
        if (people == null) {
            people = source.get();
        }
        String q = fold(query.stripLeading());
        List<MentionPerson> out = new ArrayList<>();
        for (MentionPerson p : people) {
            String name = fold(p.name());
            if (q.isEmpty() || name.startsWith(q) || name.contains(" " + q)) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparing((MentionPerson p) -> !fold(p.name()).startsWith(q)));
        return out.size() > SHOWN ? out.subList(0, SHOWN) : out;
    }

    /** Lower case without accents, so "jose" finds "José". */
    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private void show() {
        list.removeAll();
        for (int i = 0; i < matches.size(); i++) {
            MentionPerson p = matches.get(i);
            Div option = new Div();
            option.setText(p.name());
            option.setId(optionId(p));
            option.addClassName("praxis-mention-option");
            option.getElement().setAttribute("role", "option");
            option.getElement().setAttribute("aria-selected", String.valueOf(i == active));
            int index = i;
            option.addClickListener(click -> choose(index));
            list.add(option);
        }
        list.setVisible(true);
        field.getElement().setAttribute(OPEN, "");
        status.setText(getTranslation("mention.matches", matches.size()));
        pointAt(optionId(matches.get(active)));
    }

    private String optionId(MentionPerson p) {
        return list.getId().orElseThrow() + "-" + p.id();
    }

    private void pointAt(String optionId) {
        field.getElement().executeJs("const i = this.inputElement; if (!i) { return; }"
                + " if ($0) { i.setAttribute('aria-activedescendant', $0); } else { i.removeAttribute('aria-activedescendant'); }",
                optionId);
    }

    /** A key the browser held back while the list was open. */
    void key(String key) {
        if (matches.isEmpty()) {
            close();
            return;
        }
        switch (key) {
            case "ArrowDown" -> move(1);
            case "ArrowUp" -> move(-1);
            case "Enter", "Tab" -> choose(active);
            default -> close();
        }
    }

    private void move(int by) {
        active = Math.floorMod(active + by, matches.size());
        for (int i = 0; i < list.getComponentCount(); i++) {
            list.getComponentAt(i).getElement().setAttribute("aria-selected", String.valueOf(i == active));
        }
        pointAt(optionId(matches.get(active)));
    }

    /** Puts {@code @Name } in place of what was typed after the {@code @}, and the caret after it. */
    void choose(int index) {
        if (index < 0 || index >= matches.size() || queryStart < 0) {
            close();
            return;
        }
        MentionPerson p = matches.get(index);
        String inserted = "@" + p.name() + " ";
        String next = text.substring(0, queryStart) + inserted + text.substring(caret);
        chosen.put(p.name(), p.id());
        int at = queryStart + inserted.length();
        close();
        field.setValue(next);
        text = next;
        field.getElement().executeJs("const i = this.inputElement; if (i) { i.focus(); i.setSelectionRange($0, $0); }", at);
    }

    void close() {
        matches = List.of();
        active = -1;
        list.removeAll();
        list.setVisible(false);
        field.getElement().removeAttribute(OPEN);
        status.setText("");
        pointAt(null);
    }

    boolean isOpen() {
        return list.isVisible();
    }

    /** The text to save: each chosen {@code @Name} as its person's token, longest names first. */
    String stored(String value) {
        String out = value == null ? "" : value;
        List<Map.Entry<String, Long>> byLength = new ArrayList<>(chosen.entrySet());
        byLength.sort(Comparator.comparingInt((Map.Entry<String, Long> e) -> e.getKey().length()).reversed());
        for (Map.Entry<String, Long> e : byLength) {
            out = out.replaceAll("(?<![\\p{L}\\p{N}@])@" + Pattern.quote(e.getKey()) + "(?![\\p{L}\\p{N}])",
                    Matcher.quoteReplacement("@[" + e.getValue() + "]"));
        }
        return out;
    }
}
