package org.praxis.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by a service when input breaks a rule. Carries, per field, what is wrong as a
 * message-bundle key, so the view shows each message next to its field in the reader's language.
 */
public class InvalidInputException extends RuntimeException {

    private final transient Map<String, Problem> problems;

    public InvalidInputException(Map<String, Problem> problems) {
        super("Invalid input: " + problems.keySet());
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(Map.of(field, Problem.of(messageKey, args)));
    }

    /** Field name to problem, in the order the rules were checked. */
    public Map<String, Problem> problems() {
        return problems;
    }
}
