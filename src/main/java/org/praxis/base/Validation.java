package org.praxis.base;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the broken rules of one input, then throws them together so the user sees every
 * problem at once rather than one per attempt.
 *
 * <p>Every text checked with {@link #required} or {@link #maxLength} is also checked to be
 * storable: PostgreSQL refuses the NUL character (U+0000) in text and in jsonb, and half of a
 * surrogate pair cannot be written as UTF-8 at all. Such characters are invisible, usually pasted
 * in from a PDF or another program; a form refuses them with a message that says where, so
 * nothing the person sees is changed behind their back. Saves no one watches (drafts kept while
 * typing) use {@link #storable(String)} instead, which drops them.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    /** How many characters before an unstorable one the message quotes, so the person can find it. */
    private static final int CONTEXT = 24;

    private final Map<String, Problem> errors = new LinkedHashMap<>();

    public Validation required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            reject(field, "validation.required");
        } else {
            maxLength(field, value, maxLength);
        }
        return this;
    }

    public Validation maxLength(String field, String value, int maxLength) {
        storable(field, value);
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            reject(field, "validation.too-long", maxLength);
        }
        return this;
    }

    /** Refuses text with a character PostgreSQL cannot store, saying after which words it hides. */
    public Validation storable(String field, String value) {
        int at = firstUnstorable(value);
        if (at < 0) {
            return this;
        }
        String before = value.substring(0, at).replaceAll("\\s+", " ").strip();
        if (before.isEmpty()) {
            return reject(field, "validation.unstorable.start");
        }
        int from = before.offsetByCodePoints(before.length(), -Math.min(CONTEXT, before.codePointCount(0, before.length())));
        if (from > 0 && !Character.isWhitespace(before.charAt(from - 1))) {
            // start at a whole word, unless the words are too long for that
            int space = before.indexOf(' ', from);
            from = space < 0 ? from : space + 1;
        }
        return reject(field, "validation.unstorable", (from > 0 ? "…" : "") + before.substring(from));
    }

    public Validation email(String field, String value) {
        required(field, value, 254);
        if (!errors.containsKey(field) && !EMAIL.matcher(value.strip()).matches()) {
            reject(field, "validation.email");
        }
        return this;
    }

    public Validation check(boolean ok, String field, String messageKey) {
        if (!ok) {
            reject(field, messageKey);
        }
        return this;
    }

    public Validation reject(String field, String messageKey, Object... args) {
        errors.putIfAbsent(field, Problem.of(messageKey, args));
        return this;
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Trims and turns blank text into {@code null}; drops characters that cannot be stored. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = storable(value).strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The text without the characters PostgreSQL cannot store (NUL, half surrogate pairs); {@code null} stays null. */
    public static String storable(String value) {
        if (firstUnstorable(value) < 0) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                kept.append(c).append(value.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Where the first character that cannot be stored is, or -1. */
    static int firstUnstorable(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
