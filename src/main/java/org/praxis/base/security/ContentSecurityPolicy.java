package org.praxis.base.security;

import java.util.stream.Collectors;

/**
 * What a browser may load and run for Praxis. Every response carries {@link #everywhere()}: no
 * script but the app's own files, nothing from other sites, no plugins, no framing, no foreign
 * {@code <base>} or form target. Vaadin's bootstrap page widens {@code script-src} by exactly two
 * things it cannot work without ({@link #bootstrapPage}): its own inline scripts, marked with a
 * per-response nonce, and {@code 'unsafe-eval'}, because the Flow client turns the JavaScript the
 * server sends ({@code executeJs}, event data, lazy chunks) into functions with {@code new
 * Function}. Inline scripts that did not come with the page, and inline event handlers such as
 * {@code onerror=}, stay refused. Styles allow {@code 'unsafe-inline'}: Vaadin's bootstrap and its
 * components set inline styles, and a nonce would switch that allowance off for them.
 */
public final class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    private ContentSecurityPolicy() {
    }

    /** The policy of every response but the bootstrap page: downloads, error pages, JSON. */
    public static String everywhere() {
        return policy("'self'");
    }

    /** The policy of Vaadin's bootstrap page, whose own inline scripts carry {@code nonce}. */
    public static String bootstrapPage(String nonce) {
        return policy("'self' 'nonce-" + nonce + "' 'unsafe-eval'");
    }

    private static String policy(String scripts) {
        return java.util.List.of(
                "default-src 'self'",
                "script-src " + scripts,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'").stream().collect(Collectors.joining("; "));
    }
}
