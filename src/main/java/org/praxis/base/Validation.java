package org.praxis.base;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the broken rules of one input, then throws them together so the user sees every
 * problem at once rather than one per attempt.
 */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

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
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            reject(field, "validation.too-long", maxLength);
        }
        return this;
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

    /** Trims and turns blank text into {@code null}. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
