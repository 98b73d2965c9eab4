package org.praxis.base;

import java.util.List;

/** What is wrong with one field: a message-bundle key and the values its text refers to. */
public record Problem(String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem of(String key, Object... args) {
        return new Problem(key, List.of(args));
    }
}
